"""Hidden checks for the exercise 'Numbers need owners': new sentences written for Sourcewise."""

from pathlib import Path

import pytest

from sourcewise.exercises.answers import QUANTITIES_RULE, quantities_problems
from sourcewise.exercises.item_grading import grade_items
from sourcewise.exercises.items import load_items, texts

pytestmark = [
    pytest.mark.exercise("numbers_need_owners"),
    pytest.mark.lesson("exercises/numbers-need-owners.md"),
    pytest.mark.visibility("hidden"),
]

ITEMS = load_items(Path(__file__).with_name("items") / "numbers_need_owners.yaml",
                   exercise="numbers_need_owners")


def grade_focus(student, grade, focus):
    """Grade every sentence whose item tests one idea; the whole list must be right."""
    items = [i for i in ITEMS if i.extra["focus"] == focus]
    grade_items(grade, items, student.find_quantities.map(texts(items)),
                lambda got, item: quantities_problems(got, item.expected),
                rule=QUANTITIES_RULE)


@pytest.mark.points(8)
@pytest.mark.hint("The unit of a count is the noun it counts, up to the first plural noun: "
                  "'450 beds', '2.6 million children'.")
def test_counts_and_their_nouns(student, grade):
    """Counts are found with the noun that says what they count."""
    grade_focus(student, grade, "counts")


@pytest.mark.points(8)
@pytest.mark.hint("$ is USD, £ is GBP, € is EUR; million, billion, trillion, bn and (after a "
                  "currency sign) k and m multiply the number.")
def test_money_and_scale_words(student, grade):
    """Money amounts get their currency, and scale words multiply the value."""
    grade_focus(student, grade, "money")


@pytest.mark.points(8)
@pytest.mark.hint("A range is one figure: 'value' is its low end and 'high' its high end; a "
                  "scale word at the end ('$2-3 million') applies to both ends.")
def test_ranges(student, grade):
    """Ranges ('between 40 and 60', '£80 to £150', '120–150') give a low and a high end."""
    grade_focus(student, grade, "ranges")


@pytest.mark.points(8)
@pytest.mark.hint("Look just before the figure for words such as about, nearly, more than, "
                  "at least, fewer than, up to, as much as, an estimated.")
def test_approximators(student, grade):
    """The words that make a figure approximate are found, in lower case."""
    grade_focus(student, grade, "approximators")


@pytest.mark.points(4)
@pytest.mark.hint("'%' and 'per cent' give the unit 'percent'; '10-year' is a duration in "
                  "years.")
def test_percentages_and_durations(student, grade):
    """Percentages and durations are amounts with their own units."""
    grade_focus(student, grade, "percentages_and_durations")


@pytest.mark.points(4)
@pytest.mark.hint("Years used as dates, days of the month, clock times and names such as "
                  "'F-16' are not amounts.")
def test_dates_times_and_names_are_not_amounts(student, grade):
    """Digits that say when, or name a model, are not reported as amounts."""
    grade_focus(student, grade, "not_amounts")
