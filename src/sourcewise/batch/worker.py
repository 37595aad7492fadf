"""A warm grading process of the pool (started by ``sourcewise.batch.pool``).

Usage: ``python -m sourcewise.batch.worker CONFIG_JSON REPLY_FD PARENT_PID``.
It loads the engine, says it is ready (or that the sandbox cannot start), then grades the
chunks of tasks it reads on stdin, all in one pytest session (the checks are collected
once), saves each record to the result store as soon as it is known and replies
``{"key": ..., "status": ...}`` on ``REPLY_FD``.
It exits at the end of stdin, at once if its parent dies, and after the submission it is
grading once its memory has grown past ``RECYCLE_BYTES`` (it then says ``recycle`` and
returns the rest of its chunk, and the pool starts a fresh process).
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import sys
import time
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from sourcewise.batch.grader import Grader, GradingSetup
from sourcewise.batch.store import Record, ResultStore
from sourcewise.grading.api import SandboxUnavailable
from sourcewise.grading.results import SubmissionResult

_PR_SET_PDEATHSIG = 1
# A grading process whose resident memory grew past this is replaced after the submission
# it is grading (about 100 MB is usual; see docs/instructors/grading.md).
RECYCLE_BYTES = 400 * 2**20
RECYCLE = "recycle"


def die_with_parent(parent_pid: int) -> None:
    """Ask the kernel to kill this process when its parent dies, and check it is alive."""
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:  # the parent died before the request took effect
        os._exit(1)


class Replies:
    """The answer channel to the pool: one JSON object per line."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def send(self, message: dict[str, Any]) -> None:
        self.stream.write(json.dumps(message) + "\n")
        self.stream.flush()


class TaskStream:
    """The submissions to grade, chunk after chunk as the pool sends them, so that one
    pytest session grades them all; keeps the records of the chunk being graded."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.lines = iter(lines)
        self.records: deque[Record] = deque()  # of the current chunk, not yet finished
        self.stopped = False  # set to end the session after the submission being graded

    def next_chunk(self) -> list[dict[str, Any]] | None:
        """Read the next chunk (None at the end of input); its records become current."""
        line = next(self.lines, None)
        if line is None:
            return None
        chunk = json.loads(line)
        self.records = deque(Record.from_json(task["record"]) for task in chunk)
        return chunk

    def __iter__(self) -> Iterator[Path]:
        while not self.stopped and (chunk := self.next_chunk()) is not None:
            for task in chunk:
                if self.stopped:
                    return
                yield Path(task["staged"])


def peak_bytes() -> int:
    """The most resident memory this process has had (Linux counts ru_maxrss in KB)."""
    try:
        import resource
    except ImportError:
        return 0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def resident_bytes() -> int:
    """This process's resident memory now (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm", "rb") as stream:
            return int(stream.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def grade_stream(grader: Grader, stream: TaskStream, store: ResultStore,
                 replies: Replies, recycle_bytes: int = RECYCLE_BYTES) -> None:
    """Grade every submission of the stream; each record is saved and answered the moment
    it is known. An internal error fails the rest of its chunk (or the next chunk, when
    none was being graded), whose records say so, and grading goes on with the following
    chunks in a new session.

    ``SandboxUnavailable`` is not caught: no submission can be graded, so the run stops.

    A process that has grown past ``recycle_bytes`` of resident memory stops after the
    submission it is grading (``stream.stopped``), so that the pool replaces it with a
    fresh one: one costly submission does not leave its memory to the students after it.
    """
    clock = time.perf_counter()

    def finish(record: Record) -> None:
        store.save(record)
        rss = resident_bytes()
        replies.send({"key": record.key, "status": record.status, "rss": rss,
                      "peak": peak_bytes()})
        if rss > recycle_bytes:
            stream.stopped = True

    def on_result(result: SubmissionResult) -> None:
        nonlocal clock
        now = time.perf_counter()
        finish(replace(stream.records.popleft(), status="graded", result=result,
                       seconds=round(now - clock, 4)))
        clock = now

    while True:
        try:
            grader.grade(stream, on_result)
            return
        except SandboxUnavailable:
            raise
        except Exception as error:  # the engine failed, not the student: record it, go on
            traceback.print_exc()
            message = (f"internal error while grading ({type(error).__name__}: "
                       f"{str(error)[:300]}); run again to retry, or report it")
            if not stream.records and stream.next_chunk() is None:
                return
            while stream.records:
                finish(replace(stream.records.popleft(), status="error", message=message))
            clock = time.perf_counter()


def main(argv: list[str]) -> int:
    config, reply_fd, parent_pid = json.loads(argv[0]), int(argv[1]), int(argv[2])
    die_with_parent(parent_pid)
    tasks = os.fdopen(os.dup(0), "r", encoding="utf-8")
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)  # pytest may capture or read fd 0; the tasks have their own copy
    os.close(null)
    replies = Replies(os.fdopen(reply_fd, "w", encoding="utf-8"))
    grader = Grader(GradingSetup.from_json(config["setup"]))
    store = ResultStore(Path(config["out"]))
    replies.send({"status": "ready"})
    stream = TaskStream(tasks)
    try:
        grade_stream(grader, stream, store, replies, int(config.get("recycle_bytes",
                                                                    RECYCLE_BYTES)))
    except SandboxUnavailable as error:
        replies.send({"status": "unavailable", "message": str(error)})
        return 1
    if stream.stopped:  # the rest of the chunk goes back to the pool's queue
        replies.send({"status": RECYCLE, "returned": [r.key for r in stream.records]})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
