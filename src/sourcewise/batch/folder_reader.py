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
    LITTER,
    Contents,
    Limits,
    Unusable,
    is_helper_module,
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
        for name in dirs:
            if os.path.islink(os.path.join(top, name)):
                relative = shown(str(Path(top, name).relative_to(folder)))
                contents.notes.append(f"{relative} was left out (a symbolic link to a "
                                      "folder); submit the folder itself")
        entries += len(dirs) + len(names)
        if entries > limits.max_entries:
            raise Unusable("rejected", f"it holds more than {limits.max_entries} files and "
                                       "folders; submit only your exercise files")
        for name in sorted(names):
            if _skipped(name):
                continue
            relative = shown(str(Path(top, name).relative_to(folder)))
            exercise = limits.exercise_of(name)
            if exercise is None:
                contents.others.append(relative)
                if is_helper_module(name, limits):
                    contents.offer_helper(relative, lambda p=Path(top, name), r=relative:
                                          _read_exercise_file(p, r, limits, contents, None))
                continue
            data = _read_exercise_file(Path(top, name), relative, limits, contents, exercise)
            if data is not None:
                contents.offer(exercise, relative, depth, data)
    for error in walk_errors:
        where = shown(str(Path(error.filename).relative_to(folder))) if error.filename else "?"
        if where == ".":
            raise Unusable("rejected", f"the folder cannot be read ({error.strerror}); "
                                       "fix its permissions and run again")
        contents.notes.append(f"could not open the folder {where} ({error.strerror})")
    return contents.finish(limits)


def read_single_file(path: Path, limits: Limits) -> Contents:
    """The one exercise file at ``path`` (named ``<exercise>.py``), as a submission."""
    contents = Contents()
    exercise = limits.exercise_of(path.name) or path.stem
    data = _read_exercise_file(path, shown(path.name), limits, contents, exercise)
    if data is not None:
        contents.offer(exercise, shown(path.name), 0, data)
    return contents.finish(limits)


def _skipped(name: str) -> bool:
    return name.startswith(".") or name in LITTER


def _read_exercise_file(path: Path, relative: str, limits: Limits, contents: Contents,
                        exercise: str | None) -> bytes | None:
    """Read one exercise (or helper) file with every check, or note why it was not used."""
    refuse = contents.refuse
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        if error.errno == errno.ELOOP:
            refuse(exercise, "symlink", f"{relative} is a symbolic link, not a file: it "
                                        "was not graded; submit the file itself")
        else:
            refuse(exercise, "missing_file", f"{relative} could not be read "
                   f"({error.strerror}): it was not graded; check the file's permissions "
                   "and submit it again")
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            refuse(exercise, "missing_file", f"{relative} is not a regular file: it was not "
                                             "graded")
            return None
        if info.st_size > limits.max_file_bytes:
            refuse(exercise, "too_large", f"{relative} is {size_text(info.st_size)}, more "
                   f"than the {size_text(limits.max_file_bytes)} allowed: it was not graded; "
                   "remove the large data from it")
            return None
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read(limits.max_file_bytes + 1)
    except OSError as error:
        refuse(exercise, "missing_file", f"{relative} could not be read ({error.strerror}): "
                                         "it was not graded")
        return None
    finally:
        os.close(fd)
    if len(data) > limits.max_file_bytes:
        refuse(exercise, "too_large", f"{relative} grew beyond "
               f"{size_text(limits.max_file_bytes)} while it was read: it was not graded")
        return None
    return data
