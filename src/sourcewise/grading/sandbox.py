"""Launching the worker: bubblewrap or a plain limited process, uid slots, killing, reaping.

Two kinds of sandbox (``SandboxPlan.kind``):

* ``"bubblewrap"``: ``bwrap`` with its own network, pid, ipc and uts namespaces, an empty
  root holding only ``/usr`` (read-only, with the ``/lib``-style symlinks), the Python
  installation if it lives elsewhere (read-only), the submission's staged copy at
  ``/submission`` (read-only), a small private tmpfs ``/tmp``, a cleared environment,
  ``--die-with-parent`` and ``--new-session``. When the grader is root, bwrap runs as root
  without a user namespace and the worker drops to the slot's uid (60001 + slot) before
  it reads student code; bwrap sets no-new-privileges, so no setuid program can undo it.
  When the grader is not root, bwrap uses an unprivileged user namespace.
* ``"process"``: the fallback without bubblewrap. Still a separate process in its own
  session with rlimits, a cleared environment, the slot's uid when root, no-new-privileges
  and a parent-death signal. It cannot hide readable files or the network.

The worker sets its own rlimits (CPU, address space, file size, open files, processes,
core) before loading student code. Which interpreter runs it is found once per process by
a probe (the interpreter running pytest first, then ``/usr/bin/python3``), so a broken
sandbox is reported as the grader's problem, never as the student's.

Uid slots: when root, each grading process takes a slot (a lock file), so parallel
graders never share a uid (``RLIMIT_NPROC`` counts per uid, and the fallback's clean-up
kills every process of the slot's uid).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sourcewise.grading.channel import (
    ChannelClosed,
    ChannelError,
    ChannelTimeout,
    LineReader,
    write_frame,
)

MODES = ("auto", "require", "process")
BASE_UID = 60001
MAX_SLOTS = 64
SANDBOX_SUB = "/submission"
WORKER_SOURCE = (Path(__file__).with_name("worker.py")).read_text(encoding="utf-8")
HELLO = "sourcewise-worker-1"
ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
IS_LINUX = sys.platform.startswith("linux")


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
    output_chars: int = 4000  # printed output kept per call
    source_bytes: int = 1024 * 1024  # one exercise file
    submission_bytes: int = 10 * 1024 * 1024  # all files staged for the worker
    submission_files: int = 200

    def rlimits(self) -> dict[str, int]:
        return {
            "cpu_seconds": self.cpu_seconds, "memory_bytes": self.memory_bytes,
            "file_bytes": self.file_bytes, "open_files": self.open_files,
            "processes": self.processes, "core_bytes": 0,
        }


@dataclass(frozen=True)
class SandboxPlan:
    """How workers are started in this process; found once by ``plan_sandbox``."""

    kind: str  # "bubblewrap" or "process"
    python: str
    python_version: str
    binds: tuple[str, ...]  # extra read-only paths (a Python installed outside /usr)
    uid: int | None  # the uid the worker drops to (only when the grader is root)
    slot: int | None
    warning: str | None  # set when the fallback runs without bubblewrap

    def describe(self) -> str:
        who = f"uid {self.uid}" if self.uid is not None else "your user"
        if self.kind == "bubblewrap":
            return (f"bubblewrap sandbox (no network, only Python and the submission "
                    f"visible, {who}), Python {self.python_version}")
        return f"separate limited process ({who}), Python {self.python_version}"

    def to_json(self) -> dict[str, object]:
        return dataclasses.asdict(self)


# ---------------------------------------------------------------- uid slots

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
        fd = os.open(_lock_dir() / f"slot-{slot}.lock", os.O_RDWR | os.O_CREAT, 0o600)
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


# ---------------------------------------------------------------- process hygiene

def enable_subreaper() -> None:
    """Linux: orphans of killed workers become our children, so we can reap them."""
    if not IS_LINUX:
        return
    import ctypes

    ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def processes_of_uid(uid: int) -> list[int]:
    """Linux: the pids of every process (zombies included) whose real uid is ``uid``."""
    pids = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            status = Path(entry.path, "status").read_text()
            real = int(status.split("\nUid:", 1)[1].split()[0])
            if real == uid:
                pids.append(int(entry.name))
    return pids


def kill_uid(uid: int, *, settle: float = 1.0) -> None:
    """Kill and reap every process of the slot's uid (root fallback: no pid namespace)."""
    deadline = time.monotonic() + settle
    while True:
        pids = processes_of_uid(uid)
        for pid in pids:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError, OSError):
                os.waitpid(pid, os.WNOHANG)
        if not pids or time.monotonic() > deadline:
            return
        time.sleep(0.005)


