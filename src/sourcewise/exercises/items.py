"""Load and validate an item file: the sentences a set of checks grades, with their answers.

An item file is YAML::

    exercise: how_sure
    items:
      - id: hs-01
        text: "Officials are believed to have known."
        expected: ["are believed"]
        why: "'are believed' hides who believes it."
        control: false        # true for a neutral control item with nothing to find
        # any other keys are kept in Item.extra for the checks to use

Hidden item files live in ``instructor/hidden/items/`` and never ship to students.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


class ItemFileError(ValueError):
    """An item file is missing, unreadable or malformed; the message says where and why."""


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    expected: Any
    why: str
    control: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


_KNOWN = {"id", "text", "expected", "why", "control"}
# libyaml's safe loader when PyYAML has it (eight times faster; every grading process
# loads the hidden items at start), else the pure-Python one: both are safe loaders.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def texts(items: Iterable[Item]) -> list[str]:
    """The items' texts, in order: the arguments of ``student.fn.map(texts(items))``."""
    return [item.text for item in items]


def load_items(path: str | Path, exercise: str | None = None) -> tuple[Item, ...]:
    """Read ``path`` and return its items, or raise ItemFileError saying what to fix."""
    path = Path(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # a safe loader
    except FileNotFoundError:
        raise ItemFileError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise ItemFileError(f"{path}: cannot be read as UTF-8 YAML: {err}") from None
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise ItemFileError(f"{path}: expected a mapping with an 'items' list")
    if exercise is not None and data.get("exercise") != exercise:
        raise ItemFileError(
            f"{path}: 'exercise' is {data.get('exercise')!r}, expected {exercise!r}"
        )
    items: list[Item] = []
    seen: set[str] = set()
    for index, raw in enumerate(data["items"]):
        where = f"{path}: item {index + 1}"
        if not isinstance(raw, dict):
            raise ItemFileError(f"{where}: expected a mapping, got {type(raw).__name__}")
        item_id = raw.get("id")
        if not isinstance(item_id, str) or not item_id:
            raise ItemFileError(f"{where}: 'id' must be a non-empty string")
        where = f"{path}: item {item_id!r}"
        if item_id in seen:
            raise ItemFileError(f"{where}: duplicate id")
        seen.add(item_id)
        for key in ("text", "why"):
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                raise ItemFileError(f"{where}: '{key}' must be a non-empty string")
        if "expected" not in raw:
            raise ItemFileError(f"{where}: 'expected' is missing")
        control = raw.get("control", False)
        if not isinstance(control, bool):
            raise ItemFileError(f"{where}: 'control' must be true or false")
        extra = {k: v for k, v in raw.items() if k not in _KNOWN}
        items.append(Item(item_id, raw["text"], raw["expected"], raw["why"], control, extra))
    if not items:
        raise ItemFileError(f"{path}: the 'items' list is empty")
    return tuple(items)
