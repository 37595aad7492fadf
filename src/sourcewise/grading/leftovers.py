"""Sandboxes whose grader died: found by a mark in their environment, and ended.

A grader killed with ``kill -9`` while bubblewrap is starting a sandbox can leave bwrap's
child behind: in bubblewrap 0.8 the child waits for its parent's go-ahead before it asks
for a parent-death signal, so when the parent dies in between it waits forever, asleep
(it never reaches the student's code). Every ``bwrap`` a grader starts carries
``SOURCEWISE_SANDBOX_OWNER=<pid>:<start time>`` of that grader in its environment (bwrap
clears it for the sandboxed program), so the next grading process on the machine can tell
such a process from a live grader's sandbox and end it.
"""

from __future__ import annotations

import contextlib
import os
import signal
from pathlib import Path

OWNER_VARIABLE = "SOURCEWISE_SANDBOX_OWNER"
_MARK = OWNER_VARIABLE.encode() + b"="
_swept = False


def _start_time(pid: int) -> str | None:
    """When ``pid`` started (clock ticks since boot), or None if there is no such process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    return stat.rpartition(")")[2].split()[19]  # field 22, counted after the name


def owner_mark() -> str:
    """This process, as the sandboxes it starts carry it."""
    return f"{os.getpid()}:{_start_time(os.getpid())}"


def _owner_of(pid: int) -> str | None:
    """The owner mark in ``pid``'s environment, if it can be read and has one."""
    try:
        environment = Path(f"/proc/{pid}/environ").read_bytes()
    except OSError:
        return None
    for entry in environment.split(b"\0"):
        if entry.startswith(_MARK):
            return entry[len(_MARK):].decode("ascii", errors="replace")
    return None


def _alive(mark: str) -> bool:
    pid, _, started = mark.partition(":")
    return pid.isdigit() and _start_time(int(pid)) == started


def end_orphaned_sandboxes() -> list[int]:
    """Kill every process that carries an owner mark whose grader is gone; return their
    pids. Processes this user may not inspect are left alone."""
    ended: list[int] = []
    if not hasattr(os, "pidfd_open") or not Path("/proc").is_dir():  # not Linux 5.3+
        return ended
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        pid = int(entry.name)
        with contextlib.suppress(OSError):
            handle = os.pidfd_open(pid)  # the same process from the check to the kill
            try:
                mark = _owner_of(pid)
                if mark is not None and not _alive(mark):
                    signal.pidfd_send_signal(handle, signal.SIGKILL)
                    ended.append(pid)
            finally:
                os.close(handle)
    return ended


def end_orphaned_sandboxes_once() -> None:
    """``end_orphaned_sandboxes`` the first time a process is about to start sandboxes."""
    global _swept
    if not _swept:
        _swept = True
        end_orphaned_sandboxes()
