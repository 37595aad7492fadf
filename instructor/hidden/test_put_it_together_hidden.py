"""Hidden checks for exercise 7, "Put it together": new sentences balanced across the labels."""

from pathlib import Path

import pytest

from sourcewise.exercises.items import load_items, texts
from sourcewise.exercises.judging import grade_labels

pytestmark = [
    pytest.mark.exercise("put_it_together"),
    pytest.mark.lesson("exercises/put-it-together.md"),
    pytest.mark.visibility("hidden"),
]

ITEMS = load_items(
    Path(__file__).with_name("items") / "put_it_together.yaml", exercise="put_it_together"
)


@pytest.mark.points(40)
@pytest.mark.hint(
    "Decide in order: framing? no source and no hedge? vague? then estimate, record or "
    "named claim. Your most frequent mistake is named at the end of the feedback."
)
def test_labels_of_new_sentences(student, grade):
    """Labels new sentences of all six kinds; each label counts equally and blanket answers score 0."""
    grade_labels(grade, ITEMS, student.classify.map(texts(ITEMS)))
