"""Lean stored results: a student's own answers, verdicts and points, and a reference to the
item set of each check for everything that is the same for every student.

A check's item set holds what does not depend on the student: the check's name, exercise,
description, points possible, visibility, hint and lesson, and for each item its id,
sentence, expected answer and explanation. It is stored once per output folder, in
``results/items/<digest>.json``, named by the digest of its content (so it can never be
changed under a record that refers to it), and written durably before the first record
that refers to it. A stored check keeps only what differs from its item set:

* the check's status, score, points, reason, expected and got, output and details, and
  what each function gave in starter terms (for the "not started" line);
* per item (in the item set's order): whether it was right (``"c": 0`` when wrong), the
  answer (left out when it equals the expected answer; ``"m": 1`` when the call gave none),
  the error of a failed call, and the explanation when it is not the item set's (often the
  item set's own explanation after a sentence about this answer and the check's rule: then
  only those sentences and how much of the item set's explanation follows are kept).

An answer or a sentence of feedback that a record repeats (one call that answers every
item of a check, the same answer graded by several checks, the rule stated on every wrong
item) is kept once and then referred to by its number in the record.

Decoding gives back the engine's ``SubmissionResult`` exactly: equal values of the same
types, so every output written from a lean record is byte for byte what the full result
gives. A record whose item set is missing or altered cannot be decoded (``ValueError``):
the store then treats it as absent, and the submission is graded again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sourcewise.grading.failures import MISSING
from sourcewise.grading.results import (
    CheckResult,
    ItemResult,
    SubmissionResult,
    jsonable,
    starter_returns,
)
from sourcewise.grading.safe_text import clean_data

FORMAT = "sourcewise-item-set"
VERSION = 1
LEAN = 2  # the version of the lean result format (2: explanations kept by sentence)
DIGEST_CHARS = 24
# The fields of a check that are the same for every student (taken from its item set).
CONSTANTS = ("name", "exercise", "description", "max_points", "visibility", "hint", "lesson",
             "lesson_url")
# A shared end shorter than this is not worth referring to.
MIN_SHARED_END = 12
# Where a stored explanation is cut into sentences, each kept once per record.
SENTENCE_END = re.compile(r"(?<=\. )")


def same(a: object, b: object) -> bool:
    """Equal JSON values of the same types (``1``, ``1.0`` and ``True`` differ; so do the key
    orders of two dictionaries and ``0.0`` and ``-0.0``): what prints the same."""
    if a is b:
        return True
    kind = type(a)
    if kind is not type(b):
        return False
    if kind is list:
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if kind is dict:
        return list(a) == list(b) and all(same(a[key], b[key]) for key in a)
    if kind is float:
        return repr(a) == repr(b)
    return a == b


def matches(value: object, plain: object) -> bool:
    """Whether ``jsonable(value)`` would be ``same`` as the JSON value ``plain``, without
    copying ``value`` (False when unsure: the caller then keeps the value itself)."""
    if value is plain:
        return True
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return type(plain) is kind and value == plain
    if kind is list or kind is tuple:
        return (type(plain) is list and len(value) == len(plain)
                and all(matches(a, b) for a, b in zip(value, plain, strict=True)))
    if kind is dict:
        return (type(plain) is dict and len(value) == len(plain)
                and all(type(key) is str and key == known and matches(item, other)
                        for (key, item), (known, other) in zip(value.items(), plain.items(),
                                                               strict=True)))
    if kind is float:
        return type(plain) is float and repr(value) == repr(plain)
    return same(jsonable(value), plain)


def shared_end(text: str, reference: str) -> int:
    """How many characters at the end of ``text`` are the end of ``reference``."""
    low, high = 0, min(len(text), len(reference))
    if high and text.endswith(reference[-high:]):
        return high
    while low + 1 < high:  # text ends with reference's last `low`, not its last `high`
        middle = (low + high) // 2
        if text.endswith(reference[-middle:]):
            low = middle
        else:
            high = middle
    return low


@dataclass(frozen=True)
class ItemSet:
    """What a check records the same way for every student."""

    digest: str
    constants: dict[str, Any]
    ids: tuple[str, ...]
    texts: tuple[str, ...]
    expected: tuple[Any, ...]
    whys: tuple[str, ...]

    @classmethod
    def of(cls, check: CheckResult) -> ItemSet:
        """The item set that ``check`` (one student's result) shows."""
        data = {"format": FORMAT, "version": VERSION,
                "check": {"nodeid": check.nodeid,
                          **{name: getattr(check, name) for name in CONSTANTS}},
                "items": [[item.id, item.text, jsonable(item.expected), item.why]
                          for item in check.items]}
        data = clean_data(data)  # valid UTF-8 text only (a student's text can hold anything)
        return cls.from_json(data, digest_of(data))

    @classmethod
    def from_json(cls, data: dict[str, Any], digest: str) -> ItemSet:
        if data.get("format") != FORMAT or data.get("version") != VERSION:
            raise ValueError(f"not a {FORMAT} version {VERSION} file")
        if digest_of(data) != digest:
            raise ValueError(f"item set {digest} does not match its digest")
        rows = data["items"]
        return cls(digest, data["check"], tuple(row[0] for row in rows),
                   tuple(row[1] for row in rows), tuple(row[2] for row in rows),
                   tuple(row[3] for row in rows))

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION, "check": self.constants,
                "items": [list(row) for row in zip(self.ids, self.texts, self.expected,
                                                   self.whys, strict=True)]}


