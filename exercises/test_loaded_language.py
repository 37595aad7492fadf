"""Public checks for exercise 6, "Loaded language", on the sentences of the case study."""

import pytest

from sourcewise.casestudy import default_case_study
from sourcewise.exercises.items import Item, texts
from sourcewise.exercises.judging import grade_decisions, grade_phrases
from sourcewise.grading import Failure

pytestmark = [
    pytest.mark.exercise("loaded_language"),
    pytest.mark.lesson("exercises/loaded-language.md"),
]

UNITS = tuple(unit for unit in default_case_study().units if not unit.hand_label)


def word_items() -> tuple[Item, ...]:
    """Sentences with loaded cues, and controls: sentences with none that nobody calls framing."""
    items = []
    for unit in UNITS:
        loaded = [cue.text for cue in unit.cues if cue.kind == "loaded"]
        if unit.kind != "sentence":
            continue
        if loaded:
            items.append(Item(unit.id, unit.text, loaded, unit.rationale))
        elif "framing" not in (unit.label, *unit.accept):
            items.append(Item(unit.id, unit.text, [], unit.rationale, control=True))
    return tuple(items)


def framing_items() -> tuple[Item, ...]:
    """Units labelled framing (True) or not (False); those a careful reader could label either
    way (an ``accept`` label across the line) are left out."""
    items = []
    for unit in UNITS:
        if unit.label == "framing" and not unit.accept:
            items.append(Item(unit.id, unit.text, True, unit.rationale))
        elif unit.label != "framing" and "framing" not in unit.accept:
            items.append(Item(unit.id, unit.text, False, unit.rationale, control=True))
    return tuple(items)


WORD_ITEMS = word_items()
FRAMING_ITEMS = framing_items()


@pytest.mark.points(1)
@pytest.mark.hint("find_loaded_words returns a list of strings; is_framing returns True or False.")
def test_returns_words_and_a_decision(student):
    """find_loaded_words returns the loaded words of a loaded sentence; is_framing a bool."""
    sentence = "The heartless bosses slashed everyone's pay."
    words = student.find_loaded_words(sentence)
    if not (isinstance(words, list) and words and all(isinstance(w, str) for w in words)):
        raise Failure(
            f"For {sentence!r}, find_loaded_words must return a list of strings holding its "
            "loaded words.",
            expected=["heartless", "slashed"], got=words,
        )
    decision = student.is_framing(sentence)
    if not isinstance(decision, bool):
        raise Failure("is_framing must return True or False.", expected=True, got=decision)


@pytest.mark.points(5)
@pytest.mark.hint(
    "Flag the writer's own loaded words ('killing machine', 'onslaught', 'staggering'), and "
    "nothing in plain sentences."
)
def test_loaded_words_in_the_case_study(student, grade):
    """Finds the case study's loaded words, and flags nothing in its plain sentences."""
    grade_phrases(grade, WORD_ITEMS, student.find_loaded_words.map(texts(WORD_ITEMS)),
                  noun="loaded word")


@pytest.mark.points(4)
@pytest.mark.hint(
    "A sentence is framing when its point is a judgement: loaded words with nothing to "
    "check, a rhetorical question, or a claim about motives."
)
def test_framing_decisions_on_the_case_study(student, grade):
    """Tells the case study's framing sentences from the rest."""
    grade_decisions(grade, FRAMING_ITEMS, student.is_framing.map(texts(FRAMING_ITEMS)),
                    question="framing")
