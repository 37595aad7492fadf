"""Public checks for the exercise 'Numbers need owners', on the case-study sentences."""

import pytest

from sourcewise.casestudy import default_case_study
from sourcewise.exercises.answers import (
    FIELDS_RULE,
    FIGURES_RULE,
    QUANTITY_KEYS,
    fields_problems,
    figures_problems,
    quantity_for,
    shape_problems,
)
from sourcewise.exercises.item_grading import grade_items
from sourcewise.exercises.items import Item, texts
from sourcewise.grading import Failure

pytestmark = [
    pytest.mark.exercise("numbers_need_owners"),
    pytest.mark.lesson("exercises/numbers-need-owners.md"),
]

CASE = default_case_study()
# Sentences with digits in them, leaving out those the hand-labelling exercise uses.
SENTENCES = [u for u in CASE.sentences
             if not u.hand_label and any(char.isdigit() for char in u.text)]

FIELD_REASONS = {
    "value": "Apply the scale word ('billion' multiplies by 1,000,000,000); for a range the "
             "value is the low end and 'high' the high end.",
    "unit": "The unit is the currency (USD for $) or the noun the figure counts.",
    "approximator": "The approximator is the lower-case words just before the figure that say "
                    "it is not exact, such as 'roughly', 'up to' or 'more than'.",
}


def expected_quantities(unit):
    """The annotation's quantities of a sentence, in the answer format."""
    return [{"text": q.span.text, "value": q.value, "high": q.high, "unit": q.unit,
             "approximator": q.approximator} for q in unit.quantities]


def owners(quantities):
    """Sentences naming who produced each figure, from the annotation."""
    if not quantities:
        return ("The digits here belong to years used as dates, days of the month or names "
                "such as AK-47 and M4: none of them is an amount.")
    return " ".join(f"Owner of {q.span.text!r}: {q.owner}." for q in quantities)


def sentence_items():
    """One item per sentence: the figures' texts it should give, in order."""
    return [Item(u.id, u.text, [q["text"] for q in expected_quantities(u)],
                 owners(u.quantities)) for u in SENTENCES]


def quantity_items(fields):
    """One item per figure of the article: the expected values of ``fields``."""
    return [Item(f"{u.id}:{q.span.text}", u.text, expected,
                 f"{FIELD_REASONS[fields[0]]} {owners([q])}")
            for u in SENTENCES
            for q, expected in zip(u.quantities, expected_quantities(u), strict=True)]


def grade_fields(student, grade, fields):
    """Grade ``fields`` of each figure, finding the student's figure by its text."""
    items = quantity_items(fields)
    found = student.find_quantities.map(texts(items))
    grade_items(grade, items, [quantity_for(got, item.expected["text"])
                               for got, item in zip(found, items, strict=True)],
                lambda got, item: fields_problems(got, item.expected, fields), rule=FIELDS_RULE)


@pytest.mark.points(1)
@pytest.mark.hint("Return a list of dictionaries with exactly the keys text, value, high, "
                  "unit and approximator.")
def test_returns_a_list_of_dictionaries(student):
    """find_quantities returns a list of dictionaries with the five keys."""
    got = student.find_quantities("Almost 40 ducks crossed the road in 2019.")
    problems = shape_problems(got, QUANTITY_KEYS, "amounts")
    if problems or not got:
        raise Failure(" ".join(problems) or "There is one amount in this sentence: 40 ducks.",
                      expected=[{"text": "40", "value": 40, "high": None, "unit": "ducks",
                                 "approximator": "almost"}], got=got)


@pytest.mark.points(3)
@pytest.mark.depends("test_returns_a_list_of_dictionaries")
@pytest.mark.hint("Report money, counts and durations; leave out years used as dates, days "
                  "of the month and names such as AK-47.")
def test_finds_every_figure_and_nothing_else(student, grade):
    """Every amount in a sentence is found, and no year, date or model name is taken for one."""
    items = sentence_items()
    grade_items(grade, items, student.find_quantities.map(texts(items)),
                lambda got, item: figures_problems(got, item.expected), rule=FIGURES_RULE)


@pytest.mark.points(2)
@pytest.mark.depends("test_returns_a_list_of_dictionaries")
@pytest.mark.hint("'$7.12 billion' has the value 7120000000; '$500 to $1,000' has the value "
                  "500 and the high end 1000.")
def test_values_and_ranges(student, grade):
    """Each figure has the right value, and a range its high end."""
    grade_fields(student, grade, ("value", "high"))


@pytest.mark.points(2)
@pytest.mark.depends("test_returns_a_list_of_dictionaries")
@pytest.mark.hint("Use 'USD' for dollar amounts; otherwise the counted noun in lower case.")
def test_units(student, grade):
    """Each figure says what it counts."""
    grade_fields(student, grade, ("unit",))


@pytest.mark.points(2)
@pytest.mark.depends("test_returns_a_list_of_dictionaries")
@pytest.mark.hint("Look just before the figure for words such as roughly, nearly, over, more "
                  "than, about, up to, as little as.")
def test_approximators(student, grade):
    """Each figure keeps the words that say it is approximate."""
    grade_fields(student, grade, ("approximator",))
