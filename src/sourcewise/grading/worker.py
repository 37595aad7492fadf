"""The sandboxed worker: runs the student's code and answers calls with plain JSON values.

This file runs INSIDE the sandbox: ``python -I -S -B -c <bootstrap> REQ_FD RESP_FD`` reads
it, compiled by the same interpreter outside the sandbox, as the first frame on REQ_FD and
runs it (see ``launch.BOOTSTRAP``).
It uses the standard library only (and only cheap modules: start-up time is per
submission), never imports ``sourcewise``, and never sees the checks, the answer key or the
grader's environment. The trusted side (``proxy.py``) decides pass or fail; nothing this
process says about itself is trusted.

Protocol:

* trusted -> worker, on REQ_FD: frames of a 4-byte big-endian length and a ``marshal``
  payload (plain data only; ``marshal`` is safe in this direction because the trusted side
  wrote it). After this source, the first frame is the config: ``sub`` (folder holding the submission's
  files), ``uid``/``gid`` (drop to them when started as root), ``harden`` (no-new-privileges
  and a parent-death signal, for the fallback without bubblewrap), ``limits`` (rlimits),
  ``max_result_bytes``, ``max_output_chars``, and under bubblewrap ``keeper`` (the
  writable folders to empty after a crash) and ``control`` (the keeper's control socket;
  see ``keep``). Then requests: ``{"id": n, "op": "load", "module": m}`` (with ``"keep":
  true`` after a crash: make a template, see ``keep``), ``{"id": n, "op": "call", "module":
  m, "function": f, "args": [...],
  "kwargs": {...}}`` or ``{"id": n, "op": "map", "module": m, "function": f, "calls":
  [[args...], ...], "max_bytes": b}`` (many calls of one function in one round trip).
* worker -> trusted, on RESP_FD: one JSON object per line, ASCII only. First
  ``{"hello": ...}``, then per request ``{"id": n, "ok": true, ...}`` or ``{"id": n, "ok":
  false, "kind": ..., "error": ...}``; a ``map`` answers ``{"id": n, "ok": true, "results":
  [...]}`` with one call answer per call, or ``{"id": n, "ok": false, "kind":
  "too_large"}`` as soon as the answers together pass ``max_bytes``. Under a keeper, a
  request whose worker died is answered ``{"id": n, "ok": false, "kind": "crashed",
  "status": s, "template": t}``. The trusted side parses it strictly.

At the end of input, the worker exits at once (no atexit handlers, no waiting for threads).

Under bubblewrap the worker is the pid namespace's init and *keeps* (``keep``): it never
runs student code itself but serves from a forked copy, so a crash costs a fork instead of
a new sandbox, and a timeout or garbage on the channel a reset instead of a new sandbox;
what the student's code sees afterwards is what a new sandbox would show it.
"""

from __future__ import annotations

import _signal  # not signal: it imports enum, milliseconds at every start
import _thread
import faulthandler
import io
import marshal
import math
import os
import sys

try:
    from _json import encode_basestring_ascii
except ImportError:  # an interpreter without the C accelerator
    from json.encoder import py_encode_basestring_ascii as encode_basestring_ascii

HELLO = "sourcewise-worker-1"
MAX_DEPTH = 100
# Whole numbers a check can work with: 64 bits (19 digits). Larger ones are refused here,
# at once, as the student's error (a check would overflow on them, and turning a number
# of millions of digits into text takes longer than a call may). Same as safe_text's.
MAX_INT_BITS = 64
MAX_ERROR_CHARS = 500
MAX_TRACEBACK_CHARS = 4000
LIMIT_NAMES = {
    "cpu_seconds": "RLIMIT_CPU",
    "memory_bytes": "RLIMIT_AS",
    "file_bytes": "RLIMIT_FSIZE",
    "open_files": "RLIMIT_NOFILE",
    "processes": "RLIMIT_NPROC",
    "core_bytes": "RLIMIT_CORE",
}


class NotPlain(Exception):
    """A value that cannot cross the channel as plain JSON data."""


