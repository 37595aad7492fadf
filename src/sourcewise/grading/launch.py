"""Starting, killing and reaping one worker process (bubblewrap or a plain limited process).

* ``"bubblewrap"``: ``bwrap`` with its own network, pid, ipc and uts namespaces, an empty
  root holding only ``/usr`` (read-only, with the ``/lib``-style symlinks), the Python
  installation if it lives elsewhere (read-only), the submission's staged copy at
  ``/submission`` (read-only), a small private tmpfs ``/tmp``, a cleared environment,
  ``--die-with-parent``, ``--new-session`` and ``--as-pid-1`` (the worker is the pid
  namespace's init: when it dies, everything it started dies, and bwrap itself reaps it).
  When the grader is root, bwrap runs as root without a user namespace and the worker
  drops to the slot's uid before it reads student code: that uid is what makes
  ``RLIMIT_NPROC`` bind (bwrap's ``--uid`` would map to root outside the namespace), and
  the drop costs no extra exec (``setpriv`` or ``Popen(user=...)`` would). bwrap sets
  no-new-privileges, so no setuid program can undo it. When the grader is not root, bwrap
  uses an unprivileged user namespace. bwrap also loads a seccomp filter (``seccomp``)
  that shuts the one store of per-uid kernel state the namespaces leave shared: keyrings.
* ``"process"``: the fallback without bubblewrap. Still a separate process in its own
  session, with rlimits, a cleared environment, the slot's uid when root,
  no-new-privileges, the same seccomp filter and a parent-death signal. It cannot hide
  readable files or the network, nor System V IPC, /dev/shm or abstract sockets. When root, closing it kills every process of the slot's uid.

The worker sets its own rlimits (CPU, address space, file size, open files, processes,
core) before it loads student code; its stdout and stderr go to a size-capped file.
Under bubblewrap the worker's init keeps a fresh copy of itself (``worker.keep``): the
process limit is one higher for it, so the student's code may start as many processes as
without it (one fewer once a crash has made a template), and a socket to it, held by no
other process of the sandbox, asks it to reset the sandbox (``SandboxProcess.reset``).
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sourcewise.grading import seccomp
from sourcewise.grading.channel import (
    ChannelClosed,
    ChannelError,
    ChannelTimeout,
    LineReader,
    write_frame,
    write_payload,
)
from sourcewise.grading.leftovers import OWNER_VARIABLE, owner_mark
from sourcewise.grading.plan import Limits, SandboxPlan
from sourcewise.grading.submission import SCRATCH_PREFIX

SANDBOX_SUB = "/submission"
WORKER_SOURCE = (Path(__file__).with_name("worker.py")).read_text(encoding="utf-8")
HELLO = "sourcewise-worker-1"  # the worker's first answer (see worker.py)
# ``python -c BOOTSTRAP``: read worker.py, compiled, as the first frame on the request pipe
# and run it (keeps the command line short; the worker then reads its config frame).
BOOTSTRAP = (
    "import marshal, os, sys\n"
    "fd = int(sys.argv[1])\n"
    "def read(size):\n"
    "    data = b''\n"
    "    while len(data) < size:\n"
    "        chunk = os.read(fd, size - len(data))\n"
    "        if not chunk:\n"
    "            raise SystemExit(3)\n"
    "        data += chunk\n"
    "    return data\n"
    "exec(marshal.loads(read(int.from_bytes(read(4), 'big'))))\n"
)
# Run by the grader (never in the sandbox): compiles worker.py for one interpreter.
COMPILE = ("import marshal, sys; sys.stdout.buffer.write(marshal.dumps(compile("
           "sys.stdin.buffer.read(), 'sourcewise-worker', 'exec')))")
_compiled: dict[str, bytes] = {}


def worker_code(python: str) -> bytes:
    """worker.py compiled by ``python`` itself (a code object, marshalled), once per process.

    Each worker then starts without compiling its own source (about 2 ms each).
    """
    if python not in _compiled:
        done = subprocess.run([python, "-I", "-S", "-B", "-c", COMPILE],
                              input=WORKER_SOURCE.encode("utf-8"), capture_output=True,
                              timeout=60, check=False, env=ENV)
        if done.returncode != 0 or not done.stdout:
            raise OSError(f"{python} could not compile the worker: "
                          f"{done.stderr.decode('utf-8', 'replace')[-300:]}")
        _compiled[python] = done.stdout
    return _compiled[python]


KEEPER = True  # tests turn it off to compare with plain restarts
KEEPER_SCRATCH = ("/tmp", "/dev/shm")  # the sandbox's writable folders, emptied after a crash
ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
IS_LINUX = sys.platform.startswith("linux")


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


def reap_group(pgid: int, *, settle: float = 0.5) -> None:
    """Linux: reap the zombies of the worker's process group that became our children
    (the subreaper adopts orphans), so they do not pile up in a long grading process."""
    deadline = time.monotonic() + settle
    while True:
        waiting = False
        for task in Path("/proc/self/task").iterdir():
            children = []
            with contextlib.suppress(OSError):
                children = (task / "children").read_text().split()
            for pid in map(int, children):
                with contextlib.suppress(OSError, ValueError, IndexError):
                    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                    if int(fields[2]) == pgid and os.waitpid(pid, os.WNOHANG)[0] == 0:
                        waiting = True  # killed but not dead yet
        if not waiting or time.monotonic() > deadline:
            return
        time.sleep(0.002)


def _root_layout() -> list[str]:
    """bwrap arguments for /usr and the merged-/usr symlinks (or real dirs) of this host."""
    args = ["--ro-bind", "/usr", "/usr"]
    for name in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.islink(name):
            args += ["--symlink", os.readlink(name), name]
        elif os.path.isdir(name):
            args += ["--ro-bind", name, name]
    return args


def bwrap_command(plan: SandboxPlan, staging: str, limits: Limits, info_fd: int,
                  seccomp_fd: int | None = None) -> list[str]:
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
    # /tmp like a real one (sticky, writable by all): the worker may have dropped to a uid
    # that could not write a tmpfs owned by root.
    args += ["--proc", "/proc", "--dev", "/dev",
             "--size", str(limits.tmp_bytes), "--perms", "1777", "--tmpfs", "/tmp",
             "--ro-bind", staging, SANDBOX_SUB, "--chdir", SANDBOX_SUB,
             "--info-fd", str(info_fd)]
    if seccomp_fd is not None:  # no key store shared between sandboxes (see seccomp.py)
        args += ["--seccomp", str(seccomp_fd)]
    return [*args, "--"]


def start_worker(plan: SandboxPlan, staging: str, limits: Limits) -> SandboxProcess:
    """Start the worker the plan asks for (``"spawn"``: see ``spawned``)."""
    if plan.kind == "spawn":
        from sourcewise.grading.spawned import SpawnedProcess

        return SpawnedProcess(plan, staging, limits)
    return SandboxProcess(plan, staging, limits)


class SandboxProcess:
    """One running worker: its process, its two pipe ends and its captured output."""

    def __init__(self, plan: SandboxPlan, staging: str, limits: Limits) -> None:
        self.plan = plan
        self.limits = limits
        self.private_tmp: str | None = None
        self.ns_init: int | None = None  # bwrap's pid-1 process, found on first kill
        self.pidfd: int | None = None
        # Under bubblewrap the worker's init keeps a fresh copy of itself: a crash then
        # costs a fork, not a new sandbox (see worker.keep).
        self.keeper = KEEPER and plan.kind == "bubblewrap"
        self.capture_start = 0  # where the current worker's output starts in capture
        req_r, self.req_w = os.pipe()
        self.resp_r, resp_w = os.pipe()
        child_fds = [req_r, resp_w]
        self.control: socket.socket | None = None  # to the keeper: resets (worker.keep)
        control_fd = None
        if self.keeper:
            self.control, control = socket.socketpair()
            control_fd = control.detach()
            child_fds.append(control_fd)
        self.info_r = None
        env = dict(ENV)
        if plan.kind == "bubblewrap":
            self.info_r, info_w = os.pipe()
            child_fds.append(info_w)
            seccomp_fd = seccomp.program_fd()
            if seccomp_fd is not None:
                child_fds.append(seccomp_fd)
            prefix = bwrap_command(plan, staging, limits, info_w, seccomp_fd)
            sub = SANDBOX_SUB
            env[OWNER_VARIABLE] = owner_mark()  # bwrap's own; the sandbox never sees it
        else:
            prefix, sub = [], staging
            self.private_tmp = tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-")
            if plan.uid is not None:
                os.chown(self.private_tmp, plan.uid, plan.uid)
            env.update(HOME=self.private_tmp, TMPDIR=self.private_tmp)
        code = worker_code(plan.python)
        self.capture = tempfile.TemporaryFile(prefix="sourcewise-out-")  # noqa: SIM115
        command = [*prefix, plan.python, "-I", "-S", "-B", "-c", BOOTSTRAP,
                   str(req_r), str(resp_w)]
        try:
            self.popen = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=self.capture, stderr=self.capture,
                pass_fds=child_fds, close_fds=True, start_new_session=True, env=env,
                cwd=staging,
            )
        finally:
            for fd in child_fds:
                os.close(fd)  # the numbers stay valid in the worker (pass_fds keeps them)
        self.reader = LineReader(self.resp_r, limits.answer_bytes)
        with contextlib.suppress(BrokenPipeError):  # a worker that died says so on read
            write_payload(self.req_w, code)
            rlimits = limits.rlimits()
            if self.keeper:
                rlimits["processes"] += 1  # the keeper is one of the uid's processes
            write_frame(self.req_w, {
                "sub": sub, "uid": plan.uid, "gid": plan.uid,
                "harden": plan.kind == "process", "limits": rlimits,
                "seccomp": (seccomp.program() or b"").hex() if plan.kind == "process"
                else None,
                "keeper": list(KEEPER_SCRATCH) if self.keeper else None,
                "control": control_fd,
                "max_result_bytes": limits.result_bytes,
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
        if self.plan.kind == "process" and IS_LINUX:
            if self.plan.uid is not None:
                kill_uid(self.plan.uid)
            reap_group(self.popen.pid)

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

    def reset(self, seconds: float = 2.0) -> bool:
        """Ask the keeper for a fresh worker in this sandbox, as if it were a new one: every
        process of the sandbox but the keeper killed, the pipes emptied, /tmp emptied.
        False if it did not answer in time (the caller then drops the sandbox)."""
        if self.control is None:
            return False
        try:
            self.control.sendall(b"r")
            ready, _, _ = select.select([self.control], [], [], seconds)
            if not ready or self.control.recv(1) != b"k":
                return False
        except OSError:
            return False
        # Every writer is dead: what the answer pipe holds now is all stale.
        os.set_blocking(self.resp_r, False)
        try:
            while os.read(self.resp_r, 1 << 16):
                pass
        except BlockingIOError:
            pass
        finally:
            os.set_blocking(self.resp_r, True)
        self.reader.buffer.clear()
        self.restarted()
        return True

    def release(self) -> None:
        if self.control is not None:
            self.control.close()
            self.control = None
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
        """The end of what the current worker (since the last crash its keeper reported)
        wrote to its stdout and stderr (diagnostics only)."""
        with contextlib.suppress(OSError, ValueError):
            end = self.capture.seek(0, os.SEEK_END)
            start = max(self.capture_start, end - size)
            self.capture.seek(start)
            return self.capture.read(end - start).decode("utf-8", "replace")
        return ""

    def restarted(self) -> None:
        """The keeper reported a crash and forked a fresh worker: its output starts here."""
        with contextlib.suppress(OSError, ValueError):
            self.capture_start = self.capture.seek(0, os.SEEK_END)
