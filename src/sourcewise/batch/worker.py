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
    pytest session grades them all. ``current`` is the record of the submission being
    graded (handed to the engine, no result yet); after an internal error a new session
    goes on with the rest of the chunk."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.lines = iter(lines)
        self.waiting: deque[tuple[Record, Path]] = deque()  # not yet handed to the engine
        self.current: Record | None = None
        self.stopped = False  # set to end the session after the submission being graded

    def next_task(self) -> tuple[Record, Path] | None:
        """The next task, read from the pool when none is waiting (None at the end)."""
        while not self.waiting:
            line = next(self.lines, None)
            if line is None:
                return None
            self.waiting.extend((Record.from_json(task["record"]), Path(task["staged"]))
                                for task in json.loads(line))
        return self.waiting.popleft()

    def __iter__(self) -> Iterator[Path]:
        while not self.stopped and (task := self.next_task()) is not None:
            self.current, staged = task
            yield staged

    def take_current(self) -> Record | None:
        record, self.current = self.current, None
        return record


def internal_error(error: BaseException, what: str) -> str:
    """The message of an internal error: its real cause (type, message, where it was
    raised), kept short and plain."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    text = " ".join(str(error).split())[:300]
    return (f"internal error while {what} ({type(error).__name__}: {text}{where}); this is "
            "not the student's fault: run again to retry, or report it")


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
    it is known. An internal error while grading a submission is recorded at once as that
    submission's error, with its real cause, and grading goes on with the next one in a
    new session. A result that cannot be saved is recorded as an error saying why.

    ``SandboxUnavailable`` is not caught: no submission can be graded, so the run stops.

    A process that has grown past ``recycle_bytes`` of resident memory stops after the
    submission it is grading (``stream.stopped``), so that the pool replaces it with a
    fresh one: one costly submission does not leave its memory to the students after it.
    """
    clock = time.perf_counter()

    def finish(record: Record) -> None:
        try:
            store.save(record)
        except Exception as error:
            traceback.print_exc()
            record = replace(record, status="error", result=None,
                             message=internal_error(error, "saving the result"))
            try:
                store.save(record)
            except Exception:
                traceback.print_exc()
        rss = resident_bytes()
        replies.send({"key": record.key, "status": record.status, "rss": rss,
                      "peak": peak_bytes()})
        if rss > recycle_bytes:
            stream.stopped = True

    def on_result(result: SubmissionResult) -> None:
        nonlocal clock
        now = time.perf_counter()
        record = stream.take_current()
        if record is None:
            raise RuntimeError("a result arrived for no submission")
        # A result the store cannot write becomes this student's error (see finish).
        finish(replace(record, status="graded", result=result, seconds=round(now - clock, 4)))
        clock = now

    while True:
        try:
            grader.grade(stream, on_result)
            return
        except SandboxUnavailable:
            raise
        except Exception as error:  # the engine failed, not the student: record it, go on
            traceback.print_exc()
            record = stream.take_current()
            if record is None:  # it failed before taking one: fail the next, go on
                task = stream.next_task()
                if task is None:
                    return
                record = task[0]
            finish(replace(record, status="error",
                           message=internal_error(error, "grading this submission")))
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
        replies.send({"status": RECYCLE, "returned": [r.key for r, _ in stream.waiting]})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
