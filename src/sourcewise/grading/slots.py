"""Uid slots: parallel grading processes never share the sandbox's uid.

When the grader is root, the worker runs as uid 60001 + slot. ``RLIMIT_NPROC`` counts the
processes of a uid, and the fallback's clean-up kills every process of the slot's uid, so
two grading processes must never use the same slot. Each takes one through a lock file
(``flock``) and keeps it until it exits.

The lock files live in a folder of the user's own (``lock_folder``), mode 0700: another
user can neither take a slot from them nor block one. Every root grader uses the same
folder, ``/run/sourcewise-slots`` (only root can write /run), so concurrent root graders
still never share a slot's uid; other users (who never drop to a slot uid, but may take
slots) each get ``sourcewise-slots-<uid>`` in the temp folder. A folder at that place that
is not private to the user is refused, never used.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from sourcewise.grading.plan import SandboxUnavailable

MAX_SLOTS = 64
ROOT_FOLDER = Path("/run/sourcewise-slots")
LEGACY_FOLDER = Path("/tmp/sourcewise-slots")  # versions before 0.1.1 (see _legacy_folder)

_slot_locks: dict[int, int] = {}
_legacy_locks: dict[int, int] = {}


def lock_folder(uid: int | None = None) -> Path:
    """Where this user's slot locks live (see the module docstring)."""
    uid = os.geteuid() if uid is None else uid
    if uid == 0:
        return ROOT_FOLDER if _only_root_writes(ROOT_FOLDER.parent) else \
            Path("/tmp") / "sourcewise-slots-0"
    return Path(tempfile.gettempdir()) / f"sourcewise-slots-{uid}"


def _only_root_writes(folder: Path) -> bool:
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == 0 and not info.st_mode & 0o022


def _lock_dir() -> Path:
    """The user's lock folder, made private (0700) if new; refused if it is not theirs."""
    uid = os.geteuid()
    folder = lock_folder(uid)
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        pass
    except OSError as error:
        raise SandboxUnavailable(f"cannot make the sandbox slot folder {folder}: "
                                 f"{error.strerror}") from None
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != uid or info.st_mode & 0o077:
        raise SandboxUnavailable(
            f"{folder} holds the sandbox slot locks but is not a private folder of this user "
            f"(owner uid {info.st_uid}, mode {stat.filemode(info.st_mode)}): someone else "
            "made it; remove it and grade again")
    return folder


def _lock(path: Path) -> int | None:
    """An exclusive lock on ``path`` (its fd), or None when another process holds it."""
    import fcntl

    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def _legacy_folder() -> Path | None:
    """Earlier versions' shared folder, when root made it: a root grader of such a version
    may be running now, so root takes its lock there too (never a folder someone else made)."""
    folder = LEGACY_FOLDER
    if os.geteuid() != 0:
        return None
    try:
        info = os.lstat(folder)
    except OSError:
        return None
    ours = stat.S_ISDIR(info.st_mode) and info.st_uid == 0 and not info.st_mode & 0o022
    return folder if ours else None


def acquire_slot(requested: int | None) -> int:
    """Take a uid slot for this process (kept until it exits); ``None`` takes a free one."""
    if requested is not None and requested in _slot_locks:
        return requested
    if requested is None and _slot_locks:
        return next(iter(_slot_locks))
    candidates = [requested] if requested is not None else range(MAX_SLOTS)
    folder, legacy = _lock_dir(), _legacy_folder()
    for slot in candidates:
        if not 0 <= slot < MAX_SLOTS:
            raise SandboxUnavailable(f"sandbox slot {slot} is out of range 0-{MAX_SLOTS - 1}")
        fd = _lock(folder / f"slot-{slot}.lock")
        if fd is None:
            continue
        if legacy is not None:
            held = _lock(legacy / f"slot-{slot}.lock")
            if held is None:
                os.close(fd)
                continue
            _legacy_locks[slot] = held
        _slot_locks[slot] = fd
        return slot
    if requested is not None:
        raise SandboxUnavailable(
            f"sandbox slot {requested} is in use by another grading process; "
            "give each parallel grader its own --sandbox-slot"
        )
    raise SandboxUnavailable(f"all {MAX_SLOTS} sandbox slots are in use")
