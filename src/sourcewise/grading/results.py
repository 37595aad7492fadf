"""The result model: one submission's checks, their scores and feedback, to and from JSON.

Every output (the terminal summary, ``--results-json``, and the batch exports built on
top) comes from this model. JSON values are plain data; ``expected`` and ``got`` are left
out of a check's JSON when the check did not give them.
"""

from __future__ import annotations

import json
import math
import os
import sys
import tempfile
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from sourcewise.grading.failures import MISSING, StudentError
from sourcewise.grading.safe_text import clean_data, dump_json

FORMAT = "sourcewise-results"
VERSION = 1
STATUSES = ("passed", "failed", "not gradable", "skipped")
VISIBILITIES = ("public", "hidden", "after_due_date")


def _plain_copy(value: object) -> object:
    """A copy of plain JSON data (tuples become lists); TypeError or ValueError otherwise.

    Much faster than a round trip through the json module for the small values of items.
    """
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if kind is float:
        if math.isfinite(value):
            return value
        raise ValueError("not a finite number")
    if kind is list or kind is tuple:
        return [_plain_copy(item) for item in value]
    if kind is dict and all(type(key) is str for key in value):
        return {key: _plain_copy(item) for key, item in value.items()}
    raise TypeError("not plain JSON data")


def jsonable(value: object) -> object:
    """``value`` as plain JSON data; anything else becomes its repr (checks' own objects),
    or, when even that fails, what ``clean_data`` makes of it."""
    try:
        return _plain_copy(value)
    except (TypeError, ValueError, RecursionError):
        pass  # not plain as it is: JSON may still take it (int keys, subclasses)
    try:
        return json.loads(json.dumps(value, allow_nan=False))
    except (TypeError, ValueError, RecursionError):
        pass
    try:
        return repr(value)
    except (ValueError, RecursionError):  # an int too long for text inside
        return clean_data(value)


def _shared(value: object) -> object:
    """One copy of a string that many results repeat (item ids, sentences, explanations):
    a class's parsed results then hold each once, not once per student."""
    return sys.intern(value) if type(value) is str else value


def split_got(got: object) -> tuple[object, str | None]:
    """A StudentError given as ``got`` becomes no value plus an error message. The message
    names the function, not the whole call (the item's sentence is shown beside it), so
    that the same failure on many items reads the same and is shown once."""
    if isinstance(got, StudentError):
        call = getattr(got, "call", "")
        reason = got.reason
        if call and reason.startswith(call) and "(" in call:
            reason = call.split("(", 1)[0] + reason[len(call):]
        return MISSING, reason
    return got, None


@dataclass(slots=True)
class ItemResult:
    """One graded item of a check (a sentence, a case): for feedback and item analysis."""

    id: str
    correct: bool
    expected: object
    got: object = MISSING  # MISSING when the call failed (see got_error)
    got_error: str | None = None
    why: str = ""
    text: str = ""

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"id": self.id, "correct": self.correct,
                                   "expected": jsonable(self.expected)}
        if self.got is not MISSING:
            data["got"] = jsonable(self.got)
        data.update(got_error=self.got_error, why=self.why, text=self.text)
        return data

    @classmethod
    def from_json(cls, data: dict) -> ItemResult:
        return cls(_shared(data["id"]), data["correct"], data["expected"],
                   data.get("got", MISSING), data.get("got_error"),
                   _shared(data.get("why", "")), _shared(data.get("text", "")))