def digest_of(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:DIGEST_CHARS]


class ItemSets:
    """The item sets of one output folder: read once, written once, kept by digest."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._loaded: dict[str, ItemSet] = {}
        self._current: dict[str, ItemSet] = {}  # by check node id, for encoding
        self._written: set[str] = set()  # digests this process saw on disk or wrote

    def clean(self) -> None:
        """Remove temporary files left by a write that was killed."""
        for leftover in self.folder.glob(".*.tmp"):
            leftover.unlink(missing_ok=True)

    def for_check(self, check: CheckResult) -> ItemSet:
        made = self._for_check(check)
        if made.digest not in self._written:
            self._write(made)
        return made

    def _path(self, digest: str) -> Path:
        return self.folder / f"{digest}.json"

    def _for_check(self, check: CheckResult) -> ItemSet:
        """The item set to encode ``check`` against: the one this process uses for its node
        id, or a new one from ``check`` when there is none yet, when its constants differ,
        or when this check has more items (the first student's check did not get through
        them all, or was not gradable)."""
        current = self._current.get(check.nodeid)
        if current is not None and len(check.items) <= len(current.ids) and all(
                current.constants[name] == getattr(check, name) for name in CONSTANTS):
            return current
        made = self._loaded.setdefault((fresh := ItemSet.of(check)).digest, fresh)
        self._current[check.nodeid] = made
        return made

    def get(self, digest: str) -> ItemSet:
        """The item set named ``digest``; ValueError or OSError when it cannot be used."""
        found = self._loaded.get(digest)
        if found is None:
            if len(digest) != DIGEST_CHARS or not all(c in "0123456789abcdef" for c in digest):
                raise ValueError(f"not an item set digest: {digest!r}")
            data = json.loads((self.folder / f"{digest}.json").read_text(encoding="utf-8"))
            found = self._loaded[digest] = ItemSet.from_json(data, digest)
        return found

    def _write(self, item_set: ItemSet) -> None:
        """Write the file atomically and durably, unless it is already there."""
        path = self._path(item_set.digest)
        self._written.add(item_set.digest)
        if path.exists():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps(item_set.to_json(), ensure_ascii=False, separators=(",", ":"))
        fd, temporary = tempfile.mkstemp(dir=self.folder, prefix=f".{item_set.digest}.",
                                         suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        folder_fd = os.open(self.folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(folder_fd)
        finally:
            os.close(folder_fd)


class _Shared:
    """Values a record repeats (an answer given to several items or checks, a sentence of
    feedback said about several items): the first time in full, then by number."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.by_identity: dict[int, tuple[object, int]] = {}

    def number(self, value: object, key: str) -> int | None:
        """The number of ``value`` if it came before; otherwise remember it, return None."""
        found = self.numbers.get(key)
        if found is None:
            self.numbers[key] = len(self.numbers)
        return found

    def sentences(self, text: str) -> list[str | int]:
        """``text`` cut after each full stop and space: a sentence said before (the rule a
        check states for every wrong item) by its number, a new one in full."""
        pieces: list[str | int] = []
        for piece in SENTENCE_END.split(text):
            if piece:
                number = self.number(piece, "w" + piece)
                pieces.append(piece if number is None else number)
        return pieces


def encode(result: SubmissionResult, sets: ItemSets) -> dict[str, Any]:
    """The lean form of ``result``."""
    shared = _Shared()
    return {"lean": LEAN, "submission": result.submission, "sandbox": result.sandbox,
            "started": result.started, "duration": round(result.duration, 4),
            "errors": result.errors, "notes": result.notes,
            "checks_withheld": result.checks_withheld,
            "checks": [_encode_check(check, sets.for_check(check), shared)
                       for check in result.checks]}


