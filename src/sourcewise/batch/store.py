"""The result store: one JSON file per student, written atomically the moment it is known.

A record is written to a temporary file in the same folder, flushed to disk and renamed over
the final name, so a crash (even ``kill -9`` or a power cut) leaves either the old record or
the new one, never half of one. A run that starts again reads the records back and grades
only what is missing, changed (a new submission or new checks) or ended in an error.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from sourcewise.batch.roster import Student
from sourcewise.grading.safe_text import dump_json

FORMAT = 1


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
    result: dict[str, Any] | None = field(default=None)  # the engine's result, serialised

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

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def load(self, key: str) -> Record | None:
        """The stored record for ``key``, or None if there is none or it cannot be used."""
        try:
            return Record.from_json(json.loads(self.path(key).read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, record: Record) -> None:
        """Write ``record`` atomically (temporary file, fsync, rename, fsync the folder)."""
        data = dump_json(record.to_json(), separators=(",", ":"))  # always valid UTF-8
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
