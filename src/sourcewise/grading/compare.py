"""``same``: strict comparison of the plain data a student's function returned."""

from __future__ import annotations

import math


def same(got: object, expected: object, *, tol: float | None = None) -> bool:
    """True when ``got`` equals ``expected`` in type and value, recursively.

    ``True`` is not ``1`` and ``1`` is not ``1.0``. A tuple in ``expected`` is compared as
    a list, because results cross from the sandbox as JSON. With ``tol``, two numbers
    (int or float, never bool) are the same when they differ by at most ``tol``. Anything
    that is not plain data (for example a StudentError passed as ``got``) is never the same.
    """
    if isinstance(expected, tuple):
        expected = list(expected)
    if tol is not None and _is_number(got) and _is_number(expected):
        try:
            return math.isfinite(got) and abs(got - expected) <= tol
        except OverflowError:  # an int too large for a float is not close to anything
            return False
    if type(got) is not type(expected):
        return False
    if isinstance(got, list):
        return len(got) == len(expected) and all(
            same(g, e, tol=tol) for g, e in zip(got, expected, strict=True)
        )
    if isinstance(got, dict):
        return got.keys() == expected.keys() and all(
            same(got[key], expected[key], tol=tol) for key in got
        )
    if got is None or isinstance(got, str | int | float | bool):
        return got == expected
    return False


def _is_number(value: object) -> bool:
    return type(value) in (int, float)
