"""Public checks for exercise 7, "Put it together", on the units of the case study."""

import pytest

from sourcewise.casestudy import default_case_study
from sourcewise.exercises.items import Item, texts
from sourcewise.exercises.judging import grade_labels
from sourcewise.grading import Failure
from sourcewise.labels import LABEL_IDS, group_of

pytestmark = [
    pytest.mark.exercise("put_it_together"),
    pytest.mark.lesson("exercises/put-it-together.md"),
]


def case_items() -> tuple[Item, ...]:
    """Every sentence and heading with its label and accepted alternatives, except the units
    kept for the hand-labelling exercise."""
    return tuple(
        Item(unit.id, unit.text, unit.label, unit.rationale,
             control=group_of(unit.label) != "unsupported", extra={"accept": list(unit.accept)})
        for unit in default_case_study().units
        if not unit.hand_label
    )


ITEMS = case_items()


@pytest.mark.points(1)
@pytest.mark.hint(f"Return one of these strings: {', '.join(LABEL_IDS)}.")
def test_returns_a_label(student):
    """classify returns one of the six label ids."""
    got = student.classify("The factory closed in 2015.")
    if got not in LABEL_IDS:
        raise Failure(f"classify must return one of: {', '.join(LABEL_IDS)}.",
                      expected="unsourced_assertion", got=got)


@pytest.mark.points(9)
@pytest.mark.hint(
    "Decide in order: framing? no source and no hedge? vague? then estimate, record or "
    "named claim. The feedback ends with your most frequent mistake."
)
def test_labels_of_the_case_study(student, grade):
    """Labels the case study's sentences; each label counts equally and blanket answers score 0."""
    grade_labels(grade, ITEMS, student.classify.map(texts(ITEMS)))
