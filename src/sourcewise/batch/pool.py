"""A pool of warm grading processes that hands out submissions in small chunks.

Each worker (``python -m sourcewise.batch.worker``) loads the grading engine once, then
grades chunk after chunk: it reads a chunk of tasks as one JSON line on stdin, grades them in
one pytest session (the checks are collected once per chunk), saves each record atomically
to the result store the moment it is known, and answers one JSON line per task on a private
pipe (stdout and stderr go to a log file: pytest may print there).

The parent never trusts a worker to finish: a worker that dies or stops answering for
``deadline_seconds`` is killed; the submission it was grading gets an "error" record (the
next run retries it), the rest of its chunk goes back to the queue, and a fresh worker
takes its place. Workers die with the parent (``PR_SET_PDEATHSIG``), so a ``kill -9`` of
``sourcewise grade`` leaves nothing running but, at worst, a sandbox bwrap was starting,
asleep until the next grading run ends it (``sourcewise.grading.leftovers``).
"""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import signal
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sourcewise.grading.launch import enable_subreaper
from sourcewise.grading.submission import remove_orphaned_staging

READY = "ready"
RECYCLE = "recycle"  # the worker grew past its memory limit and stops (batch.worker)
UNAVAILABLE = "unavailable"
CHUNK = 25  # most submissions per chunk; fewer near the end so the workers finish together


class PoolError(Exception):
    """The grading processes cannot work at all; the message says why."""


@dataclass
class Task:
    """One submission to grade: the record to complete, and its staged files."""

    key: str
    record: dict[str, Any]
    staged: str  # a folder holding the exercise files


@dataclass
class _Worker:
    index: int
    process: subprocess.Popen[bytes]
    replies: int  # the read end of the worker's reply pipe
    buffer: bytes = b""
    ready: bool = False
    chunk: deque[Task] = field(default_factory=deque)
    deadline: float = float("inf")