class CappedOutput(io.TextIOBase):
    """sys.stdout/sys.stderr: keeps the first ``cap`` characters of each call, drops the rest."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.parts: list[str] = []
        self.kept = 0
        self.dropped = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        room = max(self.cap - self.kept, 0)
        if room:
            self.parts.append(text[:room])
            self.kept += min(room, len(text))
        self.dropped += max(len(text) - room, 0)
        return len(text)

    def take(self) -> str:
        text = "".join(self.parts)
        if self.dropped:
            text += f"\n[{self.dropped} more characters of output were dropped]"
        self.parts, self.kept, self.dropped = [], 0, 0
        return text


def type_name(value: object) -> str:
    kind = type(value)
    if kind.__module__ == "builtins":
        return kind.__name__
    return f"{kind.__module__}.{kind.__qualname__}"


def encode_str(text: str, budget: list[int]) -> str:
    budget[0] -= len(text) + 2
    if budget[0] < 0:
        raise NotPlain("it is too large")
    return encode_basestring_ascii(text)


def to_json(value: object, budget: list[int], depth: int = 0) -> str:
    """Return ``value`` as JSON text if it is plain data, or raise NotPlain saying why not.

    Exact types only (a subclass could lie about its value); tuples become lists. The
    ``budget`` (characters left) bounds the time and memory spent on huge values.
    """
    if depth > MAX_DEPTH:
        raise NotPlain(f"it is nested more than {MAX_DEPTH} levels deep")
    budget[0] -= 8
    if budget[0] < 0:
        raise NotPlain("it is too large")
    kind = type(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        bits = int.bit_length(value)
        if bits > MAX_INT_BITS:
            digits = int(bits * 0.30103) + 1
            raise NotPlain(f"it contains an integer of about {digits:,} digits, too large to "
                           "grade (whole numbers must have at most 19 digits)")
        return int.__repr__(value)
    if kind is str:
        return encode_str(value, budget)
    if kind is float:
        if not math.isfinite(value):
            raise NotPlain(f"it contains the float {value!r}, which JSON cannot carry")
        return float.__repr__(value)
    if kind is list or isinstance(value, tuple):
        items = list.__iter__(value) if kind is list else tuple.__iter__(value)
        return "[" + ",".join([to_json(item, budget, depth + 1) for item in items]) + "]"
    if kind is dict:
        parts = []
        for key, item in dict.items(value):
            if type(key) is not str:
                raise NotPlain(
                    f"it contains a dict with a key of type {type_name(key)} "
                    f"({key!r:.40}); dict keys must be strings"
                )
            parts.append(encode_str(key, budget) + ":" + to_json(item, budget, depth + 1))
        return "{" + ",".join(parts) + "}"
    if isinstance(value, (set, frozenset)):
        raise NotPlain(f"it contains a {type_name(value)}; use a list instead")
    for base in (str, int, float, list, dict):
        if isinstance(value, base):
            raise NotPlain(
                f"it contains a {type_name(value)} (a subclass of {base.__name__}); "
                f"use a plain {base.__name__}"
            )
    raise NotPlain(
        f"it contains a {type_name(value)} object; use str, int, float, bool, None, "
        "list or dict"
    )


def safe_text(exc: BaseException) -> str:
    try:
        text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    except BaseException:  # a hostile __str__ must not break the worker
        text = type(exc).__name__
    return text[:MAX_ERROR_CHARS]


def student_frames(exc: BaseException, sub: str) -> tuple[int | None, str]:
    """The last line in the student's files in the traceback, and the traceback text."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.startswith(sub + os.sep):
            line = tb.tb_lineno
        tb = tb.tb_next
    try:
        import traceback  # only on errors: it costs milliseconds of start-up

        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    except BaseException:
        text = safe_text(exc)
    return line, text.replace(sub + os.sep, "")[-MAX_TRACEBACK_CHARS:]


def failing_file(exc: BaseException, sub: str) -> str | None:
    """The name of the submission's file where loading failed (a helper module that an
    exercise imports, say), or None when the failure is outside the submission's files."""
    found = None
    filename = getattr(exc, "filename", None) if isinstance(exc, SyntaxError) else None
    if isinstance(filename, str) and filename.startswith(sub + os.sep):
        return filename[len(sub) + 1:]
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.startswith(sub + os.sep):
            found = tb.tb_frame.f_code.co_filename[len(sub) + 1:]
        tb = tb.tb_next
    return found