# ---------------------------------------------------------------- launching

def _root_layout() -> list[str]:
    """bwrap arguments for /usr and the merged-/usr symlinks (or real dirs) of this host."""
    args = ["--ro-bind", "/usr", "/usr"]
    for name in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.islink(name):
            args += ["--symlink", os.readlink(name), name]
        elif os.path.isdir(name):
            args += ["--ro-bind", name, name]
    return args


def bwrap_command(plan: SandboxPlan, staging: str, limits: Limits, info_fd: int) -> list[str]:
    args = ["bwrap", "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
            "--unshare-cgroup-try", "--as-pid-1", "--die-with-parent", "--new-session",
            "--clearenv"]
    if os.geteuid() == 0:
        # No user namespace: the worker itself drops to the slot uid, keeping only these.
        args += ["--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
    else:
        args += ["--unshare-user"]
    for key, value in {**ENV, "HOME": "/tmp", "TMPDIR": "/tmp"}.items():
        args += ["--setenv", key, value]
    args += _root_layout()
    made: set[str] = set()
    for path in plan.binds:
        # bwrap would create the missing parents with their host modes (say /root 0700),
        # which the sandbox uid could not traverse.
        for parent in reversed(Path(path).parents[:-1]):
            if str(parent) not in made:
                made.add(str(parent))
                args += ["--perms", "0755", "--dir", str(parent)]
        args += ["--ro-bind", path, path]
    args += ["--proc", "/proc", "--dev", "/dev", "--size", str(limits.tmp_bytes),
             "--tmpfs", "/tmp", "--ro-bind", staging, SANDBOX_SUB, "--chdir", SANDBOX_SUB,
             "--info-fd", str(info_fd), "--"]
    return args


class SandboxProcess:
    """One running worker: its process, its two pipe ends and its captured output."""

    def __init__(self, plan: SandboxPlan, staging: str, limits: Limits) -> None:
        self.plan = plan
        self.limits = limits
        self.private_tmp: str | None = None
        self.ns_init: int | None = None  # bwrap's pid-1 process, found on first kill
        self.pidfd: int | None = None
        req_r, self.req_w = os.pipe()
        self.resp_r, resp_w = os.pipe()
        child_fds = [req_r, resp_w]
        self.info_r = None
        env = dict(ENV)
        if plan.kind == "bubblewrap":
            self.info_r, info_w = os.pipe()
            child_fds.append(info_w)
            prefix = bwrap_command(plan, staging, limits, info_w)
            sub = SANDBOX_SUB
        else:
            prefix, sub = [], staging
            self.private_tmp = tempfile.mkdtemp(prefix="sourcewise-tmp-")
            if plan.uid is not None:
                os.chown(self.private_tmp, plan.uid, plan.uid)
            env.update(HOME=self.private_tmp, TMPDIR=self.private_tmp)
        self.capture = tempfile.TemporaryFile(prefix="sourcewise-out-")  # noqa: SIM115
        command = [*prefix, plan.python, "-I", "-S", "-B", "-c", WORKER_SOURCE,
                   str(req_r), str(resp_w)]
        try:
            self.popen = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=self.capture, stderr=self.capture,
                pass_fds=child_fds, close_fds=True, start_new_session=True, env=env,
                cwd=staging,
            )
        finally:
            for fd in child_fds:
                os.close(fd)
        self.reader = LineReader(self.resp_r, limits.result_bytes + 64 * 1024)
        write_frame(self.req_w, {
            "sub": sub, "uid": plan.uid, "gid": plan.uid, "harden": plan.kind == "process",
            "limits": limits.rlimits(), "max_result_bytes": limits.result_bytes,
            "max_output_chars": limits.output_chars,
        })

    def _find_ns_init(self) -> None:
        """Read bwrap's --info-fd JSON (it names bwrap's pid-1 process in our pid space)."""
        if self.info_r is None or self.ns_init is not None:
            return
        data = b""
        deadline = time.monotonic() + 0.5
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.info_r], [], [], deadline - time.monotonic())
            chunk = os.read(self.info_r, 4096) if ready else b""
            if not chunk:
                return
            data += chunk
            with contextlib.suppress(ValueError, KeyError, TypeError):
                self.ns_init = int(json.loads(data)["child-pid"])
                return

    def note_started(self) -> None:
        """After the hello: pin bwrap's pid-1 process with a pidfd (no pid-reuse race)."""
        if self.info_r is None:
            return
        self._find_ns_init()
        if self.ns_init is not None and hasattr(os, "pidfd_open"):
            with contextlib.suppress(OSError):
                self.pidfd = os.pidfd_open(self.ns_init)

    def wait_briefly(self, seconds: float = 0.5) -> None:
        """After the worker closed its channel: give it a moment to exit by itself.

        Popen.wait(timeout) polls with sleeps (milliseconds per worker); a pidfd wakes
        up exactly when the process exits.
        """
        if self.popen.returncode is not None:
            return
        if hasattr(os, "pidfd_open"):
            try:
                pidfd = os.pidfd_open(self.popen.pid)
            except OSError:
                pass
            else:
                try:
                    ready, _, _ = select.select([pidfd], [], [], seconds)
                finally:
                    os.close(pidfd)
                if ready:
                    self.popen.wait()
                return
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.popen.wait(timeout=seconds)

    def kill(self) -> None:
        """Kill the worker and everything it started, then reap it."""
        if self.plan.kind == "bubblewrap":
            # Killing bwrap's pid 1 tears down the whole pid namespace; bwrap then exits.
            self._find_ns_init()
            if self.pidfd is not None:
                with contextlib.suppress(OSError):
                    signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
            elif self.ns_init is not None and self.popen.returncode is None:
                with contextlib.suppress(OSError):
                    os.kill(self.ns_init, signal.SIGKILL)
            # bwrap reaps its pid 1 and exits; killing bwrap first would orphan that pid 1.
            self.wait_briefly(2)
        self._kill_group_and_wait()

    def _kill_group_and_wait(self) -> None:
        # Leftovers of the worker's process group die too. Linux does not hand out a pid
        # while it still names a live process group, so this cannot hit a stranger's group.
        if self.popen.returncode is None or self.plan.kind == "process":
            with contextlib.suppress(OSError):
                os.killpg(self.popen.pid, signal.SIGKILL)
        try:
            self.popen.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.popen.kill()
            self.popen.wait()
        if self.plan.kind == "process" and self.plan.uid is not None and IS_LINUX:
            kill_uid(self.plan.uid)

    def close(self, grace: float = 1.0) -> None:
        """End the worker: close its input, let it exit, then kill whatever it left behind."""
        with contextlib.suppress(OSError):
            os.close(self.req_w)
        self.req_w = -1
        deadline = time.monotonic() + grace
        exited = False
        with contextlib.suppress(ChannelError, ChannelTimeout):
            while True:
                try:
                    self.reader.read(deadline)
                except ChannelClosed:
                    exited = True
                    break
        if exited:
            self.wait_briefly(grace)  # bwrap must reap its pid 1 before anything is killed
            self._kill_group_and_wait()
        else:
            self.kill()
        self.release()

    def release(self) -> None:
        for fd in (self.req_w, self.resp_r, self.info_r, self.pidfd):
            if fd is not None and fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self.req_w = self.resp_r = -1
        self.info_r = self.pidfd = None
        self.capture.close()
        if self.private_tmp:
            shutil.rmtree(self.private_tmp, ignore_errors=True)
            self.private_tmp = None

    def output_tail(self, size: int = 2000) -> str:
        """The end of what the worker wrote to its stdout and stderr (diagnostics only)."""
        with contextlib.suppress(OSError, ValueError):
            end = self.capture.seek(0, os.SEEK_END)
            self.capture.seek(max(0, end - size))
            return self.capture.read(size).decode("utf-8", "replace")
        return ""


