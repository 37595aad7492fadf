"""Exercise 9: When was "now"?

News is written for the day it appears. "Two years ago", "this year" and "On June 19" are
clear on that day and vague a year later, especially when the article carries no date. To
check a claim you must first pin down when it happened, reading each time expression
against the article's dateline (its publication date).

Write ``resolve_time`` below. The page 'When was "now"?' on the course site explains the
rules the checks use. Check your work with:

    pytest exercises/test_when_was_now.py
"""

from textkit import (  # calendar helpers: see textkit.py
    MONTH_NAMES,
    WEEKDAY_NAMES,
    latest,
    latest_weekday,
    parse_date,
    period,
    span,
    year_span,
)

# Core route (see the exercise page): look the expression up in a table of fixed
# expressions, then handle "N units ago", months, weekdays and years with the helpers.
# These tables are yours to extend.

# STEPS: fixed expressions -> (calendar unit, how many of them from the dateline's one).
STEPS = {"today": ("day", 0), "yesterday": ("day", -1), "last year": ("year", -1)}
# COUNTS: number words.
COUNTS = {"one": 1, "two": 2, "three": 3}


def resolve_time(expression, dateline):
    """Work out which stretch of the calendar a time expression points at.

    Args:
        expression: a time expression as it appears in an article, such as "two years ago",
            "this year", "last month", "On June 19", "in recent months".
        dateline: the article's publication date, as an ISO date string "YYYY-MM-DD".

    Returns:
        A dictionary {"start": ..., "end": ...} with the first and the last day of that
        stretch as "YYYY-MM-DD" strings (the same day twice for a single day), or None if
        you cannot read the expression. The start is None when it cannot be known
        ("in recent months": it ends at the dateline, but since when?).

    The rules:
        * "now" and "today" are the dateline itself.
        * A day, a week (Monday to Sunday), a month or a year: "yesterday", "last week",
          "this month", "next year", "two years ago" are whole calendar periods counted
          from the one that holds the dateline.
        * A date, a month or a weekday without a year ("June 19", "in June", "on Monday"):
          the most recent one that is not after the dateline. "last June" and "last Monday"
          must also come before the dateline's own month or day.
        * "the past three months" runs from the same day three months earlier (or that
          month's last day, if the day does not exist) up to the dateline.
        * Ignore "on", "in", "the", "over" and the fuzzy "early", "mid-" and "late" at the
          start: "in mid-August 2021" is all of August 2021.

    Examples:
        >>> resolve_time("last year", "2020-05-17")
        {'start': '2019-01-01', 'end': '2019-12-31'}
        >>> resolve_time("March 8", "2020-05-17")
        {'start': '2020-03-08', 'end': '2020-03-08'}
        >>> resolve_time("in recent weeks", "2020-05-17")
        {'start': None, 'end': '2020-05-17'}
    """
    return None
