"""The result store: one JSON file per student, written atomically the moment it is known.

A record is written to a temporary file in the same folder, flushed to disk and renamed over
the final name, so a crash (even ``kill -9`` or a power cut) leaves either the old record or
the new one, never half of one. A run that starts again reads the records back and grades
only what is missing, changed (a new submission or new checks) or ended in an error.

A graded record keeps its result lean (``sourcewise.batch.lean``): the student's own
answers, verdicts and points, with what every student shares kept once per output folder
as item sets (``results/items/``).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from sourcewise.batch.lean import ItemSets, decode, encode
from sourcewise.batch.roster import Student
from sourcewise.grading.results import SubmissionResult
from sourcewise.grading.safe_text import clean_data, dump_json

FORMAT = 2  # 1 kept the whole result in every record


@dataclass(frozen=True)
class Record:
    """What is kept about one student's submission, graded or not."""

    key: str
    student: Student
    origins: tuple[str, ...]
    status: str  # "graded", "error" (grading failed; retried on resume) or an intake status
    message: str = ""
    notes: tuple[str, ...] = ()
    submission_digest: str = ""
    checks_digest: str = ""
    seconds: float = 0.0  # time spent grading
    # The engine's result: as loaded from the store, or as JSON (``SubmissionResult.to_json``)
    result: SubmissionResult | dict[str, Any] | None = field(default=None)

    def to_json(self) -> dict[str, Any]:
        """The record as JSON data. The result is not copied (it can be large)."""
        data = {spec.name: getattr(self, spec.name) for spec in fields(self)}
        data.update(format=FORMAT, student=asdict(self.student), origins=list(self.origins),
                    notes=list(self.notes))
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Record:
        if data.get("format") != FORMAT:
            raise ValueError(f"unknown record format {data.get('format')!r}")
        return cls(
            key=data["key"],
            student=Student(**data["student"]),
            origins=tuple(data["origins"]),
            status=data["status"],
            message=data["message"],
            notes=tuple(data["notes"]),
            submission_digest=data["submission_digest"],
            checks_digest=data["checks_digest"],
            seconds=float(data["seconds"]),
            result=data["result"],
        )


class ResultStore:
    """The records of one output folder (``OUT/results/<key>.json``)."""

    def __init__(self, out: Path) -> None:
        self.folder = out / "results"
        self.folder.mkdir(parents=True, exist_ok=True)
        for leftover in self.folder.glob(".*.tmp"):  # from a run killed mid-write
            leftover.unlink(missing_ok=True)
        self.item_sets = ItemSets(self.folder / "items")
        self.item_sets.clean()

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def load(self, key: str) -> Record | None:
        """The stored record for ``key``, with its result decoded, or None if there is none or
        it cannot be used (a result whose item sets are missing or altered included)."""
        try:
            data = json.loads(self.path(key).read_text(encoding="utf-8"))
            if data.get("format") == FORMAT and data.get("result") is not None:
                data["result"] = decode(data["result"], self.item_sets)
            return Record.from_json(data)
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            return None

    def save(self, record: Record) -> None:
        """Write ``record`` atomically (temporary file, fsync, rename, fsync the folder); its
        result lean, after the item sets it refers to. Always valid UTF-8 JSON, whatever
        the student's code produced (see ``dump_json``)."""
        data = record.to_json()
        if record.result is not None:
            result = record.result
            if not isinstance(result, SubmissionResult):
                result = SubmissionResult.from_json(result)
            try:
                data["result"] = encode(result, self.item_sets)
            except (ValueError, TypeError, RecursionError):  # numbers or nesting no JSON
                # reader takes (the sandbox refuses them; a check might make them): as text
                cleaned = SubmissionResult.from_json(clean_data(result.to_json()))
                data["result"] = encode(cleaned, self.item_sets)
        data = dump_json(data, separators=(",", ":"))
        fd, temporary = tempfile.mkstemp(dir=self.folder, prefix=f".{record.key}.",
                                         suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, self.path(record.key))
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        folder_fd = os.open(self.folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(folder_fd)
        finally:
            os.close(folder_fd)

    def keys(self) -> set[str]:
        """The keys of every record on disk."""
        return {p.stem for p in self.folder.glob("*.json")}
