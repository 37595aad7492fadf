"""Where a submission's exercise files are, what is wrong with them, and staging a copy.

A submission is a folder, a zip or a single exercise file (``<exercise>.py``). It is read
by the intake rule that ``sourcewise grade`` and the Gradescope autograder use too
(``sourcewise.batch.contents``): exercise files at any depth, a copy in an ``exercises/``
folder first, helper modules beside them, a zip at the top of a folder read when the folder
holds no exercise file. So the same folder gets the same points on every path.

The worker never sees the submission in place: the trusted side reads the chosen files
(no symbolic links, size-capped) and writes them into a fresh staging folder that the
sandbox mounts read-only. The trusted side reads these bytes; it never runs them.

A staging folder is private: only the grader can read it, and, when the grader is root,
the sandbox's uid through its group. Its name carries the grading process's pid
(``sourcewise-sub-<pid>-...``), so that one left by a process that was killed is removed
by the next grader (``remove_orphaned_staging``).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from pathlib import Path

from sourcewise.grading.plan import Limits


class SubmissionError(Exception):
    """The submission path given to the grader does not exist (a usage error)."""


def human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


class Submission:
    """One submission to grade, read once by the intake rule when first needed."""

    def __init__(self, path: Path, label: str, exercises: tuple[str, ...] = (),
                 course_helpers: dict[str, bytes] | None = None) -> None:
        self.path = path  # the file or folder, resolved
        self.label = label  # how messages name it, for example "exercises/"
        self.exercises = exercises  # exercise names the checks grade, beyond the catalogue
        # The course's own helper modules (exercises/textkit.py): staged when the
        # submission has no file of that name, so uploading only the exercise files works.
        self.course_helpers = course_helpers or {}
        self._contents = None
        self._unusable: str | None = None  # why nothing in it can be used
        self._staged: str | None = None

    @classmethod
    def locate(cls, path: str | Path, label: str | None = None,
               exercises: tuple[str, ...] = (),
               course_helpers: dict[str, bytes] | None = None) -> Submission:
        given = Path(path)
        if not given.exists() and not given.is_symlink():
            raise SubmissionError(f"--submission: there is no file or folder at {given}")
        resolved = given.resolve() if not given.is_symlink() else given.absolute()
        shown = label or str(given)
        if resolved.is_dir() and not shown.endswith("/"):
            shown += "/"
        return cls(resolved, shown, exercises, course_helpers)

    def contents(self, limits: Limits):
        """The files the intake rule takes from the submission (read once)."""
        from sourcewise.batch.contents import Contents, Unusable
        from sourcewise.batch.contents import Limits as ReadLimits
        from sourcewise.batch.intake import read_contents

        if self._contents is None:
            self._unusable = None
            read_limits = ReadLimits(max_file_bytes=limits.source_bytes,
                                     max_staged_bytes=limits.submission_bytes,
                                     max_helpers=min(20, limits.submission_files),
                                     extra_exercises=self.exercises)
            try:
                self._contents = read_contents(self.path, read_limits)
            except Unusable as problem:
                self._unusable = problem.message
                self._contents = Contents()
            except OSError as error:
                self._unusable = f"it cannot be read ({error.strerror})"
                self._contents = Contents()
        return self._contents

    def file_problem(self, exercise: str, limits: Limits) -> tuple[str, str] | None:
        """(kind, student-facing message) when the exercise file cannot be used, else None."""
        if self._staged is None and exercise not in self.exercises:
            from sourcewise.batch.contents import EXERCISE_FILES

            if f"{exercise}.py" not in EXERCISE_FILES:  # a check's own exercise: read again
                self.exercises = (*self.exercises, exercise)
                self._contents = None
        contents = self.contents(limits)
        name = f"{exercise}.py"
        if exercise in contents.files:
            return None
        if self.path.is_file() and not self.path.name.lower().endswith(".zip"):
            if exercise in contents.problems:
                kind, note = contents.problems[exercise]
                return (kind, note[0].upper() + note[1:] + ".")
            return ("missing_file", f"This submission is the single file {self.path.name}; "
                    f"this check needs a file named {name}.")
        if self._unusable is not None:
            return ("missing_file", f"{self.label.rstrip('/')} cannot be graded: "
                    f"{self._unusable}.")
        if exercise in contents.problems:
            kind, note = contents.problems[exercise]
            return (kind, note[0].upper() + note[1:] + ".")
        return ("missing_file", f"There is no file {name} in {self.label}. Create it from "
                "the starter file and keep its name exactly.")

    def stage(self, limits: Limits, reader_gid: int | None = None) -> tuple[str, list[str]]:
        """Copy the usable files into a fresh private folder; return it and notes on what
        was left out. ``reader_gid``: the sandbox's group, when the grader is root (it
        reads the copy through its group; nobody else can)."""
        contents = self.contents(limits)
        staging = tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-")  # mode 0700
        self._staged = staging
        file_mode = 0o600
        if reader_gid is not None:
            os.chown(staging, -1, reader_gid)
            os.chmod(staging, 0o750)
            file_mode = 0o640
        files = {f"{exercise}.py": data for exercise, data in contents.files.items()}
        files.update(contents.helpers)
        if files:
            for name, data in self.course_helpers.items():
                files.setdefault(name, data)
        for name, data in sorted(files.items()):
            target = Path(staging, name)
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, file_mode)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            if reader_gid is not None:
                os.chown(target, -1, reader_gid)
        return staging, list(contents.notes)


def course_helpers(folder: Path, exercises: tuple[str, ...] = ()) -> dict[str, bytes]:
    """The helper modules a course ships beside its exercise files (``exercises/*.py`` that
    are neither exercise nor check files), by file name; {} without such a folder."""
    from sourcewise.batch.contents import Limits as ReadLimits
    from sourcewise.batch.contents import is_helper_module

    limits = ReadLimits(extra_exercises=exercises)
    found: dict[str, bytes] = {}
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return found
    for entry in entries:
        if is_helper_module(entry.name, limits) and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(OSError):
                found[entry.name] = Path(entry.path).read_bytes()[:limits.max_file_bytes]
    return found


def remove_staging(folder: str | None) -> None:
    if folder:
        with contextlib.suppress(OSError):
            shutil.rmtree(folder)


STAGING_PREFIX = "sourcewise-sub-"
SCRATCH_PREFIX = "sourcewise-tmp-"  # the fallback's private /tmp (see launch)
_OURS = re.compile(r"sourcewise-(?:sub|tmp)-(\d+)-")


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # alive, someone else's
    return True


def remove_orphaned_staging(folder: str | None = None) -> list[str]:
    """Remove the staging and scratch folders whose grading process is gone (killed
    before it could clean up); return what was removed."""
    folder = folder or tempfile.gettempdir()
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _OURS.match(entry.name)
        if match and entry.is_dir(follow_symlinks=False) and not _running(int(match[1])):
            remove_staging(entry.path)
            removed.append(entry.path)
    return removed
