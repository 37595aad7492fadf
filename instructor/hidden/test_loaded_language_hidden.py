"""Hidden checks for exercise 6, "Loaded language": new sentences, scored for discernment."""

from dataclasses import replace
from pathlib import Path

import pytest

from sourcewise.exercises.items import load_items, texts
from sourcewise.exercises.judging import grade_decisions, grade_phrases

pytestmark = [
    pytest.mark.exercise("loaded_language"),
    pytest.mark.lesson("exercises/loaded-language.md"),
    pytest.mark.visibility("hidden"),
]

ITEMS = load_items(
    Path(__file__).with_name("items") / "loaded_language.yaml", exercise="loaded_language"
)
# Questions and motive claims are framing with no word to quote: the decision only.
WORD_ITEMS = tuple(
    replace(item, expected=item.expected["words"])
    for item in ITEMS
    if item.expected["words"] or not item.expected["framing"]
)
FRAMING_ITEMS = tuple(replace(item, expected=item.expected["framing"]) for item in ITEMS)


@pytest.mark.points(24)
@pytest.mark.hint(
    "Flag the writer's own loaded words; skip quoted words credited to someone, and literal "
    "uses such as a runner 'staggering' or plants 'thriving'."
)
def test_loaded_words_in_new_sentences(student, grade):
    """Finds the writer's loaded words in new sentences, and flags nothing in plain ones and traps."""
    grade_phrases(grade, WORD_ITEMS, student.find_loaded_words.map(texts(WORD_ITEMS)),
                  noun="loaded word")


@pytest.mark.points(16)
@pytest.mark.hint(
    "Framing: loaded words with no figure, date or source; a rhetorical question; or a claim "
    "about a hidden motive. A checkable sentence with one loaded word is not framing."
)
def test_framing_decisions_on_new_sentences(student, grade):
    """Decides which new sentences are framing, without calling checkable ones framing."""
    grade_decisions(grade, FRAMING_ITEMS, student.is_framing.map(texts(FRAMING_ITEMS)),
                    question="framing")
