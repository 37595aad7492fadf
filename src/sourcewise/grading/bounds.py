"""Caps on what a check keeps of a student's answers, so that one submission's result stays
small whatever its functions return.

A student function may return up to ``Limits.result_bytes`` (1 MB) per call, and checks
quote answers in their explanations. Kept as they are, such answers cost the grader about
a gigabyte of memory and of stored results for one submission. Each value a result keeps
is therefore cut when its JSON text is longer than ``VALUE_CHARS``; each explanation and
reason when longer than ``TEXT_CHARS``. A cut value becomes a string that shows how it
starts and says how long it was, which is what feedback shows of it anyway.

With the checks' printed output (4000 characters) and tracebacks (4000), one item of a
result holds at most about 6 KB of the student's text, and one check about 14 KB plus its
items.
"""

from __future__ import annotations

import json

VALUE_CHARS = 2000  # an answer (got) or expected value, as JSON text
TEXT_CHARS = 2000  # an item's explanation, a check's reason or an error message


def cut_text(text: str, limit: int = TEXT_CHARS) -> str:
    """``text``, or its first ``limit`` characters and a note of its length."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… (cut: {len(text)} characters in all)"


def bounded(value: object, limit: int = VALUE_CHARS) -> object:
    """``value`` (plain JSON data or anything) as kept in a result: itself when small,
    else the start of its JSON text (or repr) and a note of its length."""
    if value is None or isinstance(value, bool | float):
        return value
    if isinstance(value, int):
        if value.bit_length() <= limit * 3:  # at most about limit digits
            return value
        return f"an integer of about {int(value.bit_length() * 0.30103)} digits"
    if isinstance(value, str):
        return cut_text(value, limit)
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        text = None
    if text is not None and len(text) <= limit:
        return value
    if text is None:
        try:
            text = repr(value)
        except Exception:  # a check's own object with a broken repr
            text = f"<{type(value).__name__}>"
    if len(text) <= limit:
        return value
    return f"{text[:limit]}… (cut: {len(text)} characters in all)"
