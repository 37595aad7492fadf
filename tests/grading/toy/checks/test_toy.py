"""Public checks for the toy exercise: add two numbers, classify a sentence."""

import pytest

from sourcewise.grading import Failure, StudentError, same

pytestmark = [pytest.mark.exercise("toy"), pytest.mark.lesson("exercises/toy.md")]

ADD_CASES = [("a1", [1, 2], 3), ("a2", [-4, 4], 0), ("a3", [10, 5], 15)]
CLASSIFY_CASES = [
    ("c1", "Officials said the bridge is closed.", "attributed",
     "'Officials said' names who says so."),
    ("c2", "The bridge is a disgrace.", "framing", "'disgrace' is a loaded word."),
]


@pytest.mark.points(1)
@pytest.mark.hint("Return a + b.")
def test_add_small(student):
    """add(2, 3) returns 5."""
    got = student.add(2, 3)
    if not same(got, 5):
        raise Failure("add(2, 3) should return 5.", expected=5, got=got)


@pytest.mark.points(2)
@pytest.mark.depends("test_add_small")
def test_add_items(student, grade):
    """add works for negative and larger numbers."""
    for item_id, args, expected in ADD_CASES:
        try:
            got = student.add(*args)
        except StudentError as err:
            got = err
        grade.item(item_id, correct=same(got, expected), expected=expected, got=got,
                   why="a + b", text=f"add({args[0]}, {args[1]})")


@pytest.mark.points(2)
@pytest.mark.hint("Look for a speaker first, then for loaded words.")
def test_classify(student, grade):
    """classify labels attributed claims and framing."""
    for item_id, text, expected, why in CLASSIFY_CASES:
        try:
            got = student.classify(text)
        except StudentError as err:
            got = err
        grade.item(item_id, correct=same(got, expected), expected=expected, got=got,
                   why=why, text=text)