# ---------------------------------------------------------------- choosing a plan

def _candidates(python: str | None) -> list[tuple[str, bool]]:
    """Interpreters to try, each with "only if it is the running Python's version".

    The system Python comes first when it has the same major.minor version as the one
    running pytest (so students' code meets the same language): it needs no extra bind
    and, built with PGO, it starts faster than most self-built ones. Then the running
    Python itself, then the system one whatever its version.
    """
    if python:
        return [(python, False)]
    base = os.path.realpath(getattr(sys, "_base_executable", None) or sys.executable)
    system = os.path.realpath("/usr/bin/python3")
    found: list[tuple[str, bool]] = []
    for path, same_version in ((system, True), (base, False), (system, False)):
        if os.path.isfile(path) and path not in [known for known, _ in found]:
            found.append((path, same_version))
    return found


def _binds_for(python: str) -> tuple[str, ...]:
    """Read-only paths bwrap must add for ``python`` to run (none when it lives in /usr)."""
    if python.startswith("/usr/"):
        return ()
    prefix = os.path.realpath(sys.base_prefix)
    if python.startswith(prefix + os.sep) and prefix != "/":
        return (prefix,)
    return (os.path.dirname(os.path.dirname(python)),)


def probe(plan: SandboxPlan, limits: Limits, timeout: float = 10.0) -> str:
    """Start a worker on an empty submission; return its Python version or raise why not."""
    staging = tempfile.mkdtemp(prefix="sourcewise-probe-")
    os.chmod(staging, 0o755)
    process = None
    try:
        process = SandboxProcess(plan, staging, limits)
        try:
            hello = process.reader.read(time.monotonic() + timeout)
        except (ChannelClosed, ChannelError, ChannelTimeout) as exc:
            process.kill()
            tail = process.output_tail().strip().splitlines()
            raise SandboxUnavailable(
                tail[-1] if tail else f"the worker did not start ({type(exc).__name__})"
            ) from None
        if hello.get("hello") != HELLO or "error" in hello:
            raise SandboxUnavailable(str(hello.get("error", "the worker did not say hello")))
        if plan.uid is not None and hello.get("uid") != plan.uid:
            raise SandboxUnavailable("the worker did not switch to the sandbox uid")
        return str(hello.get("python", "?"))
    except OSError as exc:
        raise SandboxUnavailable(f"{type(exc).__name__}: {exc}") from None
    finally:
        if process is not None:
            process.close()
        shutil.rmtree(staging, ignore_errors=True)


