"""Read a student's zip in memory: nothing is unpacked to disk, so nothing can land outside.

Before any member is read, the archive as a whole is judged: too big, too many entries, a
path that climbs out of its folder (zip-slip), or a declared unpacked size or compression
ratio typical of a zip bomb each reject it. Only members named like an exercise file are
then read, each with a cap (``ZipExtFile`` never returns more than the declared size).
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from sourcewise.batch.contents import (
    LITTER,
    Contents,
    Limits,
    Unusable,
    is_helper_module,
    size_text,
)

_DRIVE = re.compile(r"^[A-Za-z]:")
_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
                OSError, ValueError)


def read_zip(path: Path, limits: Limits) -> Contents:
    """Return the exercise files inside the zip at ``path`` and notes on the rest."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        raise Unusable("rejected", f"the zip cannot be read ({error.strerror}); fix its "
                                   "permissions and run again") from None
    with os.fdopen(fd, "rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > limits.max_zip_bytes:
            raise Unusable("rejected", f"the zip is {size_text(size)}, more than the "
                                       f"{size_text(limits.max_zip_bytes)} allowed; zip "
                                       "only your exercise files")
        try:
            archive = zipfile.ZipFile(stream)
        except UnicodeDecodeError:
            raise Unusable("rejected", "the zip marks a file name as UTF-8 but it is not; "
                                       "zip the folder again with another tool") from None
        except _READ_ERRORS as error:
            raise Unusable("rejected", f"this is not a readable zip ({error}); zip the "
                                       "folder again and submit the new zip") from None
        with archive:
            members = archive.infolist()
            _judge_archive(members, size, limits)
            return _read_members(archive, members, limits)


def _judge_archive(members: list[zipfile.ZipInfo], size: int, limits: Limits) -> None:
    """Reject the whole zip before reading anything if it is unsafe or a bomb."""
    if len(members) > limits.max_entries:
        raise Unusable("rejected", f"the zip holds {len(members)} entries, more than the "
                                   f"{limits.max_entries} allowed; zip only your exercise files")
    escaping = [m.filename for m in members if _escapes(m.filename)]
    if escaping:
        raise Unusable("rejected", f"the zip holds a path that points outside its folder "
                                   f"({escaping[0]!r}); it was not unpacked. Zip the folder "
                                   "again with an ordinary zip tool")
    unpacked = sum(m.file_size for m in members)
    if unpacked > limits.max_unpacked_bytes:
        raise Unusable("rejected", f"the zip says it unpacks to {size_text(unpacked)}, more "
                                   f"than the {size_text(limits.max_unpacked_bytes)} allowed "
                                   "(a zip bomb?); it was not unpacked")
    if unpacked > limits.ratio_floor and unpacked > limits.max_ratio * max(size, 1):
        raise Unusable("rejected", f"the zip unpacks to {unpacked // max(size, 1)} times its "
                                   f"size (more than {limits.max_ratio}: a zip bomb?); it was "
                                   "not unpacked")


def _escapes(name: str) -> bool:
    """True for a member path that is absolute or climbs out with ``..`` (zip-slip)."""
    name = name.replace("\\", "/")
    return name.startswith("/") or bool(_DRIVE.match(name)) or ".." in name.split("/")


def _read_members(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo],
                  limits: Limits) -> Contents:
    contents = Contents()
    for member in members:
        parts = PurePosixPath(member.filename.replace("\\", "/")).parts
        if member.is_dir() or not parts or any(p.startswith(".") or p in LITTER for p in parts):
            continue
        where = "/".join(parts)
        exercise = limits.exercise_of(parts[-1])
        if exercise is None:
            contents.others.append(where)
            if is_helper_module(parts[-1], limits):
                contents.offer_helper(where, lambda m=member, w=where:
                                      _read_member(archive, m, w, limits, contents, None))
            continue
        data = _read_member(archive, member, where, limits, contents, exercise)
        if data is not None:
            contents.offer(exercise, where, len(parts) - 1, data)
    return contents.finish(limits)


def _read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, where: str,
                 limits: Limits, contents: Contents, exercise: str | None) -> bytes | None:
    """Read one exercise (or helper) file from the zip, or note why it was not used."""
    if stat.S_ISLNK(member.external_attr >> 16):
        contents.refuse(exercise, "symlink", f"{where} is a symbolic link, not a file: it "
                                             "was not graded; submit the file itself")
        return None
    if member.flag_bits & 0x1:
        contents.refuse(exercise, "missing_file", f"{where} is password-protected: it was "
                                                  "not graded; zip it without a password")
        return None
    if member.file_size > limits.max_file_bytes:
        contents.refuse(exercise, "too_large", f"{where} is {size_text(member.file_size)}, "
                        f"more than the {size_text(limits.max_file_bytes)} allowed: it was "
                        "not graded; remove the large data from it")
        return None
    try:
        with archive.open(member) as stream:
            return stream.read(limits.max_file_bytes)
    except _READ_ERRORS as error:
        contents.refuse(exercise, "missing_file", f"{where} could not be unpacked ({error}): "
                                                  "it was not graded; zip the folder again")
        return None
