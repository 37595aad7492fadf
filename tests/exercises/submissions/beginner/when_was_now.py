"""A beginner's 'When was "now"?': tables of expressions, and textkit's calendar helpers."""

from textkit import (
    MONTH_NAMES,
    WEEKDAY_NAMES,
    latest,
    latest_weekday,
    parse_date,
    period,
    span,
    year_span,
)

# Fixed expressions: (calendar unit, steps from the dateline's one).
STEPS = {"now": ("day", 0), "today": ("day", 0), "yesterday": ("day", -1),
         "tomorrow": ("day", 1), "this week": ("week", 0), "last week": ("week", -1),
         "next week": ("week", 1), "this month": ("month", 0), "last month": ("month", -1),
         "next month": ("month", 1), "this year": ("year", 0), "last year": ("year", -1),
         "next year": ("year", 1)}
COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# Small words around an expression that change nothing.
FILLERS = ["in", "on", "the", "during", "over", "early", "late", "mid"]
# Endings of a day of the month: 2nd, 3rd, 19th.
ENDINGS = "stndrh"
# Words that make the start of a stretch of time unknowable.
VAGUE = ["recent", "recently", "lately", "several", "few", "months", "years", "weeks"]


def resolve_time(expression, dateline):
    today = parse_date(dateline)
    words = [w.strip(",.") for w in expression.lower().replace("-", " ").split() if w not in FILLERS]
    counts = [COUNTS.get(w) or int(w.strip(ENDINGS)) for w in words
              if w in COUNTS or w.strip(ENDINGS).isdigit()]
    month = next((MONTH_NAMES[w] for w in words if w in MONTH_NAMES), None)
    if " ".join(words) in STEPS:
        return period(today, *STEPS[" ".join(words)])
    if words[-1] == "ago" and counts:
        return period(today, words[-2].rstrip("s"), -counts[0])
    if not counts and not month and any(w in VAGUE for w in words):
        return span(None, today)
    if month or words[-1] in WEEKDAY_NAMES:
        return latest(today, month, (counts + [None])[0], words[0] == "last") if month else \
            latest_weekday(today, words[-1], words[0] == "last")
    return year_span(counts[0], counts[-1]) if counts and counts[0] > 31 else None
