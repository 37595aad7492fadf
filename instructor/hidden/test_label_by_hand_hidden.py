"""Hidden checks for the exercise 'Label by hand': labels and evidence graded against the
instructor copy of the case-study annotation (the student copy has these answers removed).

The score, documented on the exercise page: labels are worth 6 points, shared equally by
the sentences (a label the annotation accepts as defensible counts as right, with a note);
evidence is worth 3 points, shared equally, and is right when a quote overlaps the words
that carry the label (a cue or the named source), or when it is empty for a sentence with
no source and no signal words.
"""

import pytest

from sourcewise.casestudy import default_case_study
from sourcewise.exercises.hand_labels import (
    EVIDENCE_RULE,
    LABEL_RULE,
    evidence_problems,
    label_problems,
    signal_words,
)
from sourcewise.exercises.item_grading import grade_items
from sourcewise.exercises.items import Item

pytestmark = [
    pytest.mark.exercise("label_by_hand"),
    pytest.mark.lesson("exercises/label-by-hand.md"),
    pytest.mark.visibility("hidden"),
]

CASE = default_case_study()
if CASE.redacted:
    raise RuntimeError("The hidden checks of 'Label by hand' need the instructor copy of the "
                       "case study; this one is the student copy, with the answers removed.")
UNITS = {unit.id: unit for unit in CASE.hand_label_units}


def answers_of(student):
    answers = student.answers()
    return answers if isinstance(answers, dict) else {}


def with_accepted(unit):
    """The unit's rationale, with the labels also accepted for it."""
    accepted = "".join(f" '{label}' is also accepted: a careful reader could defend it."
                       for label in unit.accept)
    return unit.rationale + accepted


def answer_field(answers, unit_id, field):
    answer = answers.get(unit_id)
    return answer.get(field) if isinstance(answer, dict) else None


@pytest.mark.points(6)
@pytest.mark.hint("Find the main claim first, then ask: who says so, and how sure are they?")
def test_labels(student, grade):
    """Each sentence's label matches the annotation (or a label it accepts as defensible)."""
    answers = answers_of(student)
    items = [Item(unit.id, unit.text, unit.label, with_accepted(unit)) for unit in UNITS.values()]
    grade_items(grade, items, [answer_field(answers, item.id, "label") for item in items],
                lambda label, item: label_problems(label, UNITS[item.id]), rule=LABEL_RULE)


@pytest.mark.points(3)
@pytest.mark.hint("Quote the words that carry the label: the source and its verb, a hedge, a "
                  "loaded word; quote nothing for a sentence that names no source.")
def test_evidence(student, grade):
    """Each sentence's evidence quotes the words that carry its label."""
    answers = answers_of(student)
    items = [Item(unit.id, unit.text, signal_words(unit), unit.rationale)
             for unit in UNITS.values()]
    grade_items(grade, items, [answer_field(answers, item.id, "evidence") for item in items],
                lambda _, item: evidence_problems(answers.get(item.id), UNITS[item.id]),
                rule=EVIDENCE_RULE)