def _encode_check(check: CheckResult, item_set: ItemSet, shared: _Shared) -> dict[str, Any]:
    data: dict[str, Any] = {"set": item_set.digest, "status": check.status,
                            "score": check.score, "points": check.points}
    for name in CONSTANTS:
        value = getattr(check, name)
        if item_set.constants[name] != value or type(item_set.constants[name]) is not type(
                value):
            data[name] = value
    for name in ("reason", "details", "output"):
        if getattr(check, name):
            data[name] = getattr(check, name)
    for name in ("expected", "got"):
        if getattr(check, name) is not MISSING:
            data[name] = jsonable(getattr(check, name))
    for name in ("got_error", "grader_error"):
        if getattr(check, name) is not None:
            data[name] = getattr(check, name)
    data["duration"] = check.duration
    if check.returned:
        data["returned"] = check.returned
    if check.items:
        in_order = len(check.items) == len(item_set.ids) and all(
            item.id == known for item, known in zip(check.items, item_set.ids, strict=True))
        index = None if in_order else {known: n for n, known in enumerate(item_set.ids)}
        data["items"] = [_encode_item(item, item_set, n if index is None else index.get(item.id),
                                      in_order, shared) for n, item in enumerate(check.items)]
    return data


def _encode_item(item: ItemResult, item_set: ItemSet, n: int | None, in_order: bool,
                 shared: _Shared) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if not in_order:
        data["i"] = item.id
    if not item.correct:
        data["c"] = 0
    if n is None or item.text != item_set.texts[n]:
        data["t"] = item.text
    if n is not None and matches(item.expected, item_set.expected[n]):
        expected = item_set.expected[n]
    else:
        expected = data["x"] = jsonable(item.expected)
    if item.got is MISSING:
        data["m"] = 1
    elif not matches(item.got, expected):
        known = shared.by_identity.get(id(item.got))
        if known is not None and known[0] is item.got:  # the very same answer again
            data["G"] = known[1]
        else:
            got = jsonable(item.got)
            if not same(got, expected):  # (jsonable may turn an odd value into its repr)
                number = shared.number(got, "g" + json.dumps(got, ensure_ascii=False))
                if number is None:
                    data["g"] = got
                    number = len(shared.numbers) - 1
                else:
                    data["G"] = number
                shared.by_identity[id(item.got)] = (item.got, number)
    if item.got_error is not None:
        data["e"] = item.got_error
    reference = "" if n is None else item_set.whys[n]
    if item.why != reference:
        end = shared_end(item.why, reference) if reference else 0
        if end < MIN_SHARED_END:
            end = 0
        data["wq"] = shared.sentences(item.why[:len(item.why) - end])
        if end:
            data["ws"] = end
    return data


def decode(data: dict[str, Any], sets: ItemSets) -> SubmissionResult:
    """The engine's result from its lean form; ValueError (or OSError, KeyError) when that
    is impossible."""
    if data.get("lean") != LEAN:
        raise ValueError(f"not a lean result version {LEAN}")
    shared: list[object] = []
    return SubmissionResult(
        data["submission"], [_decode_check(check, sets.get(check["set"]), shared)
                             for check in data["checks"]],
        data["sandbox"], data["started"], data["duration"], list(data["errors"]),
        list(data["notes"]), data["checks_withheld"])


def _decode_check(data: dict[str, Any], item_set: ItemSet, shared: list[object]) -> CheckResult:
    constants = item_set.constants
    values = {name: data[name] if name in data else constants[name] for name in CONSTANTS}
    check = CheckResult(
        constants["nodeid"], values["name"], values["exercise"], values["description"],
        data["status"], data["score"], data["points"], values["max_points"],
        values["visibility"], data.get("reason", ""), values["hint"], values["lesson"],
        values["lesson_url"], data.get("expected", MISSING), data.get("got", MISSING),
        data.get("got_error"), [], data.get("details", ""), data.get("output", ""),
        data.get("grader_error"), data["duration"], returned=starter_returns(data.get("returned")))
    items = data.get("items")
    if items:
        in_order = "i" not in items[0]
        index = None if in_order else {known: n for n, known in enumerate(item_set.ids)}
        check.items = [_decode_item(item, item_set, n if in_order else index.get(item["i"]),
                                    shared) for n, item in enumerate(items)]
    return check


def _decode_item(data: dict[str, Any], item_set: ItemSet, n: int | None,
                 shared: list[object]) -> ItemResult:
    item_id = data["i"] if "i" in data else item_set.ids[n]
    text = data["t"] if "t" in data else item_set.texts[n]
    expected = data["x"] if "x" in data else item_set.expected[n]
    if "m" in data:
        got = MISSING
    elif "g" in data:
        got = data["g"]
        shared.append(got)
    elif "G" in data:
        got = shared[data["G"]]
    else:
        got = expected
    if "wq" in data:
        start = ""
        for piece in data["wq"]:
            if isinstance(piece, str):
                shared.append(piece)
                start += piece
            else:
                start += shared[piece]
        end = data.get("ws", 0)
        why = start + (item_set.whys[n][len(item_set.whys[n]) - end:] if end else "")
    else:
        why = item_set.whys[n] if n is not None else ""
    return ItemResult(item_id, "c" not in data, expected, got, data.get("e"), why, text)
