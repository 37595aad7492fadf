"""Read a student's folder: find the exercise files without following links or blocking.

Files are opened with ``O_NOFOLLOW | O_NONBLOCK`` and checked to be regular files after
opening, so a symlink to someone else's work, a named pipe that would block the batch or a
device cannot stand in for an exercise file.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from sourcewise.batch.contents import (
    EXERCISE_FILES,
    LITTER,
    Contents,
    Limits,
    Unusable,
    shown,
    size_text,
)


def read_folder(folder: Path, limits: Limits) -> Contents:
    """Return the exercise files under ``folder`` (searched at any depth) and notes."""
    contents = Contents()
    entries = 0
    walk_errors: list[OSError] = []
    for top, dirs, names in os.walk(folder, onerror=walk_errors.append, followlinks=False):
        depth = len(Path(top).relative_to(folder).parts)
        dirs[:] = sorted(d for d in dirs if not _skipped(d))
        entries += len(dirs) + len(names)
        if entries > limits.max_entries:
            raise Unusable("rejected", f"it holds more than {limits.max_entries} files and "
                                       "folders; submit only your exercise files")
        for name in sorted(names):
            if _skipped(name):
                continue
            relative = shown(str(Path(top, name).relative_to(folder)))
            exercise = EXERCISE_FILES.get(name)
            if exercise is None:
                contents.others.append(relative)
                continue
            data = _read_exercise_file(Path(top, name), relative, limits, contents.notes)
            if data is not None:
                contents.offer(exercise, relative, depth, data)
    for error in walk_errors:
        where = shown(str(Path(error.filename).relative_to(folder))) if error.filename else "?"
        if where == ".":
            raise Unusable("rejected", f"the folder cannot be read ({error.strerror}); "
                                       "fix its permissions and run again")
        contents.notes.append(f"could not open the folder {where} ({error.strerror})")
    return contents


def _skipped(name: str) -> bool:
    return name.startswith(".") or name in LITTER


def _read_exercise_file(path: Path, relative: str, limits: Limits,
                        notes: list[str]) -> bytes | None:
    """Read one exercise file with every check, or add a note saying why it was not used."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        if error.errno == errno.ELOOP:
            notes.append(f"{relative} is a symbolic link, not a file: it was not graded; "
                         "submit the file itself")
        else:
            notes.append(f"{relative} could not be read ({error.strerror}): it was not "
                         "graded; check the file's permissions and submit it again")
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            notes.append(f"{relative} is not a regular file: it was not graded")
            return None
        if info.st_size > limits.max_file_bytes:
            notes.append(f"{relative} is {size_text(info.st_size)}, more than the "
                         f"{size_text(limits.max_file_bytes)} allowed: it was not graded")
            return None
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read(limits.max_file_bytes + 1)
    except OSError as error:
        notes.append(f"{relative} could not be read ({error.strerror}): it was not graded")
        return None
    finally:
        os.close(fd)
    if len(data) > limits.max_file_bytes:
        notes.append(f"{relative} grew beyond {size_text(limits.max_file_bytes)} while it "
                     "was read: it was not graded")
        return None
    return data
