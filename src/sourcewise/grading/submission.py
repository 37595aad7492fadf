"""Where a submission's exercise files are, what is wrong with them, and staging a copy.

A submission is a file or a folder. In a folder, the exercise files are looked up in its
``exercises/`` subfolder when there is one, else in the folder itself. A single file is
graded only for the exercise it is named after (``<exercise>.py``).

The worker never sees the submission in place: the trusted side copies the folder's
regular files (top level only, no symbolic links, size-capped) into a fresh staging folder
that the sandbox mounts read-only. The trusted side reads these bytes; it never runs them.
A helper module the starters ship (``textkit.py``) that the submission lacks is staged
from the package's pristine copy, so a student who handed in only exercise files is graded
as if they had kept the starter's helper.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sourcewise.exercises.catalogue import HELPER_MODULES
from sourcewise.grading.plan import Limits

PRISTINE_HELPERS = Path(__file__).resolve().parent.parent / "exercises" / "helpers"


class SubmissionError(Exception):
    """The submission path given to the grader does not exist (a usage error)."""


def human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


@dataclass(frozen=True)
class Submission:
    path: Path  # the file or folder, resolved
    folder: Path  # the folder holding the exercise files (a single file's parent)
    single_file: Path | None
    label: str  # how messages name the folder, for example "exercises/"

    @classmethod
    def locate(cls, path: str | Path, label: str | None = None) -> Submission:
        given = Path(path)
        if not given.exists():
            raise SubmissionError(f"--submission: there is no file or folder at {given}")
        resolved = given.resolve()
        if resolved.is_file():
            return cls(resolved, resolved.parent, resolved, label or str(given))
        folder = resolved / "exercises" if (resolved / "exercises").is_dir() else resolved
        shown = label or str(given if folder == resolved else given / "exercises")
        return cls(resolved, folder, None, shown.rstrip("/") + "/")

    def file_problem(self, exercise: str, limits: Limits) -> tuple[str, str] | None:
        """(kind, student-facing message) when the exercise file cannot be used, else None."""
        name = f"{exercise}.py"
        if self.single_file is not None and self.single_file.name != name:
            return ("missing_file", f"This submission is the single file "
                    f"{self.single_file.name}; this check needs a file named {name}.")
        where = self.label if self.single_file is None else str(self.single_file)
        path = self.folder / name
        try:
            info = path.lstat()
        except FileNotFoundError:
            return ("missing_file", f"There is no file {name} in {where}. Create it from the "
                    "starter file and keep its name exactly.")
        except OSError as exc:
            return ("missing_file", f"{name} cannot be read ({exc.strerror}).")
        if stat.S_ISLNK(info.st_mode):
            return ("symlink", f"{name} is a symbolic link. Submit the file itself, not a "
                    "link to it.")
        if not stat.S_ISREG(info.st_mode):
            return ("missing_file", f"{name} is not a regular file.")
        if info.st_size > limits.source_bytes:
            return ("too_large", f"{name} is {human_size(info.st_size)}; an exercise file must "
                    f"be under {human_size(limits.source_bytes)}. Remove the large data "
                    "from it.")
        return None

    def stage(self, limits: Limits) -> tuple[str, list[str]]:
        """Copy the usable files into a fresh folder; return it and notes on what was left out."""
        staging = tempfile.mkdtemp(prefix="sourcewise-sub-")
        os.chmod(staging, 0o755)
        notes: list[str] = []
        names = [self.single_file.name] if self.single_file else sorted(
            entry.name for entry in os.scandir(self.folder)
        )
        total = count = 0
        for name in names:
            if name.startswith("."):
                continue
            if count >= limits.submission_files:
                notes.append(f"only the first {limits.submission_files} files were used")
                break
            data = _read_regular(self.folder / name, limits.source_bytes)
            if data is None:
                if not _is_real_folder(self.folder / name):
                    notes.append(f"{name} was left out (a link, special or over "
                                 f"{human_size(limits.source_bytes)})")
                continue
            if total + len(data) > limits.submission_bytes:
                notes.append(f"{name} was left out (the files together are over "
                             f"{human_size(limits.submission_bytes)})")
                continue
            target = Path(staging, name)
            target.write_bytes(data)
            target.chmod(0o644)
            total += len(data)
            count += 1
        for helper in HELPER_MODULES:
            target = Path(staging, f"{helper}.py")
            if not target.exists():
                shutil.copyfile(PRISTINE_HELPERS / f"{helper}.py", target)
                target.chmod(0o644)
        return staging, notes


def _read_regular(path: Path, cap: int) -> bytes | None:
    """The bytes of ``path`` if it is a regular file (not a link) of at most ``cap`` bytes."""
    try:
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        fd = os.open(path, flags)
    except OSError:
        return None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_size > cap:
        os.close(fd)
        return None
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(cap + 1)
    return data if len(data) <= cap else None


def _is_real_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def remove_staging(folder: str | None) -> None:
    if folder:
        with contextlib.suppress(OSError):
            shutil.rmtree(folder)
