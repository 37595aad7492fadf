"""Hidden checks for exercise 4, "How sure are they?": new sentences, scored for discernment."""

from pathlib import Path

import pytest

from sourcewise.exercises.items import load_items, texts
from sourcewise.exercises.judging import grade_phrases

pytestmark = [
    pytest.mark.exercise("how_sure"),
    pytest.mark.lesson("exercises/how-sure.md"),
    pytest.mark.visibility("hidden"),
]

ITEMS = load_items(Path(__file__).with_name("items") / "how_sure.yaml", exercise="how_sure")


@pytest.mark.points(40)
@pytest.mark.hint(
    "Flag hedges and unnamed sources, but not 'May' the month, an insurance 'claim', or a "
    "'could' that a named source owns."
)
def test_hedges_in_new_sentences(student, grade):
    """Finds hedges and vague attributions in new sentences, and leaves plain ones and traps alone."""
    grade_phrases(grade, ITEMS, student.find_hedges.map(texts(ITEMS)), noun="hedge")
