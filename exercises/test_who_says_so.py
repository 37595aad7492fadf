"""Public checks for exercise 3, "Who says so?", on the sentences of the case study."""

import pytest

from sourcewise.casestudy import default_case_study
from sourcewise.exercises.items import Item, texts
from sourcewise.exercises.judging import grade_attribution
from sourcewise.grading import Failure

pytestmark = [
    pytest.mark.exercise("who_says_so"),
    pytest.mark.lesson("exercises/who-says-so.md"),
]


UNSOURCED = {"unsourced_assertion", "framing"}


def case_items() -> tuple[Item, ...]:
    """Sentences with a source and an attribution cue, and controls: sentences with neither,
    no hedge, and only unsourced labels (even among the accepted ones).

    The sentences kept for the hand-labelling exercise are left out: they are its answers.
    """
    items = []
    for unit in default_case_study().sentences:
        if unit.hand_label:
            continue
        cues = [cue.text for cue in unit.cues if cue.kind == "attribution"]
        hedged = any(cue.kind == "hedge" for cue in unit.cues)
        if unit.source and cues:
            expected = {"source": unit.source.text, "cue": cues}
            items.append(Item(unit.id, unit.text, expected, unit.rationale))
        elif not unit.source and not cues and not hedged and {unit.label, *unit.accept} <= UNSOURCED:
            items.append(Item(unit.id, unit.text, None, unit.rationale, control=True))
    return tuple(items)


ITEMS = case_items()


@pytest.mark.points(1)
@pytest.mark.hint("Return a dict such as {'source': 'The fire brigade', 'cue': 'said'}.")
def test_returns_a_source_and_a_cue(student):
    """find_attribution returns a dict with the source and the cue of an attributed sentence."""
    sentence = "The fire brigade said the blaze started in a kitchen."
    got = student.find_attribution(sentence)
    if not (isinstance(got, dict) and set(got) == {"source", "cue"}
            and all(isinstance(value, str) for value in got.values())):
        raise Failure(
            f"For {sentence!r}, find_attribution must return a dict with the keys 'source' "
            "and 'cue', each holding words copied from the sentence.",
            expected={"source": "The fire brigade", "cue": "said"}, got=got,
        )


@pytest.mark.points(9)
@pytest.mark.hint(
    "Look for a cue ('said', 'claimed', 'according to', ...) and take the noun phrase that "
    "goes with it. Return None for sentences that credit nobody: most of the article's do."
)
def test_sources_and_cues_in_the_case_study(student, grade):
    """Finds the source and cue of the case study's attributed sentences, and None elsewhere."""
    grade_attribution(grade, ITEMS, student.find_attribution.map(texts(ITEMS)))
