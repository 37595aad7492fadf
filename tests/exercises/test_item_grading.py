"""grade_items records one outcome per item, survives a failing call, and refuses no items."""

import pytest

from sourcewise.exercises.item_grading import grade_items
from sourcewise.exercises.items import Item
from sourcewise.grading import NotGradable, StudentError

ITEMS = (Item("a", "One. Two.", ["One.", "Two."], "Two sentences."),
         Item("b", "Three.", ["Three."], "One sentence."),
         Item("c", "Four!", ["Four!"], "An exclamation ends a sentence."))


class RecordingGrade:
    """Stands in for the grade fixture: keeps what grade.item receives."""

    def __init__(self):
        self.items = []

    def item(self, item_id, **outcome):
        self.items.append((item_id, outcome))


def judge(got, item):
    return [] if got == item.expected else [f"Expected {item.expected!r}."]


def test_each_item_is_recorded_with_its_problems_before_its_explanation():
    """A right item keeps its explanation; a wrong one gets the difference first."""
    grade = RecordingGrade()
    answers = {"a": ["One.", "Two."], "b": ["Three"], "c": ["Four!"]}
    assert grade_items(grade, ITEMS, lambda item: answers[item.id], judge) == 3
    outcomes = dict(grade.items)
    assert outcomes["a"]["correct"] is True
    assert outcomes["a"]["why"] == "Two sentences."
    assert outcomes["b"]["correct"] is False
    assert outcomes["b"]["why"] == "Expected ['Three.']. One sentence."
    assert outcomes["b"]["got"] == ["Three"]
    assert outcomes["c"]["text"] == "Four!"


def test_a_failing_call_marks_only_its_item_wrong():
    """A StudentError on one item is recorded as that item's answer; the others are graded."""
    grade = RecordingGrade()
    error = StudentError("split_sentences('Three.') timed out", kind="timeout",
                         call="split_sentences('Three.')")

    def ask(item):
        if item.id == "b":
            raise error
        return item.expected

    grade_items(grade, ITEMS, ask, judge)
    outcomes = dict(grade.items)
    assert outcomes["b"]["correct"] is False
    assert outcomes["b"]["got"] is error
    assert outcomes["a"]["correct"] is True
    assert outcomes["c"]["correct"] is True


def test_not_gradable_is_never_swallowed():
    """A submission that cannot be graded stops the check: NotGradable goes through."""
    def ask(item):
        raise NotGradable("split_sentences.py has a syntax error", exercise="split_sentences",
                          kind="syntax_error")

    with pytest.raises(NotGradable):
        grade_items(RecordingGrade(), ITEMS, ask, judge)


def test_a_check_without_items_is_an_error():
    """An empty item list is the check's bug, not a free pass."""
    with pytest.raises(ValueError, match="no items"):
        grade_items(RecordingGrade(), [], lambda item: None, judge)
