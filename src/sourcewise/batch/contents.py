"""What a reader takes out of one submission: the exercise files, and notes on the rest.

A submission is hostile until proven otherwise. Readers only ever pick out files named like
an exercise (``<name>.py`` from the catalogue) and the helper modules beside them, read each
one with a size cap, never follow a link and never write anything the submission names.
Whatever else they meet becomes a note for the student and the grader; whatever makes the
whole submission unusable raises ``Unusable`` with a message that says what is wrong and
what to do.

The intake rule, the same for ``pytest --submission``, ``sourcewise grade`` and Gradescope:

* Exercise files are found at any depth. Of several copies of one exercise file, a copy in
  a folder named ``exercises`` wins (that is where the release keeps them), then the one
  nearest the top, then the first by path; the note names the copy that was graded.
* Helper modules (other ``.py`` files with a module name, such as ``textkit.py``) in a
  folder a graded exercise file came from are staged beside the exercise files; of two
  helpers of one name, the one beside the better-ranked exercise file wins.
* A folder with no exercise file of its own but a zip at its top is read from the first
  such zip that holds exercise files.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from sourcewise.exercises.catalogue import EXERCISES
from sourcewise.grading.plan import Limits as GradingLimits

# The file name a student's work for each exercise must have, mapped to the exercise name.
EXERCISE_FILES: dict[str, str] = {f"{e.name}.py": e.name for e in EXERCISES}

# Names a grader can ignore without a word: operating-system and editor litter.
LITTER = frozenset({"__MACOSX", "__pycache__", "Thumbs.db", "desktop.ini", ".DS_Store"})

# A helper module's file name: a module name, not a check file nor a name Python runs itself.
_HELPER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*\.py$")
_NOT_HELPERS = re.compile(r"^(test_.*|.*_test|conftest|sitecustomize|usercustomize|__init__)"
                          r"\.py$")


def is_helper_module(name: str, limits: Limits) -> bool:
    """Whether a file named ``name`` beside the exercise files is staged as a helper."""
    return (bool(_HELPER.match(name)) and limits.exercise_of(name) is None
            and not _NOT_HELPERS.match(name))


@dataclass(frozen=True)
class Limits:
    """Caps that keep one hostile submission from costing the batch time, memory or disk."""

    max_file_bytes: int = GradingLimits.source_bytes  # one exercise or helper file
    max_zip_bytes: int = 25 * 2**20  # the zip file itself
    max_unpacked_bytes: int = 100 * 2**20  # everything a zip says it holds, unpacked
    max_ratio: int = 100  # unpacked size / packed size, for zips above ``ratio_floor``
    ratio_floor: int = 2**20
    max_entries: int = 5000  # files and folders in one submission
    max_helpers: int = 20  # helper modules staged beside the exercise files
    max_staged_bytes: int = GradingLimits.submission_bytes  # all files staged, together
    extra_exercises: tuple[str, ...] = ()  # exercise names beyond the catalogue's (checks')

    def exercise_of(self, file_name: str) -> str | None:
        """The exercise a file of this name is the work for, if any."""
        if file_name in EXERCISE_FILES:
            return EXERCISE_FILES[file_name]
        stem = file_name[:-3] if file_name.endswith(".py") else None
        return stem if stem in self.extra_exercises else None


class Unusable(Exception):
    """The whole submission cannot be graded; ``status`` is its gradebook status."""

    def __init__(self, status: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Contents:
    """The exercise files found in a submission (exercise name → source bytes), the helper
    modules beside them (file name → bytes) and notes."""

    files: dict[str, bytes] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)  # other file names seen, for messages
    helpers: dict[str, bytes] = field(default_factory=dict)
    problems: dict[str, tuple[str, str]] = field(default_factory=dict)  # unusable copies
    _rank: dict[str, tuple[int, int]] = field(default_factory=dict)
    _where: dict[str, str] = field(default_factory=dict)
    _helper_files: dict[str, list[tuple[str, Callable[[], bytes | None]]]] = field(
        default_factory=dict)

    def offer(self, exercise: str, where: str, depth: int, data: bytes) -> None:
        """Keep ``data`` for ``exercise`` unless a better-ranked copy was already kept."""
        rank = (0 if _folder_name(where) == "exercises" else 1, depth)
        if exercise in self.files:
            kept = self._where[exercise]
            if where == kept:
                self.notes.append(f"found {where} twice in the zip; graded the first of the "
                                  "two: submit only one")
                return
            if rank > self._rank[exercise]:
                self.notes.append(f"ignored a second copy of {exercise}.py at {where}; "
                                  f"graded {kept}")
                return
            if rank == self._rank[exercise]:
                first, second = sorted((kept, where))
                self.notes.append(f"found two copies of {exercise}.py at the same level "
                                  f"({first} and {second}); graded {first}: submit only one")
                if where != first:
                    return
            else:
                self.notes.append(f"ignored a second copy of {exercise}.py at {kept}; "
                                  f"graded {where}")
        self.files[exercise] = data
        self._rank[exercise] = rank
        self._where[exercise] = where

    def refuse(self, exercise: str | None, kind: str, note: str) -> None:
        """Note that a file could not be used; ``kind`` is what a check reports for it."""
        self.notes.append(note)
        if exercise is not None:
            self.problems.setdefault(exercise, (kind, note))

    def offer_helper(self, where: str, load: Callable[[], bytes | None]) -> None:
        """Remember a possible helper module at ``where``; ``finish`` reads the ones used."""
        folder = where.rpartition("/")[0]
        self._helper_files.setdefault(folder, []).append((where, load))

    def finish(self, limits: Limits) -> Contents:
        """Read the helper modules beside the graded exercise files, within the limits."""
        folders = sorted({w.rpartition("/")[0]: (self._rank[e], w)
                          for e, w in self._where.items()}.items(), key=lambda f: f[1])
        total = sum(len(data) for data in self.files.values())
        source: dict[str, str] = {}
        for folder, _ in folders:
            for where, load in sorted(self._helper_files.get(folder, ())):
                name = where.rpartition("/")[2]
                if name in source:
                    self.notes.append(f"ignored the helper {where}; used {source[name]}")
                    continue
                if len(self.helpers) >= limits.max_helpers:
                    self.notes.append(f"ignored the helper {where}: only "
                                      f"{limits.max_helpers} helper modules are used")
                    continue
                data = load()
                if data is None:
                    continue
                if total + len(data) > limits.max_staged_bytes:
                    self.notes.append(f"ignored the helper {where}: the files together are "
                                      f"over {size_text(limits.max_staged_bytes)}")
                    continue
                total += len(data)
                self.helpers[name] = data
                source[name] = where
        self._helper_files.clear()
        return self

    def where(self, exercise: str) -> str:
        """The path, inside the submission, of the copy graded for ``exercise``."""
        return self._where[exercise]

    def digest(self) -> str:
        """A fingerprint of the staged files, to tell a re-submission from the same one."""
        hasher = hashlib.sha256()
        for name in sorted(self.files):
            hasher.update(name.encode())
            hasher.update(len(self.files[name]).to_bytes(8, "big"))
            hasher.update(self.files[name])
        for name in sorted(self.helpers):
            hasher.update(b"helper:" + name.encode())
            hasher.update(len(self.helpers[name]).to_bytes(8, "big"))
            hasher.update(self.helpers[name])
        return hasher.hexdigest()


def _folder_name(where: str) -> str:
    return where.rpartition("/")[0].rpartition("/")[2]


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
