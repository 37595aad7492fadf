"""Public checks for exercise 4, "How sure are they?", on the sentences of the case study."""

import pytest

from sourcewise.casestudy import default_case_study
from sourcewise.exercises.items import Item, texts
from sourcewise.exercises.judging import grade_phrases
from sourcewise.grading import Failure

pytestmark = [
    pytest.mark.exercise("how_sure"),
    pytest.mark.lesson("exercises/how-sure.md"),
]


def case_items() -> tuple[Item, ...]:
    """Sentences with hedges or a vague source, and controls with neither.

    A vague sentence's source counts as something to find unless a hedge cue already covers
    it. Sentences a careful reader could call vague, but that have no hedge words, are left
    out; so are the sentences kept for the hand-labelling exercise.
    """
    items = []
    for unit in default_case_study().sentences:
        if unit.hand_label:
            continue
        hedges = [cue for cue in unit.cues if cue.kind == "hedge"]
        expected = [cue.text for cue in hedges]
        source = unit.source
        if unit.label == "vague_attribution" and source and not any(
            cue.start < source.end and source.start < cue.end for cue in hedges
        ):
            expected.append(source.text)
        if expected:
            items.append(Item(unit.id, unit.text, expected, unit.rationale))
        elif "vague_attribution" not in (unit.label, *unit.accept):
            items.append(Item(unit.id, unit.text, [], unit.rationale, control=True))
    return tuple(items)


ITEMS = case_items()


@pytest.mark.points(1)
@pytest.mark.hint("Return a list of strings, such as ['reportedly'].")
def test_returns_a_list_of_hedges(student):
    """find_hedges returns a list of strings, with the hedge of a hedged sentence in it."""
    sentence = "The mayor reportedly plans to step down."
    got = student.find_hedges(sentence)
    if not (isinstance(got, list) and got and all(isinstance(p, str) for p in got)):
        raise Failure(
            f"For {sentence!r}, find_hedges must return a list of strings holding the "
            "hedge it contains.",
            expected=["reportedly"], got=got,
        )


@pytest.mark.points(9)
@pytest.mark.hint(
    "Flag words that soften a claim or hide its source ('appear to', 'reportedly', 'the "
    "claim', 'experts say'), and nothing in sentences that are plainly stated."
)
def test_hedges_in_the_case_study(student, grade):
    """Finds the case study's hedges and vague sources, and flags nothing in its plain sentences."""
    grade_phrases(grade, ITEMS, student.find_hedges.map(texts(ITEMS)), noun="hedge")
