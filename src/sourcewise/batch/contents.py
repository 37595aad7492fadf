"""What a reader takes out of one submission: the exercise files, and notes on the rest.

A submission is hostile until proven otherwise. Readers only ever pick out files named like
an exercise (``<name>.py`` from the catalogue), read each one with a size cap, never follow
a link and never write anything the submission names. Whatever else they meet becomes a
note for the student and the grader; whatever makes the whole submission unusable raises
``Unusable`` with a message that says what is wrong and what to do.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field

from sourcewise.exercises.catalogue import EXERCISES

# The file name a student's work for each exercise must have, mapped to the exercise name.
EXERCISE_FILES: dict[str, str] = {f"{e.name}.py": e.name for e in EXERCISES}

# Names a grader can ignore without a word: operating-system and editor litter.
LITTER = frozenset({"__MACOSX", "__pycache__", "Thumbs.db", "desktop.ini", ".DS_Store"})


@dataclass(frozen=True)
class Limits:
    """Caps that keep one hostile submission from costing the batch time, memory or disk."""

    max_file_bytes: int = 256 * 1024  # one exercise file
    max_zip_bytes: int = 25 * 2**20  # the zip file itself
    max_unpacked_bytes: int = 100 * 2**20  # everything a zip says it holds, unpacked
    max_ratio: int = 100  # unpacked size / packed size, for zips above ``ratio_floor``
    ratio_floor: int = 2**20
    max_entries: int = 5000  # files and folders in one submission


class Unusable(Exception):
    """The whole submission cannot be graded; ``status`` is its gradebook status."""

    def __init__(self, status: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Contents:
    """The exercise files found in a submission (exercise name → source bytes) and notes."""

    files: dict[str, bytes] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)  # other file names seen, for messages
    _depth: dict[str, int] = field(default_factory=dict)
    _where: dict[str, str] = field(default_factory=dict)

    def offer(self, exercise: str, where: str, depth: int, data: bytes) -> None:
        """Keep ``data`` for ``exercise`` unless a copy nearer the top was already kept."""
        if exercise in self.files:
            kept = self._where[exercise]
            if depth > self._depth[exercise]:
                self.notes.append(f"ignored a second copy of {exercise}.py at {where}; "
                                  f"graded {kept}")
                return
            if depth == self._depth[exercise]:
                first, second = sorted((kept, where))
                self.notes.append(f"found two copies of {exercise}.py at the same level "
                                  f"({first} and {second}); graded {first}: submit only one")
                if where != first:
                    return
        self.files[exercise] = data
        self._depth[exercise] = depth
        self._where[exercise] = where

    def digest(self) -> str:
        """A fingerprint of the exercise files, to tell a re-submission from the same one."""
        hasher = hashlib.sha256()
        for name in sorted(self.files):
            hasher.update(name.encode())
            hasher.update(len(self.files[name]).to_bytes(8, "big"))
            hasher.update(self.files[name])
        return hasher.hexdigest()


def shown(name: str) -> str:
    """A file name as it can be printed and written to CSV: undecodable bytes as ``\\xNN``."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def size_text(n: int) -> str:
    """A byte count for people: ``1.5 MB``."""
    if n < 1024:
        return f"{n} bytes"
    if n < 2**20:
        return f"{n / 1024:.0f} KB"
    return f"{n / 2**20:.1f} MB"


def no_exercise_files_message(others: list[str]) -> str:
    """Say that no exercise file was found, which names were expected and which were seen."""
    expected = ", ".join(sorted(EXERCISE_FILES))
    seen = ", ".join(sorted(others)[:8]) + (" ..." if len(others) > 8 else "")
    if not others:
        return (f"no exercise files found; it holds no files. Expected files named like "
                f"{expected}: submit them again")
    return (f"no exercise files found; found: {seen}. Expected files named like {expected}: "
            "rename the files and submit again")