def utf8_problem(source: bytes) -> dict | None:
    """Python refuses a file that is not UTF-8 unless it declares its encoding (PEP 263);
    ``compile`` alone would accept such bytes in comments, so check like Python does."""
    if b"coding" in b"\n".join(source.split(b"\n", 2)[:2]):
        return None  # a coding declaration: compile() honours it
    try:
        source.decode("utf-8")
    except UnicodeDecodeError as exc:
        return {"ok": False, "kind": "encoding", "line": source.count(b"\n", 0, exc.start) + 1,
                "error": f"byte {source[exc.start]:#04x} is not UTF-8"}
    return None


def drop_privileges(config: dict) -> None:
    uid, gid = config.get("uid"), config.get("gid")
    if uid is None or os.getuid() != 0:
        return
    os.setgroups([])
    if hasattr(os, "setresuid"):
        os.setresgid(gid, gid, gid)
        os.setresuid(uid, uid, uid)
    else:  # macOS: no setres*id; as root, setgid/setuid set real, effective and saved ids
        os.setgid(gid)
        os.setuid(uid)
    if os.getuid() != uid or os.geteuid() != uid:
        raise OSError("could not switch to the sandbox uid")


def harden(seccomp: str | None = None) -> list[str]:
    """Linux only: forbid gaining privileges through exec, die with the parent, and load
    the seccomp filter (hex; bubblewrap loads it itself) that keeps the uid's key store
    out of reach."""
    if not sys.platform.startswith("linux"):
        return ["no_new_privileges"]
    import ctypes
    import signal

    libc = ctypes.CDLL(None, use_errno=True)
    missing = []
    if libc.prctl(38, 1, 0, 0, 0) != 0:  # PR_SET_NO_NEW_PRIVS
        missing.append("no_new_privileges")
    if seccomp:
        program = ctypes.create_string_buffer(bytes.fromhex(seccomp))

        class Program(ctypes.Structure):  # struct sock_fprog
            _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

        fprog = Program(len(program.raw) // 8, ctypes.addressof(program))
        if libc.prctl(22, 2, ctypes.byref(fprog), 0, 0) != 0:  # SECCOMP_MODE_FILTER
            missing.append("seccomp")
    if libc.prctl(1, int(signal.SIGKILL), 0, 0, 0) != 0:  # PR_SET_PDEATHSIG
        missing.append("parent_death_signal")
    if os.getppid() == 1:  # the grader already died
        os._exit(3)
    return missing


def apply_limits(limits: dict) -> list[str]:
    """Set soft and hard rlimits; return the names of the ones this platform refused."""
    try:
        import resource
    except ImportError:
        return sorted(limits)
    missing = []
    for key, value in limits.items():
        which = getattr(resource, LIMIT_NAMES[key], None)
        soft = hard = int(value)
        if key == "cpu_seconds":
            hard = soft + 1  # SIGXCPU first, SIGKILL a second later
        try:
            resource.setrlimit(which, (soft, hard))
        except (OSError, ValueError, TypeError):
            missing.append(key)
    return missing


def read_exact(fd: int, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = os.read(fd, left)
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def read_frame(fd: int) -> object | None:
    header = read_exact(fd, 4)
    if header is None:
        return None
    payload = read_exact(fd, int.from_bytes(header, "big"))
    return None if payload is None else marshal.loads(payload)


class Worker:
    def __init__(self, config: dict, resp_fd: int) -> None:
        self.sub = config["sub"]
        self.resp_fd = resp_fd
        self.limit = config["max_result_bytes"]
        self.output = CappedOutput(config["max_output_chars"])
        self.modules: dict[str, object] = {}
        self.shared = None  # under a keeper: the id of the request being answered
        self.scratch: list[str] = []  # the writable folders a keeper empties after a crash
        self.control: int | None = None  # the init's control socket (see keep)
        self.wakeup: tuple[int, ...] = ()  # the init's SIGCHLD wake-up pipe
        self.pid = os.getpid()  # the process that answers (set again in each served copy)

    def mark(self, state: int) -> None:
        """Tell the keeper which request is being answered (0: none, -1: end of input)."""
        if self.shared is not None:
            self.shared[:8] = state.to_bytes(8, "big", signed=True)

    def answer_text(self, message: dict, value_json: str | None = None) -> str:
        """One answer as JSON text, the value's JSON (already checked) spliced in."""
        text = to_json(message, [self.limit + MAX_TRACEBACK_CHARS * 8])
        if value_json is not None:
            text = text[:-1] + ',"value":' + value_json + "}"
        return text

    def send(self, message: dict, value_json: str | None = None) -> None:
        self.write(self.answer_text(message, value_json))

    def write(self, text: str) -> None:
        data = memoryview((text + "\n").encode("ascii"))
        while data:
            data = data[os.write(self.resp_fd, data):]

    def load(self, name: str) -> dict:
        if name in self.modules:
            return {"ok": True}
        path = os.path.join(self.sub, name + ".py")
        try:
            with open(path, "rb") as handle:
                source = handle.read()
        except OSError as exc:
            return {"ok": False, "kind": "missing_file", "error": safe_text(exc)}
        problem = utf8_problem(source)
        if problem is not None:
            return problem
        try:
            code = compile(source, path, "exec", dont_inherit=True)
        except SyntaxError as exc:
            message = str(exc.msg)
            encoding = "codec" in message or "encoding" in message or "UTF-8" in message
            return {"ok": False, "kind": "encoding" if encoding else "syntax",
                    "error": message[:MAX_ERROR_CHARS], "line": exc.lineno,
                    "text": (exc.text or "").rstrip()[:200]}
        except (ValueError, UnicodeError) as exc:
            kind = "null_bytes" if "null bytes" in str(exc) else "encoding"
            return {"ok": False, "kind": kind, "error": safe_text(exc)}
        module_name = name if name not in sys.modules else f"_submission_{name}"
        module = type(sys)(module_name)
        module.__file__ = path
        sys.modules[module_name] = module
        try:
            exec(code, module.__dict__)
        except SystemExit as exc:
            return {"ok": False, "kind": "exit", "error": safe_text(exc),
                    "line": student_frames(exc, self.sub)[0]}
        except BaseException as exc:
            line, text = student_frames(exc, self.sub)
            culprit = failing_file(exc, self.sub)
            if culprit and culprit != name + ".py":  # an imported file of theirs broke
                line = exc.lineno if isinstance(exc, SyntaxError) else line
                return {"ok": False, "kind": "helper_error", "error": safe_text(exc),
                        "line": line, "traceback": text, "helper": culprit[:200]}
            return {"ok": False, "kind": "import_error", "error": safe_text(exc),
                    "line": line, "traceback": text}
        finally:
            self.end_if_a_copy()
            self.output.take()
        self.modules[name] = module
        return {"ok": True}

    def function(self, request: dict) -> tuple[dict | None, object]:
        """The requested function, or (the answer saying why there is none, None)."""
        loaded = self.load(request["module"])
        if not loaded["ok"]:
            return loaded, None
        function = getattr(self.modules[request["module"]], request["function"], None)
        if function is None:
            return {"ok": False, "kind": "missing_function", "error": request["function"]}, None
        if not callable(function):
            return {"ok": False, "kind": "not_callable", "error": type_name(function)}, None
        return None, function

    def run(self, function: object, args: list, kwargs: dict) -> tuple[dict, str | None]:
        """Call the student's function once: its answer, and its value as checked JSON."""
        try:
            value = function(*args, **kwargs)
        except BaseException as exc:
            self.end_if_a_copy()
            line, text = student_frames(exc, self.sub)
            return {"ok": False, "kind": "raised", "error": safe_text(exc), "line": line,
                    "traceback": text, "output": self.output.take()}, None
        self.end_if_a_copy()
        output = self.output.take()
        try:
            value_json = to_json(value, [self.limit])
        except NotPlain as exc:
            return {"ok": False, "kind": "not_json", "error": str(exc)[:MAX_ERROR_CHARS],
                    "output": output}, None
        except RecursionError:
            return {"ok": False, "kind": "not_json", "error": "it is nested too deeply",
                    "output": output}, None
        return {"ok": True, "output": output}, value_json

    def call(self, request: dict) -> tuple[dict, str | None]:
        problem, function = self.function(request)
        if problem is not None:
            return problem, None
        return self.run(function, request["args"], request["kwargs"])

    def call_many(self, request: dict) -> str:
        """Answer a ``map`` request: every call's answer, in order, as one JSON text."""
        problem, function = self.function(request)
        if problem is not None:
            problem["id"] = request["id"]
            return self.answer_text(problem)
        room = request["max_bytes"]
        texts = []
        for args in request["calls"]:
            texts.append(self.answer_text(*self.run(function, args, {})))
            room -= len(texts[-1]) + 1
            if room < 0:
                return self.answer_text({"id": request["id"], "ok": False, "kind": "too_large"})
        return f'{{"id":{int(request["id"])},"ok":true,"results":[{",".join(texts)}]}}'

    def end_if_a_copy(self) -> None:
        """End a copy of this process that the student's code forked, as it comes back
        into the worker's code: only the worker answers (a fork bomb's copies would
        otherwise race it on the channel and answer requests meant for it)."""
        if os.getpid() != self.pid:
            os._exit(0)

    def serve(self, req_fd: int) -> None:
        self.pid = os.getpid()
        while True:
            request = read_frame(req_fd)
            if request is None:
                self.mark(-1)
                return
            self.mark(int(request["id"]))
            if request["op"] == "map":
                self.write(self.call_many(request))
            elif request["op"] == "load":
                answer = self.load(request["module"])
                # A template is a copy of a fresh worker that has loaded this one module:
                # what a restart followed by this load gives (a thread started at import
                # would not follow into the copies, so not then).
                template = (request.get("keep") is True and answer["ok"]
                            and self.shared is not None and _thread._count() == 0)
                if template:
                    answer["kept"] = True
                answer["id"] = request["id"]
                self.send(answer)
                if template:
                    self.mark(0)
                    keep(self, req_fd, template=True)  # never returns
            else:
                answer, value_json = self.call(request)
                answer["id"] = request["id"]
                self.send(answer, value_json)
            self.mark(0)


def wipe(folder: str) -> None:
    """Remove everything inside ``folder`` (raises OSError if something stays)."""
    for entry in os.scandir(folder):
        if entry.is_dir(follow_symlinks=False):
            wipe(entry.path)
            os.rmdir(entry.path)
        else:
            os.unlink(entry.path)


def keep(worker: Worker, req_fd: int, *, template: bool = False) -> None:
    """Serve from a forked child; when that child dies while answering a request
    (os._exit, a signal, the CPU limit), answer that request with ``{"id": n, "ok": false,
    "kind": "crashed", "status": s, "template": t}``, kill everything it left, empty the
    writable folders and fork a fresh child. Never returns.

    Under bubblewrap the worker's first process, the pid namespace's init, keeps: it never
    runs student code, so a fresh child is what a restarted worker would be, without a new
    sandbox (bubblewrap and Python's start-up). After a crash the trusted side asks the
    next load to make a *template* (``template``): that child, having loaded the module,
    keeps in turn, so later crashes cost a fork, not the module's import too.
    ``status`` is what bubblewrap would exit with: the exit code, or 128 + the signal.
    When the child ends for any other reason (end of input, a death between requests) or
    the cleanup fails, this process exits, as a worker without a keeper would.

    The init also listens on a control socket only it holds (``worker.control``): a byte
    there asks for a *reset* (after a timeout or garbage on the channel, when the trusted
    side would otherwise start a new sandbox): it kills every other process, empties the
    request pipe and the writable folders, answers one byte on the socket, and forks a
    fresh child; the trusted side then throws away whatever the answer pipe holds.
    """
    while True:
        worker.mark(0)
        try:
            pid = os.fork()
        except OSError:
            os._exit(0)
        if pid == 0:
            if worker.control is not None:  # only the init holds these
                _signal.set_wakeup_fd(-1)
                _signal.signal(_signal.SIGCHLD, _signal.SIG_DFL)
                for fd in (worker.control, *worker.wakeup):
                    os.close(fd)
                worker.control, worker.wakeup = None, ()
            try:
                worker.serve(req_fd)
            finally:
                os._exit(0)
        status = wait_for(worker, pid) if worker.control is not None \
            else os.waitpid(pid, 0)[1]
        if status is None:  # a reset: the trusted side drops whatever the child said
            kill_the_rest(template)
            try:
                drain(req_fd)
                for folder in worker.scratch:
                    wipe(folder)
            except OSError:
                os._exit(0)
            os.write(worker.control, b"k")
            continue
        kill_the_rest(template)
        state = int.from_bytes(worker.shared[:8], "big", signed=True)
        if state <= 0:
            os._exit(0)
        try:
            for folder in worker.scratch:
                wipe(folder)
        except OSError:
            os._exit(0)
        code = (128 + os.WTERMSIG(status) if os.WIFSIGNALED(status)
                else os.WEXITSTATUS(status))
        worker.send({"id": state, "ok": False, "kind": "crashed", "status": code,
                     "template": template})


def wait_for(worker: Worker, pid: int) -> int | None:
    """As init: reap every child that dies until ``pid`` does (its wait status), or until
    the trusted side asks for a reset on the control socket (None); exit at its end."""
    import select

    while True:
        ready = select.select([worker.control, worker.wakeup[0]], [], [])[0]
        if worker.control in ready:
            if not os.read(worker.control, 1):
                os._exit(0)  # the grader is gone: end the sandbox
            return None
        drain(worker.wakeup[0])
        try:
            while True:
                done, status = os.waitpid(-1, os.WNOHANG)
                if done == pid:
                    return status
                if done == 0:
                    break
        except ChildProcessError:
            pass


def drain(fd: int) -> None:
    """Read and drop whatever ``fd`` (a pipe) holds now, without blocking."""
    os.set_blocking(fd, False)
    try:
        while os.read(fd, 65536):
            pass
    except BlockingIOError:
        pass
    finally:
        os.set_blocking(fd, True)


def kill_the_rest(template: bool) -> None:
    """Kill every process of the namespace but init and this one; as init, reap them."""
    try:  # noqa: SIM105 (contextlib is one more import at every sandbox start)
        os.kill(-1, 9)  # SIGKILL; only processes of the sandbox's uid can be signalled
    except OSError:
        pass
    if not template:  # init: reap them (a template's are reaped by init)
        try:
            while True:
                os.waitpid(-1, 0)
        except ChildProcessError:
            pass


def main() -> None:
    req_fd, resp_fd = int(sys.argv[1]), int(sys.argv[2])
    config = read_frame(req_fd)
    worker = Worker(config, resp_fd)
    hello: dict = {"hello": HELLO, "python": sys.version.split()[0]}
    try:
        drop_privileges(config)
        missing = harden(config.get("seccomp")) if config["harden"] else []
        missing += apply_limits(config["limits"])
        os.listdir(os.path.dirname(os.__file__))  # the interpreter is readable as this uid
        os.chdir(worker.sub)
        faulthandler.enable(file=2)
    except BaseException as exc:
        worker.send({**hello, "error": safe_text(exc)})
        os._exit(3)
    sys.stdout = sys.stderr = worker.output
    sys.stdin = io.StringIO()
    sys.path.append(worker.sub)
    keeping = bool(config.get("keeper")) and os.getpid() == 1  # only as a namespace's init
    hello.update(uid=os.getuid() if hasattr(os, "getuid") else None, missing_limits=missing,
                 keeper=keeping)
    worker.send(hello)
    if keeping:
        import mmap

        worker.shared, worker.scratch = mmap.mmap(-1, 8), config["keeper"]
        worker.control, worker.wakeup = config["control"], os.pipe()
        os.set_blocking(worker.wakeup[1], False)
        _signal.set_wakeup_fd(worker.wakeup[1])
        _signal.signal(_signal.SIGCHLD, lambda *_: None)  # wakes select through the pipe
        keep(worker, req_fd)
    try:
        worker.serve(req_fd)
    finally:
        os._exit(0)  # skip atexit handlers and non-daemon threads the student left behind


if __name__ == "__main__":
    main()
