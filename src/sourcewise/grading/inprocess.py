"""The ``student`` fixture's in-process mode, for the browser (Pyodide, in a Web Worker).

Pyodide has no subprocesses, so the sandbox cannot start there. This module gives the two
stand-ins the plugin needs: ``browser_plan`` instead of ``plan_sandbox``, and
``InProcessSession`` instead of the sandboxed ``SubmissionSession``. The session *is* a
``SubmissionSession``: only the transport differs. Requests that would go down the pipe to
the sandboxed worker are answered here, by the same ``worker.Worker`` code, and come back
as the same JSON, so file checks, load messages, budgets, batching and every feedback
sentence are the proxy's own and the result model is the same as a local run's.

What the browser cannot do in-process is stop a call that never returns. The page does that
(``web/src/worker.js``): it ends the Web Worker when a call runs too long, starts a fresh
one and runs the checks again, telling this module which calls ran too long (``stopped``)
or crashed it (``crashed``). Those calls are then answered as a sandbox answers them, a
timeout or a crash, without running them, and they use up the check's time budget as they
would have, so the points are the ones the sandbox would give.

Nothing here isolates the student's code: in the browser it runs in the student's own tab,
on their own code, for learning. The grade comes from the grader's sandboxed run.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterable

from sourcewise.grading import proxy
from sourcewise.grading.channel import ChannelClosed, ChannelTimeout
from sourcewise.grading.display import call_text
from sourcewise.grading.plan import Limits, SandboxPlan
from sourcewise.grading.worker import Worker

KIND = "browser"


def call_key(module: str, function: str, args: list, kwargs: dict) -> str:
    """The key a call is known by across runs (the page sends it back after a timeout)."""
    return json.dumps([module, function, args, kwargs], sort_keys=True, ensure_ascii=True)


class _Clock:
    """``time`` for the proxy: real monotonic time plus the time of the calls answered as
    timeouts without being run, so budgets run out as they would have."""

    def __init__(self) -> None:
        self.skipped = 0.0

    def monotonic(self) -> float:
        return time.monotonic() + self.skipped


CLOCK = _Clock()


class Known:
    """What earlier runs of this check found: calls that ran too long, calls that crashed,
    and ``notify``, told of each call before it runs (the page's watchdog)."""

    def __init__(self, stopped: Iterable[str] = (), crashed: Iterable[str] = (),
                 notify: Callable[[str, str, float], None] | None = None) -> None:
        self.stopped = set(stopped)
        self.crashed = set(crashed)
        self.notify = notify


KNOWN = Known()


def browser_plan(mode: str, slot: int | None, python: str | None, limits: Limits) -> SandboxPlan:
    """The stand-in for ``plan_sandbox``: student code runs in this interpreter."""
    version = ".".join(map(str, sys.version_info[:3]))
    return SandboxPlan(KIND, sys.executable or "pyodide", version, (), None, None, None)


class _InProcessWorker:
    """What ``SubmissionSession`` expects of a worker process, for one in this process."""

    keeper = False

    def __init__(self, folder: str, limits: Limits) -> None:
        self.folder = folder
        self.worker = Worker({"sub": folder, "max_result_bytes": limits.result_bytes,
                              "max_output_chars": limits.output_chars}, -1)
        self.popen = type("Ended", (), {"returncode": None})()

    def answer(self, message: dict) -> dict:
        """Answer one request as the sandboxed worker would, as parsed JSON."""
        saved = sys.stdout, sys.stderr, os.getcwd()
        sys.stdout = sys.stderr = self.worker.output
        if self.folder not in sys.path:
            sys.path.append(self.folder)
        try:
            os.chdir(self.folder)
            if message["op"] == "load":
                answer, value = self.worker.load(message["module"]), None
            elif message["op"] == "call":
                answer, value = self.worker.call(message)
            else:
                return json.loads(self.worker.call_many(message))
        finally:
            sys.stdout, sys.stderr = saved[:2]
            os.chdir(saved[2])
        answer["id"] = message["id"]
        return json.loads(self.worker.answer_text(answer, value))

    def kill(self) -> None:
        pass

    def wait_briefly(self) -> None:
        pass

    def output_tail(self) -> str:
        return ""

    def release(self) -> None:
        pass

    def close(self) -> None:
        pass


class InProcessSession(proxy.SubmissionSession):
    """The stand-in for ``SubmissionSession``: the same client, answered in this process."""

    def _start(self) -> _InProcessWorker:
        if self.staging is None:
            self.staging, self.notes = self.submission.stage(self.limits, self.plan.uid)
            forget_student_modules(*_FOLDERS)
            _FOLDERS[:] = [self.staging]
        self.worker = _InProcessWorker(self.staging, self.limits)
        self.loaded = set()
        self.crashed = False
        self.template = ()
        return self.worker

    def _request(self, message: dict, timeout: float, max_bytes: int | None = None) -> dict:
        worker = self.worker or self._start()
        self.next_id += 1
        message["id"] = self.next_id
        calls = self._calls(message)
        keys = [call_key(*call) for call in calls]
        if any(key in KNOWN.crashed for key in keys):
            raise ChannelClosed
        if any(key in KNOWN.stopped for key in keys):
            CLOCK.skipped += timeout
            raise ChannelTimeout
        if KNOWN.notify is not None and message["op"] != "map":
            for call, key in zip(calls, keys, strict=True):
                KNOWN.notify(key, call_text(call[1], call[2], call[3]), timeout)
        if message["op"] == "map" and KNOWN.notify is not None:
            return self._map_one_by_one(worker, message, timeout)
        return worker.answer(message)

    def _map_one_by_one(self, worker: _InProcessWorker, message: dict, timeout: float) -> dict:
        """A ``map`` answered call by call, so the watchdog knows which call is running."""
        results, room = [], message["max_bytes"]
        for args in message["calls"]:
            KNOWN.notify(call_key(message["module"], message["function"], args, {}),
                         call_text(message["function"], args, {}), timeout)
            answer = worker.answer({"op": "call", "module": message["module"],
                                    "function": message["function"], "args": args,
                                    "kwargs": {}, "id": message["id"]})
            if not answer["ok"] and answer.get("kind") in ("missing_function", "not_callable",
                                                           "syntax", "encoding", "null_bytes",
                                                           "import_error", "exit"):
                return answer
            answer.pop("id", None)
            results.append(answer)
            room -= len(json.dumps(answer)) + 1
            if room < 0:
                return {"id": message["id"], "ok": False, "kind": "too_large"}
        return {"id": message["id"], "ok": True, "results": results}

    @staticmethod
    def _calls(message: dict) -> list[tuple[str, str, list, dict]]:
        if message["op"] == "call":
            return [(message["module"], message["function"], message["args"],
                     message["kwargs"])]
        if message["op"] == "map":
            return [(message["module"], message["function"], args, {})
                    for args in message["calls"]]
        return []


_FOLDERS: list[str] = []  # the staging folder of the latest session


def forget_student_modules(*folders: str) -> None:
    """Forget what earlier runs loaded from their staging folders (a helper such as
    ``textkit`` imported by an exercise file), so this run imports the student's new code."""
    roots = {os.path.realpath(folder) for folder in folders}
    sys.path[:] = [entry for entry in sys.path if os.path.realpath(entry) not in roots]
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and os.path.dirname(os.path.realpath(path)) in roots:
            del sys.modules[name]


def activate() -> None:
    """Make the plugin grade in-process (call once, in the browser's interpreter only)."""
    from sourcewise.grading import plugin, run

    plugin.plan_sandbox = browser_plan
    run.SubmissionSession = InProcessSession
    proxy.time = CLOCK  # type: ignore[assignment]


def run_checks(checks: str, submission: str, site_url: str, *, stopped: Iterable[str] = (),
               crashed: Iterable[str] = (),
               notify: Callable[[str, str, float], None] | None = None) -> dict:
    """Run one check file on the submission folder in this process; return the result
    model as the student sees it (``SubmissionResult.for_student().to_json()``), plus
    ``log``: what pytest printed."""
    import contextlib
    import importlib.metadata
    import io
    import tempfile

    import pytest

    from sourcewise.grading.results import SubmissionResult

    KNOWN.stopped, KNOWN.crashed, KNOWN.notify = set(stopped), set(crashed), notify
    CLOCK.skipped = 0.0
    registered = any(point.value == "sourcewise.grading.plugin"
                     for point in importlib.metadata.entry_points(group="pytest11"))
    with tempfile.TemporaryDirectory(prefix="sourcewise-browser-") as scratch:
        out = os.path.join(scratch, "results.json")
        arguments = [checks, "--submission", submission, "--results-json", out,
                     "--site-url", site_url, "-p", "no:cacheprovider", "-q",
                     "--rootdir", os.path.dirname(checks), "-c", os.devnull]
        if not registered:
            arguments += ["-p", "sourcewise.grading.plugin"]
        log = io.StringIO()
        with contextlib.redirect_stdout(log), contextlib.redirect_stderr(log):
            code = pytest.main(arguments)
        if not os.path.isfile(out):
            raise RuntimeError(f"the checks did not run (pytest exit code {int(code)}): "
                               f"{log.getvalue()[-2000:]}")
        with open(out, encoding="utf-8") as handle:
            result = SubmissionResult.from_json(json.load(handle))
    data = result.for_student().to_json()
    for check, shown in zip(data["checks"], result.for_student().checks, strict=True):
        check["shown"] = shown_values(shown.expected, shown.got, shown.got_error)
        for item, model in zip(check.get("items", []), shown.items, strict=True):
            item["shown"] = shown_values(model.expected, model.got, model.got_error)
    data["log"] = log.getvalue()[-20000:]
    return data


def shown_values(expected: object, got: object, got_error: str | None) -> dict[str, str]:
    """``expected`` and ``got`` as the terminal summary shows them (``grading.display``),
    for the page to lay out without a second copy of that code."""
    from sourcewise.grading.display import difference, only_whitespace_differs, show
    from sourcewise.grading.failures import MISSING

    marks = only_whitespace_differs(expected, got)
    shown: dict[str, str] = {}
    if expected is not MISSING:
        shown["expected"] = show(expected, mark_spaces=marks)
    if got_error is not None:
        shown["got"] = f"no value, because {got_error}"
    elif got is not MISSING:
        shown["got"] = show(got, mark_spaces=marks)
        note = difference(expected, got) if expected is not MISSING else None
        if note:
            shown["note"] = note
    return shown