class WorkerPool:
    """Grade tasks on ``jobs`` workers, calling back as each task finishes."""

    def __init__(self, jobs: int, config: dict[str, Any], log_folder: Path, *,
                 deadline_seconds: float = 300.0) -> None:
        self.jobs = max(1, jobs)
        self.config = config
        self.log_folder = log_folder
        self.deadline_seconds = deadline_seconds
        self._selector = selectors.DefaultSelector()
        self._workers: dict[int, _Worker] = {}
        self._queue: deque[Task] = deque()
        self.recycled = 0  # workers replaced because their memory grew too much

    def run(self, tasks: Iterable[Task], on_reply: Callable[[Task, dict[str, Any]], None],
            on_death: Callable[[Task, str], None],
            on_idle: Callable[[], None] | None = None) -> None:
        """Grade every task: ``on_reply(task, reply)`` after each one is saved, or
        ``on_death(task, reason)`` when its worker died grading it; ``on_idle()`` at least
        twice a second while the workers grade."""
        self._queue = deque(tasks)
        self.log_folder.mkdir(parents=True, exist_ok=True)
        enable_subreaper()  # what a dead worker leaves behind becomes ours to clean up
        try:
            for index in range(min(self.jobs, len(self._queue))):
                self._start(index)
            while self._queue or any(w.chunk for w in self._workers.values()):
                for worker in list(self._workers.values()):
                    if worker.ready and not worker.chunk and self._queue:
                        self._send(worker)
                for key, _ in self._selector.select(timeout=0.5):
                    self._read(self._workers[key.data], on_reply, on_death)
                if on_idle is not None:
                    on_idle()
                now = time.monotonic()
                for worker in list(self._workers.values()):
                    if worker.chunk and now > worker.deadline:
                        self._replace(worker, on_death, "grading this submission took longer "
                                                        f"than {self.deadline_seconds:.0f} s")
        finally:
            self.close()

    def close(self) -> None:
        """Stop every worker: closing its stdin ends it; a stuck one is killed."""
        for worker in list(self._workers.values()):
            self._stop(worker)
        self._reap_orphans()
        remove_orphaned_staging()  # what a killed worker had staged

    def _reap_orphans(self, settle: float = 2.0) -> None:
        """Kill and reap the processes we adopted from dead workers (only workers are ours
        to keep), so nothing a killed worker started outlives it."""
        deadline = time.monotonic() + settle
        keep = {w.process.pid for w in self._workers.values()}
        while True:
            alive = []
            for pid in _children():
                if pid in keep:
                    continue
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
                with contextlib.suppress(ChildProcessError):
                    if os.waitpid(pid, os.WNOHANG)[0] != pid:
                        alive.append(pid)
            if not alive or time.monotonic() > deadline:
                return
            time.sleep(0.01)

    def _start(self, index: int) -> None:
        read_end, write_end = os.pipe()
        log = (self.log_folder / f"worker-{index}.log").open("ab")
        command = [sys.executable, "-m", "sourcewise.batch.worker",
                   json.dumps(self.config), str(write_end), str(os.getpid())]
        try:
            process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=log,
                                       stderr=subprocess.STDOUT, pass_fds=(write_end,))
        finally:
            os.close(write_end)
            log.close()
        os.set_blocking(read_end, False)
        self._workers[index] = _Worker(index, process, read_end)
        self._selector.register(read_end, selectors.EVENT_READ, index)

    def _send(self, worker: _Worker) -> None:
        size = max(1, min(CHUNK, len(self._queue) // (2 * self.jobs)))
        worker.chunk = deque(self._queue.popleft() for _ in range(min(size, len(self._queue))))
        worker.deadline = time.monotonic() + self.deadline_seconds
        line = json.dumps([{"key": t.key, "record": t.record, "staged": t.staged}
                           for t in worker.chunk])
        with contextlib.suppress(OSError):  # a worker that died is reported by _read
            worker.process.stdin.write(line.encode() + b"\n")
            worker.process.stdin.flush()

    def _read(self, worker: _Worker, on_reply: Callable[[Task, dict[str, Any]], None],
              on_death: Callable[[Task, str], None]) -> None:
        try:
            chunk = os.read(worker.replies, 65536)
        except BlockingIOError:
            return
        if not chunk:
            code = worker.process.wait()
            if not worker.ready:
                raise PoolError(f"a grading process failed to start (exit code {code}); "
                                f"its log:\n{self._log_tail(worker)}")
            self._replace(worker, on_death, f"the grading process died (exit code {code})")
            return
        worker.buffer += chunk
        while b"\n" in worker.buffer:
            line, worker.buffer = worker.buffer.split(b"\n", 1)
            message = json.loads(line)
            if message.get("status") == UNAVAILABLE:
                raise PoolError(message.get("message", "the sandbox cannot start"))
            if message.get("status") == READY:
                worker.ready = True
            elif message.get("status") == RECYCLE:  # grown too big: a fresh one takes over
                self._queue.extendleft(reversed(worker.chunk))
                worker.chunk.clear()
                self._stop(worker)
                self.recycled += 1
                if self._queue:
                    self._start(worker.index)
                return
            elif any(task.key == message.get("key") for task in worker.chunk):
                # Replies come in order; one for a later task means the worker skipped
                # the tasks before it: they are errors now, not a wait for the deadline.
                while worker.chunk[0].key != message.get("key"):
                    on_death(worker.chunk.popleft(), "the grading process gave no result "
                                                     "for this submission")
                task = worker.chunk.popleft()
                worker.deadline = time.monotonic() + self.deadline_seconds
                on_reply(task, message)

    def _replace(self, worker: _Worker, on_death: Callable[[Task, str], None],
                 reason: str) -> None:
        """Kill ``worker``; fail the task it held, queue the rest, start a new worker."""
        chunk = worker.chunk
        self._stop(worker, kill=True)
        self._reap_orphans()
        remove_orphaned_staging()  # its copies of the submissions are private, and go now
        if chunk:
            on_death(chunk.popleft(), reason)
            self._queue.extendleft(reversed(chunk))
        if self._queue:
            self._start(worker.index)

    def _stop(self, worker: _Worker, kill: bool = False) -> None:
        self._selector.unregister(worker.replies)
        os.close(worker.replies)
        del self._workers[worker.index]
        process = worker.process
        if kill:
            process.kill()
        elif process.stdin:
            with contextlib.suppress(OSError):
                process.stdin.close()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def _log_tail(self, worker: _Worker) -> str:
        log = self.log_folder / f"worker-{worker.index}.log"
        text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
        return "\n".join(text.splitlines()[-15:])


def _children() -> list[int]:
    """The pids of this process's children (Linux), zombies included."""
    pids: list[int] = []
    tasks = Path("/proc/self/task")
    for task in tasks.iterdir() if tasks.is_dir() else ():
        with contextlib.suppress(OSError):
            pids += [int(pid) for pid in (task / "children").read_text().split()]
    return pids