_plans: dict[tuple[object, ...], SandboxPlan] = {}


def plan_sandbox(mode: str, slot: int | None, python: str | None, limits: Limits) -> SandboxPlan:
    """Choose and test how to start workers; cached for the life of the process."""
    if mode not in MODES:
        raise SandboxUnavailable(f"--sandbox must be one of {', '.join(MODES)}, not {mode!r}")
    if not hasattr(os, "fork") or sys.platform == "win32":
        raise SandboxUnavailable(
            "grading needs Linux or macOS (on Windows, use WSL): the sandbox relies on "
            "POSIX processes and pipes"
        )
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    if root:
        slot = acquire_slot(slot)
    uid = BASE_UID + slot if root and slot is not None else None
    key = (mode, slot, python, limits)
    if key in _plans:
        return _plans[key]
    reasons: list[str] = []
    kinds = ["process"] if mode == "process" else ["bubblewrap", "process"]
    if mode == "require":
        kinds = ["bubblewrap"]
    plan = None
    for kind in kinds:
        if kind == "bubblewrap" and shutil.which("bwrap") is None:
            reasons.append("bubblewrap (bwrap) is not installed")
            continue
        running = ".".join(map(str, sys.version_info[:2]))
        for candidate, same_version in _candidates(python):
            trial = SandboxPlan(kind, candidate, "", _binds_for(candidate) if
                                kind == "bubblewrap" else (), uid, slot, None)
            try:
                version = probe(trial, limits)
            except SandboxUnavailable as exc:
                reasons.append(f"{kind} with {candidate}: {exc}")
                continue
            if same_version and not (version + ".").startswith(running + "."):
                continue
            plan = dataclasses.replace(trial, python_version=version)
            break
        if plan is not None:
            break
        if mode == "require":
            break
    if plan is None or (mode == "require" and plan.kind != "bubblewrap"):
        raise SandboxUnavailable("no sandbox could start: " + "; ".join(reasons))
    if plan.kind == "process":
        enable_subreaper()
        why = reasons[0] if reasons else "--sandbox=process was chosen"
        plan = dataclasses.replace(plan, warning=(
            f"WARNING: {why}, so student code runs in a separate limited process "
            "WITHOUT file-system or network isolation (install bubblewrap; use "
            "--sandbox=require when grading)."
        ))
    _plans[key] = plan
    return plan
