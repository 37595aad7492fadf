"""Hidden checks for the exercise 'When was "now"?': new expressions and datelines."""

from pathlib import Path

import pytest

from sourcewise.exercises.answers import SPAN_RULE, span_problems
from sourcewise.exercises.item_grading import grade_items
from sourcewise.exercises.items import load_items, texts

pytestmark = [
    pytest.mark.exercise("when_was_now"),
    pytest.mark.lesson("exercises/when-was-now.md"),
    pytest.mark.visibility("hidden"),
]

ITEMS = load_items(Path(__file__).with_name("items") / "when_was_now.yaml",
                   exercise="when_was_now")


def grade_focus(student, grade, focus):
    """Grade every expression whose item tests one idea, each against its own dateline."""
    items = [i for i in ITEMS if i.extra["focus"] == focus]
    grade_items(grade, items, student.resolve_time.map(texts(items),
                                                       [i.extra["dateline"] for i in items]),
                lambda got, item: span_problems(got, item.expected), rule=SPAN_RULE)


@pytest.mark.points(8)
@pytest.mark.hint("Count whole calendar days, Monday-to-Sunday weeks, months or years from the "
                  "one that holds the dateline, not from the year the article is read.")
def test_steps_from_the_dateline(student, grade):
    """'yesterday', 'last week', 'next month', 'two years ago' are counted from the dateline."""
    grade_focus(student, grade, "steps")


@pytest.mark.points(8)
@pytest.mark.hint("A date, month or weekday without a year is the most recent one not after "
                  "the dateline; with 'last' it must be before the dateline's month or day.")
def test_dates_without_a_year(student, grade):
    """A date, month or weekday without a year is the most recent one not after the dateline."""
    grade_focus(student, grade, "yearless")


@pytest.mark.points(8)
@pytest.mark.hint("Early in January, 'last December' and 'December 28' are in the previous "
                  "year.")
def test_year_boundaries(student, grade):
    """Expressions read early in a year reach back into the previous year."""
    grade_focus(student, grade, "boundaries")


@pytest.mark.points(8)
@pytest.mark.hint("Let the calendar do the work: the standard library's datetime and calendar "
                  "modules know which Februaries have 29 days.")
def test_leap_days(student, grade):
    """29 February is handled: it exists only in leap years, and months differ in length."""
    grade_focus(student, grade, "leap_days")


@pytest.mark.points(4)
@pytest.mark.hint("'the past N months' runs from N months before the dateline to the dateline; "
                  "'recently' and 'in recent months' have no knowable start (None).")
def test_stretches_up_to_the_dateline(student, grade):
    """'the past five years' has a start; 'in recent months' has none."""
    grade_focus(student, grade, "spans")


@pytest.mark.points(4)
@pytest.mark.hint("A date, month or year written with its year needs no dateline.")
def test_dates_with_a_year(student, grade):
    """Dates, months and years written in full are read as they are."""
    grade_focus(student, grade, "absolute")
