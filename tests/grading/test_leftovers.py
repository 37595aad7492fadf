"""Processes left by a grader that died while bwrap was starting a sandbox: the next
grading process ends them, and nothing that belongs to a live grader."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from sourcewise.grading.launch import SandboxProcess
from sourcewise.grading.leftovers import OWNER_VARIABLE, end_orphaned_sandboxes, owner_mark
from sourcewise.grading.plan import Limits
from sourcewise.grading.sandbox import plan_sandbox


def sleeper(owner: str | None) -> subprocess.Popen[bytes]:
    """A process standing in for a half-started bwrap, marked with ``owner`` (or not)."""
    env = {"PATH": "/usr/bin:/bin"}
    if owner is not None:
        env[OWNER_VARIABLE] = owner
    process = subprocess.Popen(["sleep", "300"], env=env)
    # Popen returns once exec has begun; the new environment reads empty until the kernel
    # has set it up, which under load takes well over 0.1 s: wait until it is there.
    expected = b"".join(f"{name}={value}\0".encode() for name, value in env.items())
    deadline = time.monotonic() + 60
    while Path(f"/proc/{process.pid}/environ").read_bytes() != expected:
        assert time.monotonic() < deadline, "the sleeper did not start"
        time.sleep(0.01)
    return process


def gone_owner() -> str:
    """The mark of a grader that has exited."""
    done = subprocess.run(["sh", "-c", 'cut -d" " -f1,22 /proc/$$/stat'], check=True,
                          capture_output=True, text=True)
    pid, started = done.stdout.split()
    return f"{pid}:{started}"


def test_only_sandboxes_whose_grader_is_gone_are_ended():
    """A marked process whose grader exited is killed; one whose grader lives (this
    process), and an unmarked one, are left alone."""
    orphan = sleeper(gone_owner())
    ours, unmarked = sleeper(owner_mark()), sleeper(None)
    try:
        ended = end_orphaned_sandboxes()
        assert orphan.pid in ended
        assert orphan.wait(timeout=10) == -signal.SIGKILL
        assert ours.pid not in ended
        assert unmarked.pid not in ended
        assert ours.poll() is None
        assert unmarked.poll() is None
    finally:
        for process in (orphan, ours, unmarked):
            process.kill()
            process.wait()


def test_a_reused_pid_is_not_taken_for_the_grader():
    """A grader's pid taken by a later process (another start time) counts as gone."""
    started = owner_mark().partition(":")[2]
    orphan = sleeper(f"{os.getpid()}:{int(started) + 1}")
    try:
        assert orphan.pid in end_orphaned_sandboxes()
        assert orphan.wait(timeout=10) == -signal.SIGKILL
    finally:
        orphan.kill()
        orphan.wait()


def test_the_sandboxes_a_grader_starts_carry_its_mark(tmp_path):
    """bwrap runs with this process's mark in its environment, and a live grader's
    sandbox is never taken for a leftover."""
    limits = Limits()
    # The submission folder is bound at /submission; the worker, as the sandbox uid, must
    # be able to enter it (pytest's tmp_path is 0700), or it exits and bwrap with it.
    tmp_path.chmod(0o755)
    plan = plan_sandbox("require", None, None, limits)
    process = SandboxProcess(plan, str(tmp_path), limits)
    try:
        # Popen returns once bwrap's exec has closed its pipe, which is before the kernel
        # has set up the new environment (it reads empty for a moment): wait for the
        # worker's hello, which comes only after bwrap has started the sandbox.
        hello = process.reader.read(time.monotonic() + 60)
        assert "error" not in hello
        assert plan.uid is None or hello["uid"] == plan.uid
        environment = Path(f"/proc/{process.popen.pid}/environ").read_bytes().split(b"\0")
        assert f"{OWNER_VARIABLE}={owner_mark()}".encode() in environment
        assert process.popen.pid not in end_orphaned_sandboxes()
        assert process.popen.poll() is None
    finally:
        process.close()
