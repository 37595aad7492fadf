"""Typed access to one YAML mapping, failing with a CaseStudyError that names the field."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from sourcewise.casestudy.errors import CaseStudyError


class Fields:
    """The fields of one mapping in one file, read with their types checked.

    ``prefix`` is prepended to field names in messages (``"cues[2]."``), so that a problem
    inside a nested mapping still names its full path.
    """

    def __init__(
        self, raw: Any, *, file: str, unit: str | None = None, prefix: str = "",
        what: str = "entry",
    ) -> None:
        self.file = file
        self.unit = unit
        self.prefix = prefix
        if not isinstance(raw, dict):
            raise self.error(
                None, f"each {what} must be a mapping (key: value lines), "
                f"got {type(raw).__name__}: {str(raw)[:60]!r}."
            )
        self.raw = raw

    def error(self, key: str | None, problem: str, fix: str | None = None) -> CaseStudyError:
        field = None if key is None else f"{self.prefix}{key}"
        if field is None and self.prefix:
            field = self.prefix.rstrip(".")
        return CaseStudyError(problem, file=self.file, unit=self.unit, field=field, fix=fix)

    def only(self, allowed: Iterable[str]) -> None:
        """Reject keys outside ``allowed``, suggesting the closest valid one (typos)."""
        allowed = tuple(allowed)
        for key in self.raw:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                hint = f"Did you mean {close[0]!r}?" if close else (
                    f"Valid fields: {', '.join(allowed)}."
                )
                raise self.error(str(key), "is not a field of this format.", hint)

    def has(self, key: str) -> bool:
        return key in self.raw

    def _get(self, key: str) -> Any:
        if key not in self.raw:
            raise self.error(key, "is missing.")
        return self.raw[key]

    def text(self, key: str) -> str:
        value = self._get(key)
        if not isinstance(value, str):
            raise self.error(key, f"must be text, got {type(value).__name__}: {value!r}.")
        if not value.strip():
            raise self.error(key, "is empty.", "Write it out: an empty value teaches nothing.")
        return value

    def optional_text(self, key: str) -> str | None:
        if self.raw.get(key) is None:
            return None
        return self.text(key)

    def integer(self, key: str, *, minimum: int = 0) -> int:
        value = self._get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(key, f"must be a whole number, got {value!r}.")
        if value < minimum:
            raise self.error(key, f"must be at least {minimum}, got {value}.")
        return value

    def number(self, key: str) -> float:
        value = self._get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error(key, f"must be a number, got {value!r}.")
        return float(value)

    def optional_number(self, key: str) -> float | None:
        return None if self.raw.get(key) is None else self.number(key)

    def flag(self, key: str, default: bool | None = None) -> bool:
        if key not in self.raw and default is not None:
            return default
        value = self._get(key)
        if not isinstance(value, bool):
            raise self.error(key, f"must be true or false, got {value!r}.")
        return value

    def items(self, key: str, *, empty_ok: bool = True) -> list[Any]:
        value = self._get(key)
        if value is None:
            value = []
        if not isinstance(value, list):
            raise self.error(key, f"must be a list, got {type(value).__name__}: {value!r}.")
        if not empty_ok and not value:
            raise self.error(key, "is an empty list.", "Give at least one.")
        return value

    def texts(self, key: str, *, empty_ok: bool = True) -> tuple[str, ...]:
        values = self.items(key, empty_ok=empty_ok)
        for index, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                raise self.error(f"{key}[{index}]", f"must be non-empty text, got {value!r}.")
        return tuple(values)

    def choice(self, key: str, valid: Iterable[str]) -> str:
        valid = tuple(valid)
        value = self._get(key)
        if value not in valid:
            close = difflib.get_close_matches(str(value), valid, n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            raise self.error(
                key, f"{value!r} is not valid.",
                f"Use one of: {', '.join(valid)}.{hint}",
            )
        return value

    def choices(self, key: str, valid: Iterable[str]) -> tuple[str, ...]:
        valid = tuple(valid)
        values = self.texts(key)
        for index, value in enumerate(values):
            if value not in valid:
                close = difflib.get_close_matches(value, valid, n=1)
                hint = f" Did you mean {close[0]!r}?" if close else ""
                raise self.error(
                    f"{key}[{index}]", f"{value!r} is not valid.",
                    f"Use one of: {', '.join(valid)}.{hint}",
                )
        if len(set(values)) != len(values):
            raise self.error(key, f"lists a value twice: {list(values)}.")
        return values

    def urls(self, key: str, *, empty_ok: bool) -> tuple[str, ...]:
        values = self.texts(key)
        for index, value in enumerate(values):
            if not value.startswith(("https://", "http://")) or " " in value:
                raise self.error(
                    f"{key}[{index}]", f"{value!r} is not a web address.",
                    "Give the full URL, starting with https:// or http://.",
                )
        if not empty_ok and not values:
            raise self.error(key, "has no URL.", "Cite at least one source by its URL.")
        return values
