"""Values crossing the sandbox: strict comparison, strict JSON, and how values are shown."""

from __future__ import annotations

import math

import pytest

from sourcewise.grading import StudentError, same
from sourcewise.grading.channel import ChannelError, parse_line, plain_copy
from sourcewise.grading.display import call_text, difference, show
from sourcewise.grading.worker import NotPlain, to_json


@pytest.mark.parametrize(("got", "expected", "result"), [
    (1, 1, True),
    (True, 1, False),
    (1, 1.0, False),
    (["a", 1], ("a", 1), True),
    ({"a": [1, 2]}, {"a": [1, 2]}, True),
    ({"a": [1, 2]}, {"a": [1, True]}, False),
    ({"a": 1}, {"a": 1, "b": 2}, False),
    (None, None, True),
    ("x", "x ", False),
])
def test_same_compares_type_and_value(got, expected, result):
    """same() is strict: True is not 1, 1 is not 1.0, a tuple expected is a list."""
    assert same(got, expected) is result


def test_same_with_tolerance_accepts_close_numbers_only():
    """With tol, close numbers (int or float, not bool) count as the same."""
    assert same(0.1 + 0.2, 0.3, tol=1e-9)
    assert same(2, 2.0, tol=0.01)
    assert not same(True, 1.0, tol=0.5)
    assert not same(0.5, 0.3, tol=0.1)
    assert not same([0.1 + 0.2], [0.4], tol=1e-9)


def test_same_is_false_for_a_student_error():
    """A failed call passed as `got` never matches anything."""
    error = StudentError("add() timed out", kind="timeout", call="add()")
    assert not same(error, None)


@pytest.mark.parametrize(("value", "text"), [
    ({"a": [1, 2.5, None, True, "é\n"]}, '{"a":[1,2.5,null,true,"\\u00e9\\n"]}'),
    ((1, (2, 3)), "[1,[2,3]]"),
    ("\ud800", '"\\ud800"'),
])
def test_worker_encodes_plain_data_as_ascii_json(value, text):
    """The worker's encoder writes plain data as ASCII JSON; tuples become lists."""
    assert to_json(value, [10_000]) == text


@pytest.mark.parametrize(("value", "message"), [
    ({1, 2}, "set; use a list"),
    ({1: "a"}, "key of type int"),
    (math.nan, "float nan"),
    (type("Label", (str,), {})("x"), "subclass of str"),
    (object(), "object object"),
    ([[[[]]]], None),
])
def test_worker_refuses_anything_that_is_not_plain_data(value, message):
    """Sets, non-string keys, NaN, subclasses and objects are refused with the reason."""
    if message is None:
        assert to_json(value, [100]) == "[[[[]]]]"
        return
    with pytest.raises(NotPlain, match=message):
        to_json(value, [10_000])


def test_worker_refuses_values_too_large_or_too_deep():
    """A huge or deeply nested value is refused before it is written."""
    with pytest.raises(NotPlain, match="too large"):
        to_json("x" * 2000, [1000])
    deep: list = []
    for _ in range(200):
        deep = [deep]
    with pytest.raises(NotPlain, match="nested more than"):
        to_json(deep, [10_000])


@pytest.mark.parametrize("line", [
    b'{"a": NaN}', b'{"a": 1, "a": 2}', b"[1, 2]", b'{"a": "\xc3\xa9"}', b"{nope",
])
def test_answers_are_parsed_strictly(line):
    """NaN, duplicate keys, non-objects, non-ASCII bytes and broken JSON are refused."""
    with pytest.raises(ChannelError):
        parse_line(line)


def test_arguments_must_be_plain_data():
    """A check passing a set to the student's function fails on the trusted side."""
    assert plain_copy((1, ("a",))) == [1, ["a"]]
    with pytest.raises(TypeError):
        plain_copy({1, 2})


def test_show_makes_whitespace_visible_and_cuts_long_values_with_a_note():
    """Newlines, tabs and odd spaces are escaped; a cut is announced outside the value."""
    assert show("a\tb\n\u00a0") == "'a\\tb\\n\\xa0'"
    assert show("a b", mark_spaces=True) == "'a\u00b7b'"
    long = show("x" * 500, width=50)
    assert long.startswith("'" + "x" * 49)
    assert long.endswith("… [cut: 452 more characters]")


def test_difference_explains_the_mismatch():
    """The one-line note says how got differs: type, length, whitespace, first position."""
    assert difference(1, True) == (
        "expected an int, got a bool (True and False are not numbers here)")
    assert difference([], None) == "expected a list, got None"
    assert difference([1, 2], [1]) == "expected 2 items, got 1"
    assert difference([1, 2], [1, 3]) == "item 1 (counting from 0) differs"
    assert difference("a b", "a  b").startswith("only spaces or line breaks differ")
    assert difference("abcdef", "abcxef") == "they first differ at character 4"
    assert difference({"a": 1}, {"b": 1}) == "missing key 'a'; unexpected key 'b'"
    assert difference({"a": 1, "c": 2}, {}) == "missing keys 'a', 'c'"


def test_call_text_shows_the_call_as_written():
    """A call is shown the way the student would write it, long arguments cut."""
    assert call_text("add", [1, "x"], {"mode": None}) == "add(1, 'x', mode=None)"
    assert "[cut:" in call_text("f", ["y" * 100], {})
