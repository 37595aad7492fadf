"""Hidden checks for exercise 3, "Who says so?": new sentences, scored for discernment."""

from pathlib import Path

import pytest

from sourcewise.exercises.items import load_items, texts
from sourcewise.exercises.judging import grade_attribution

pytestmark = [
    pytest.mark.exercise("who_says_so"),
    pytest.mark.lesson("exercises/who-says-so.md"),
    pytest.mark.visibility("hidden"),
]

ITEMS = load_items(Path(__file__).with_name("items") / "who_says_so.yaml", exercise="who_says_so")


@pytest.mark.points(40)
@pytest.mark.hint(
    "Sources come before the cue ('X said'), after it ('said X', 'according to X') or around "
    "an aside ('X, who ..., told'). Return None when nobody is credited."
)
def test_sources_and_cues_in_new_sentences(student, grade):
    """Finds the source and cue in new sentences of every kind, and None where nobody is credited."""
    grade_attribution(grade, ITEMS, student.find_attribution.map(texts(ITEMS)))