@dataclass
class CheckResult:
    nodeid: str
    name: str
    exercise: str
    description: str
    status: str  # one of STATUSES
    score: float  # fraction in [0, 1]
    points: float  # earned: score * max_points
    max_points: float
    visibility: str = "public"
    reason: str = ""
    hint: str | None = None
    lesson: str | None = None  # page path relative to docs/
    lesson_url: str | None = None
    expected: object = MISSING
    got: object = MISSING
    got_error: str | None = None
    items: list[ItemResult] = field(default_factory=list)
    details: str = ""  # tracebacks and worker output: for graders and -v
    output: str = ""  # what the student's code printed in the failing call
    grader_error: str | None = None  # "sandbox" or "check": the grader broke, not the student
    duration: float = 0.0
    # What each student function called gave, in starter terms (``["returns None"]``), for
    # the "not started" line of the feedback; stored only when there is some, never compared.
    returned: dict[str, list[str]] = field(default_factory=dict, compare=False, repr=False)

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {}
        for spec in fields(self):
            value = getattr(self, spec.name)
            if value is MISSING or (spec.name == "returned" and not value):
                continue
            if spec.name == "items":
                value = [item.to_json() for item in value]
            elif spec.name in ("expected", "got"):
                value = jsonable(value)
            data[spec.name] = value
        return data

    @classmethod
    def from_json(cls, data: dict) -> CheckResult:
        known = {spec.name for spec in fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        values["items"] = [ItemResult.from_json(item) for item in data.get("items", [])]
        values["returned"] = starter_returns(data.get("returned"))
        return cls(**values)


def starter_returns(data: object) -> dict[str, list[str]]:
    """A stored ``returned`` field as ``{function: [outcome, ...]}``; anything else (an old
    or damaged record) reads as nothing known, so no "not started" line is claimed."""
    if not isinstance(data, dict):
        return {}
    return {name: list(outcomes) for name, outcomes in data.items()
            if isinstance(name, str) and isinstance(outcomes, list)
            and all(isinstance(outcome, str) for outcome in outcomes)}


@dataclass
class ExerciseSummary:
    name: str
    points: float
    max_points: float
    counts: dict[str, int]
    not_gradable: str | None  # the message, when every check of it is not gradable


@dataclass
class SubmissionResult:
    submission: str
    checks: list[CheckResult] = field(default_factory=list)
    sandbox: dict[str, object] | None = None  # SandboxPlan.to_json() plus "description"
    started: str = ""  # ISO 8601, UTC
    duration: float = 0.0
    errors: list[str] = field(default_factory=list)  # grader-side problems of the run
    notes: list[str] = field(default_factory=list)  # e.g. files left out of the sandbox
    checks_withheld: int = 0  # checks removed by for_student()

    @property
    def points(self) -> float:
        return round(sum(check.points for check in self.checks), 6)

    @property
    def max_points(self) -> float:
        return round(sum(check.max_points for check in self.checks), 6)

    @property
    def includes_hidden(self) -> bool:
        """True when the run had checks students do not have (a grader's run)."""
        return self.checks_withheld > 0 or any(
            check.visibility != "public" for check in self.checks
        )

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for check in self.checks:
            counts[check.status] += 1
        return counts

    def exercises(self) -> list[ExerciseSummary]:
        by_name: dict[str, list[CheckResult]] = {}
        for check in self.checks:
            by_name.setdefault(check.exercise, []).append(check)
        summaries = []
        for name, checks in by_name.items():
            counts = dict.fromkeys(STATUSES, 0)
            for check in checks:
                counts[check.status] += 1
            reasons = {check.reason for check in checks}
            whole = (counts["not gradable"] == len(checks) and len(reasons) == 1)
            summaries.append(ExerciseSummary(
                name, round(sum(c.points for c in checks), 6),
                round(sum(c.max_points for c in checks), 6), counts,
                reasons.pop() if whole else None,
            ))
        return summaries

    def for_student(self, *, after_due_date: bool = False) -> SubmissionResult:
        """A copy without the checks a student may not see yet (hidden; after the due date)."""
        shown = {"public", "after_due_date"} if after_due_date else {"public"}
        kept = [check for check in self.checks if check.visibility in shown]
        withheld = self.checks_withheld + len(self.checks) - len(kept)
        return replace(self, checks=kept, checks_withheld=withheld)

    def to_json(self) -> dict[str, object]:
        return {
            "format": FORMAT, "version": VERSION, "submission": self.submission,
            "points": self.points, "max_points": self.max_points, "counts": self.counts(),
            "includes_hidden": self.includes_hidden, "checks_withheld": self.checks_withheld,
            "sandbox": self.sandbox, "started": self.started,
            "duration": round(self.duration, 4), "errors": self.errors, "notes": self.notes,
            "exercises": [vars(summary) for summary in self.exercises()],
            "checks": [check.to_json() for check in self.checks],
        }

    @classmethod
    def from_json(cls, data: dict) -> SubmissionResult:
        if data.get("format") != FORMAT or data.get("version") != VERSION:
            raise ValueError(f"not a {FORMAT} version {VERSION} file")
        return cls(
            data["submission"], [CheckResult.from_json(c) for c in data["checks"]],
            data.get("sandbox"), data.get("started", ""), data.get("duration", 0.0),
            list(data.get("errors", [])), list(data.get("notes", [])),
            data.get("checks_withheld", 0),
        )

    def write_json(self, path: str | Path) -> None:
        """Write atomically: a temporary file in the same folder, then a rename. Whatever
        the student's code produced, the file is valid UTF-8 JSON (see ``dump_json``)."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(dump_json(self.to_json(), indent=2) + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
