"""grade_items records one outcome per item with the rule it was judged by, survives a failing
call, and refuses no items and no rule."""

import pytest

from sourcewise.exercises.item_grading import grade_items
from sourcewise.exercises.items import Item
from sourcewise.grading import StudentError

ITEMS = (Item("a", "One. Two.", ["One.", "Two."], "Two sentences."),
         Item("b", "Three.", ["Three."], "One sentence."),
         Item("c", "Four!", ["Four!"], "An exclamation ends a sentence."))


class RecordingGrade:
    """Stands in for the grade fixture: keeps what grade.item receives."""

    def __init__(self):
        self.items = []

    def item(self, item_id, **outcome):
        self.items.append((item_id, outcome))


RULE = "each piece must match ours character for character."


def judge(got, item):
    return [] if got == item.expected else [f"Expected {item.expected!r}."]


def test_each_item_is_recorded_with_its_problems_the_rule_and_its_explanation():
    """A right item keeps its explanation; a wrong one gets the difference first, then the
    rule it was judged by, then the explanation."""
    grade = RecordingGrade()
    answers = [["One.", "Two."], ["Three"], ["Four!"]]
    assert grade_items(grade, ITEMS, answers, judge, rule=RULE) == 3
    outcomes = dict(grade.items)
    assert outcomes["a"]["correct"] is True
    assert outcomes["a"]["why"] == "Two sentences."
    assert outcomes["b"]["correct"] is False
    assert outcomes["b"]["why"] == ("Expected ['Three.']. Rule: Each piece must match ours "
                                    "character for character. One sentence.")
    assert outcomes["b"]["got"] == ["Three"]
    assert outcomes["c"]["text"] == "Four!"


def test_a_failing_call_marks_only_its_item_wrong():
    """A StudentError on one item is recorded as that item's answer; the others are graded."""
    grade = RecordingGrade()
    error = StudentError("split_sentences('Three.') timed out", kind="timeout",
                         call="split_sentences('Three.')")
    grade_items(grade, ITEMS, [ITEMS[0].expected, error, ITEMS[2].expected], judge,
                rule=RULE)
    outcomes = dict(grade.items)
    assert outcomes["b"]["correct"] is False
    assert outcomes["b"]["got"] is error
    assert "Rule:" not in outcomes["b"]["why"]
    assert outcomes["a"]["correct"] is True
    assert outcomes["c"]["correct"] is True


def test_answers_must_match_the_items_one_to_one():
    """A missing answer is the check's bug: the items and answers must line up."""
    with pytest.raises(ValueError, match="shorter"):
        grade_items(RecordingGrade(), ITEMS, [["One.", "Two."], ["Three."]], judge, rule=RULE)


def test_a_check_without_items_is_an_error():
    """An empty item list is the check's bug, not a free pass."""
    with pytest.raises(ValueError, match="no items"):
        grade_items(RecordingGrade(), [], [], judge, rule=RULE)


def test_a_check_must_state_its_rule():
    """A check that gives no rule in words is the check's bug: every wrong item states one."""
    with pytest.raises(ValueError, match="rule"):
        grade_items(RecordingGrade(), ITEMS, [["One."], ["Three."], ["Four!"]], judge, rule=" ")
