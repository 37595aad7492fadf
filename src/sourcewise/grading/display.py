"""Showing values to students: short, whitespace visible, long values cut with a note."""

from __future__ import annotations

from sourcewise.grading.failures import StudentError
from sourcewise.grading.safe_text import clean_data

VALUE_WIDTH = 200
ARG_WIDTH = 60
VISIBLE_SPACE = "\u00b7"  # middle dot


def show(value: object, width: int = VALUE_WIDTH, *, mark_spaces: bool = False) -> str:
    """A Python-literal view of ``value``; escapes make newlines, tabs and odd spaces visible.

    A value longer than ``width`` is cut, and the note saying so sits outside the value so
    it cannot be mistaken for part of it.
    """
    if isinstance(value, StudentError):
        text = f"(no value: {value.reason})"
    else:
        try:
            text = repr(value)
        except (ValueError, RecursionError):  # an int too long for text, deep nesting
            text = repr(clean_data(value))
        if mark_spaces:
            text = text.replace(" ", VISIBLE_SPACE)
    if len(text) <= width:
        return text
    kept = cut_at_word(text, width)
    return f"{kept} … [cut: {len(text) - len(kept):,} more characters]"


def cut_at_word(text: str, limit: int) -> str:
    """The start of ``text``, at most ``limit`` characters, ending at a word boundary: the cut
    falls on the last space within the limit, unless that would drop more than a third of
    it (one long word), when the word is cut where the limit falls."""
    if len(text) <= limit:
        return text
    if limit < 1:
        return ""
    if text[limit].isspace():
        return text[:limit].rstrip()
    space = max(text.rfind(" ", 0, limit), text.rfind("\n", 0, limit))
    if space >= limit * 2 // 3:
        return text[:space].rstrip()
    return text[:limit]


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 item``, ``2 items``: a count with its noun in the right number."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def sentence(text: str) -> str:
    """A sentence shown whole, never cut, in quotes; line breaks and odd spaces visible."""
    return show(text, width=len(text) * 12 + 10)


def call_text(function: str, args: list, kwargs: dict) -> str:
    """``split_sentences('One. Two.')``: the call as the student would write it, shortened."""
    parts = [show(arg, ARG_WIDTH) for arg in args]
    parts += [f"{key}={show(value, ARG_WIDTH)}" for key, value in kwargs.items()]
    return f"{function}({', '.join(parts)})"


def only_whitespace_differs(expected: object, got: object) -> bool:
    return (isinstance(expected, str) and isinstance(got, str) and expected != got
            and expected.split() == got.split())


def difference(expected: object, got: object) -> str | None:
    """One sentence on how ``got`` differs from ``expected``, when that helps."""
    if isinstance(got, StudentError):
        return None
    if isinstance(expected, tuple):
        expected = list(expected)
    if type(expected) is not type(got):
        note = f"expected {_a(expected)}, got {_a(got)}"
        if isinstance(expected, bool) or isinstance(got, bool):
            note += " (True and False are not numbers here)"
        return note
    if isinstance(expected, str):
        if only_whitespace_differs(expected, got):
            return f"only spaces or line breaks differ; {VISIBLE_SPACE} marks a space"
        same_start = next((i for i, (e, g) in enumerate(zip(expected, got, strict=False))
                           if e != g), min(len(expected), len(got)))
        if same_start >= 3 or min(len(expected), len(got)) > 30:
            return f"they first differ at character {same_start + 1}"
        return None
    if isinstance(expected, list):
        if len(expected) != len(got):
            return f"expected {plural(len(expected), 'item')}, got {len(got)}"
        index = next((i for i, (e, g) in enumerate(zip(expected, got, strict=True))
                      if e != g or type(e) is not type(g)), None)
        return None if index is None else f"item {index} (counting from 0) differs"
    if isinstance(expected, dict):
        missing = [key for key in expected if key not in got]
        extra = [key for key in got if key not in expected]
        if missing or extra:
            parts = []
            if missing:
                parts.append(f"missing {_keys(missing)}")
            if extra:
                parts.append(f"unexpected {_keys(extra)}")
            return "; ".join(parts)
    return None


def _keys(keys: list[object]) -> str:
    """``key 'a'`` or ``keys 'a', 'b'``: at most five, in the right number."""
    return f"{'key' if len(keys) == 1 else 'keys'} {', '.join(map(repr, keys[:5]))}"


def _a(value: object) -> str:
    name = "None" if value is None else type(value).__name__
    return name if value is None else ("an " if name[0] in "aeiou" else "a ") + name
