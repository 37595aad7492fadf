"""What a sandbox is: its kind, its resource limits, and who runs it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

MODES = ("auto", "require", "process")
BASE_UID = 60001  # the worker's uid is BASE_UID + slot when the grader is root


# What a student checking their own work sees instead of the grader's warning about the
# fallback: one line, nothing to install, nothing to do.
STUDENT_NOTE = ("this computer has no sandbox, so your code runs in a plain separate "
                "process; that is fine for checking your own work.")


class SandboxUnavailable(Exception):
    """The sandbox asked for cannot run on this machine; the message says why and what to do."""


@dataclass(frozen=True)
class Limits:
    """Resource limits for the worker (rlimits) and caps on what crosses to the grader."""

    cpu_seconds: int = 30  # per worker process: its calls together
    memory_bytes: int = 512 * 1024 * 1024
    file_bytes: int = 1024 * 1024  # largest file the worker may write (stdout included)
    open_files: int = 64
    processes: int = 16  # per uid; binds only when not root (hence the uid slots)
    tmp_bytes: int = 16 * 1024 * 1024  # the private /tmp under bubblewrap
    result_bytes: int = 1024 * 1024  # one answer on the channel
    batch_bytes: int = 4 * 1024 * 1024  # the answers to a batch of calls; over it: one by one
    output_chars: int = 4000  # printed output kept per call
    source_bytes: int = 1024 * 1024  # one exercise file
    submission_bytes: int = 10 * 1024 * 1024  # all files staged for the worker
    submission_files: int = 200

    @property
    def answer_bytes(self) -> int:
        """The cap on one call's answer: its value, plus room for its output and traceback."""
        return self.result_bytes + 64 * 1024

    def rlimits(self) -> dict[str, int]:
        return {
            "cpu_seconds": self.cpu_seconds, "memory_bytes": self.memory_bytes,
            "file_bytes": self.file_bytes, "open_files": self.open_files,
            "processes": self.processes, "core_bytes": 0,
        }


@dataclass(frozen=True)
class SandboxPlan:
    """How workers are started in this process; found once by ``plan_sandbox``."""

    # "bubblewrap", "process", "spawn" (no fork or rlimits: see spawned.py) or "browser"
    # (in-process, in Pyodide: see inprocess.py)
    kind: str
    python: str
    python_version: str
    binds: tuple[str, ...]  # extra read-only paths (a Python installed outside /usr)
    uid: int | None  # the uid the worker drops to (only when the grader is root)
    slot: int | None
    warning: str | None  # set when the fallback runs without bubblewrap

    def describe(self) -> str:
        if self.kind == "browser":
            return (f"your browser (Pyodide, Python {self.python_version}; no sandbox, "
                    "for learning: the grader's run decides the grade)")
        who = f"uid {self.uid}" if self.uid is not None else "your user"
        if self.kind == "bubblewrap":
            return (f"bubblewrap sandbox (no network, only Python and the submission "
                    f"visible, {who}), Python {self.python_version}")
        if self.kind == "spawn":
            return f"separate process with time limits ({who}), Python {self.python_version}"
        return f"separate limited process ({who}), Python {self.python_version}"

    def to_json(self) -> dict[str, object]:
        return dataclasses.asdict(self)
