"""Uid slots: parallel grading processes never share the sandbox's uid.

When the grader is root, the worker runs as uid 60001 + slot. ``RLIMIT_NPROC`` counts the
processes of a uid, and the fallback's clean-up kills every process of the slot's uid, so
two grading processes must never use the same slot. Each takes one through a lock file
(``flock``) and keeps it until it exits.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from sourcewise.grading.plan import SandboxUnavailable

MAX_SLOTS = 64

_slot_locks: dict[int, int] = {}


def _lock_dir() -> Path:
    folder = Path(tempfile.gettempdir()) / "sourcewise-slots"
    folder.mkdir(mode=0o755, exist_ok=True)
    return folder


def acquire_slot(requested: int | None) -> int:
    """Take a uid slot for this process (kept until it exits); ``None`` takes a free one."""
    import fcntl

    if requested is not None and requested in _slot_locks:
        return requested
    if requested is None and _slot_locks:
        return next(iter(_slot_locks))
    candidates = [requested] if requested is not None else range(MAX_SLOTS)
    for slot in candidates:
        if not 0 <= slot < MAX_SLOTS:
            raise SandboxUnavailable(f"sandbox slot {slot} is out of range 0-{MAX_SLOTS - 1}")
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(_lock_dir() / f"slot-{slot}.lock", flags, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            continue
        _slot_locks[slot] = fd
        return slot
    if requested is not None:
        raise SandboxUnavailable(
            f"sandbox slot {requested} is in use by another grading process; "
            "give each parallel grader its own --sandbox-slot"
        )
    raise SandboxUnavailable(f"all {MAX_SLOTS} sandbox slots are in use")
