"""The worker where ``os.fork`` and the ``resource`` module are missing (Windows): spawned.

A student's own ``pytest`` must check their work on any computer. Where there is no fork,
no rlimits and no ``select`` on pipes, the worker is a plain spawned Python process: the
same ``worker.py`` on the same channel (the request pipe is its stdin, the answer pipe its
stdout), read by a thread (``ThreadedLineReader``) so every answer keeps its wall-clock
deadline. A call that runs too long is ended by killing the process; the next request
starts a fresh one, as with the other kinds. What it lacks is isolation: no rlimits, no
uid, no hidden files or network. That is why ``sourcewise grade`` never uses it (its
sandbox is required), and why it is only chosen where nothing better exists.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile

from sourcewise.grading.channel import ThreadedLineReader, write_frame, write_payload
from sourcewise.grading.launch import BOOTSTRAP, ENV, SandboxProcess, worker_code
from sourcewise.grading.plan import Limits, SandboxPlan
from sourcewise.grading.submission import SCRATCH_PREFIX

IS_WINDOWS = sys.platform == "win32"


def spawn_only() -> bool:
    """True where the worker cannot fork or limit itself (Windows, or a test pretending)."""
    if not hasattr(os, "fork") or IS_WINDOWS:
        return True
    try:
        import resource  # noqa: F401
    except ImportError:
        return True
    return False


def spawn_environment(private_tmp: str) -> dict[str, str]:
    """The worker's environment: the usual cleared one, a private temp folder, and on
    Windows the variables Python itself needs to start."""
    env = {**ENV, "HOME": private_tmp, "TMPDIR": private_tmp, "TEMP": private_tmp,
           "TMP": private_tmp}
    if IS_WINDOWS:
        for name in ("SYSTEMROOT", "SYSTEMDRIVE", "WINDIR"):
            if name in os.environ:
                env[name] = os.environ[name]
    return env


class SpawnedProcess(SandboxProcess):
    """One spawned worker; the same interface as SandboxProcess (no keeper, no reset)."""

    def __init__(self, plan: SandboxPlan, staging: str, limits: Limits) -> None:
        self.plan = plan
        self.limits = limits
        self.ns_init = self.pidfd = self.info_r = None
        self.control = None
        self.keeper = False
        self.capture_start = 0
        self.private_tmp = tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-")
        code = worker_code(plan.python)
        self.capture = tempfile.TemporaryFile(prefix="sourcewise-out-")  # noqa: SIM115
        req_r, self.req_w = os.pipe()
        self.resp_r, resp_w = os.pipe()
        options: dict[str, object] = {}
        if IS_WINDOWS:
            options["creationflags"] = (subprocess.CREATE_NEW_PROCESS_GROUP
                                        | getattr(subprocess, "CREATE_NO_WINDOW", 0))
        else:
            options["start_new_session"] = True
        try:
            self.popen = subprocess.Popen(
                [plan.python, "-I", "-S", "-B", "-c", BOOTSTRAP, "0", "1"],
                stdin=req_r, stdout=resp_w, stderr=self.capture,
                env=spawn_environment(self.private_tmp), cwd=staging, **options)
        finally:
            os.close(req_r)
            os.close(resp_w)
        self.reader = ThreadedLineReader(self.resp_r, limits.answer_bytes)
        with contextlib.suppress(BrokenPipeError, OSError):
            write_payload(self.req_w, code)
            write_frame(self.req_w, {
                "sub": staging, "uid": None, "gid": None, "harden": False,
                "limits": {}, "keeper": None, "control": None,
                "max_result_bytes": limits.result_bytes,
                "max_output_chars": limits.output_chars,
            })

    def wait_briefly(self, seconds: float = 0.5) -> None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.popen.wait(timeout=seconds)

    def kill(self) -> None:
        self._kill_group_and_wait()

    def _kill_group_and_wait(self) -> None:
        """Kill the worker (and, where process groups exist, what it started)."""
        if hasattr(os, "killpg"):
            with contextlib.suppress(OSError):
                os.killpg(self.popen.pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            self.popen.kill()
        try:
            self.popen.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.popen.wait()

    def release(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.req_w)
        self.req_w = -1
        self.reader.thread.join(timeout=2)  # the worker is dead: its pipe ends at once
        super().release()
