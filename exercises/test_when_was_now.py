"""Public checks for the exercise 'When was "now"?', on the case study's time expressions."""

import pytest

from sourcewise.casestudy import default_case_study
from sourcewise.exercises.answers import SPAN_RULE, span_problems
from sourcewise.exercises.item_grading import grade_items
from sourcewise.exercises.items import Item, texts
from sourcewise.grading import Failure

pytestmark = [
    pytest.mark.exercise("when_was_now"),
    pytest.mark.lesson("exercises/when-was-now.md"),
]

CASE = default_case_study()
DATELINE = CASE.publication.date.isoformat()
YEAR = CASE.publication.date.year

# The article's time expressions that the dateline can settle, read against the dateline
# (the case study's estimated publication date). Each is (sentence id, expression as
# written, start, end, why); None as a start means it cannot be known.
EXPRESSIONS = (
    ("h0", "now", DATELINE, DATELINE,
     "'now' is the moment of writing: the dateline, not the day you read the headline."),
    ("p01s01", "two years ago", f"{YEAR - 2}-01-01", f"{YEAR - 2}-12-31",
     f"Two calendar years before {YEAR}. The words give a year, not a month or a day, so the "
     "whole year is the honest answer."),
    ("p04s03", "Now", DATELINE, DATELINE,
     "'Now' at the start of a sentence is still the dateline."),
    ("p07s01", "1979-1989", "1979-01-01", "1989-12-31",
     "A span of years written in full needs no dateline: first day of 1979 to last day of "
     "1989."),
    ("p17s01", "this year", f"{YEAR}-01-01", f"{YEAR}-12-31",
     f"'this year' is the calendar year of the dateline: {YEAR}."),
    ("p20s01", "over the past months", None, DATELINE,
     "'the past months' gives no number: it ends at the dateline, but nobody can say when it "
     "starts."),
    ("p21s01", "in mid-August 2021", "2021-08-01", "2021-08-31",
     "'mid-' does not change which month is meant: all of August 2021."),
    ("p23s01", "in recent months", None, DATELINE,
     "'in recent months' ends at the dateline and has no knowable start: ask 'since when?'"),
    ("p28s01", "On June 19", f"{YEAR}-06-19", f"{YEAR}-06-19",
     f"A date without a year is the most recent such date not after the dateline: 19 June "
     f"{YEAR} came before {DATELINE}."),
    ("p30s01", "Over the past several years", None, DATELINE,
     "'several' is not a number, so the start cannot be worked out."),
)


def expression_items():
    items = []
    for unit_id, expression, start, end, why in EXPRESSIONS:
        unit = CASE.unit(unit_id)
        if expression not in unit.text or unit.hand_label:
            raise RuntimeError(f"the case study changed: {unit_id} no longer fits this check")
        items.append(Item(f"{unit_id}:{expression}", expression, {"start": start, "end": end},
                          f"{why} (The sentence: {unit.text})"))
    return items


@pytest.mark.points(1)
@pytest.mark.hint('Return a dictionary {"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"}.')
def test_returns_a_start_and_an_end(student):
    """resolve_time returns a dictionary with a start and an end date."""
    expected = {"start": "2019-01-01", "end": "2019-12-31"}
    got = student.resolve_time("last year", "2020-05-17")
    problems = span_problems(got, expected)
    if problems:
        raise Failure(" ".join(problems), expected=expected, got=got)


@pytest.mark.points(5)
@pytest.mark.depends("test_returns_a_start_and_an_end")
@pytest.mark.hint(f"Read every expression against the dateline, {DATELINE}, not against "
                  "today's date.")
def test_the_article_time_expressions(student, grade):
    """Each time expression of the case study is pinned to the calendar from its dateline."""
    items = expression_items()
    grade_items(grade, items, student.resolve_time.map(texts(items), [DATELINE] * len(items)),
                lambda got, item: span_problems(got, item.expected), rule=SPAN_RULE)
