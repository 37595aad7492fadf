"""The trusted-side client: calls into one submission's worker, with deadlines and restarts.

``SubmissionSession`` owns at most one worker process for one submission. It stages the
submission's files, starts the worker lazily, loads exercise modules on request, and turns
everything that can go wrong into one of two exceptions with a message for the student:

* ``NotGradable`` for the exercise as a whole (missing file, syntax error, wrong encoding,
  crash or timeout at import, missing function). Import failures are cached here, on the
  trusted side, so later checks of that exercise do not load it again, and a module that
  crashes at import marks only its own exercise.
* ``StudentError`` for one call (raised, timed out, crashed, not plain data, garbage on the
  channel, the check's time budget spent). After a crash, timeout or garbage the worker is
  killed and the next call starts a fresh one, so later checks still run.
* ``TimeLimitReached`` once the submission's own time is spent.

Every second the submission costs is charged to its time (``submission_timeout``): starting
its sandbox, loading its files (again after each crash), its calls, batches that had to be
redone. A load or call never waits past what is left, so no submission runs more than a
small margin over its limit, whatever it does. Garbage on the channel may come from a
process an earlier call left behind: the request is made once more in a fresh worker, and
only garbage again is blamed on it.

Only plain JSON values come back; answers are parsed strictly and must carry the id of the
request. Nothing the worker says about itself decides a score.
"""

from __future__ import annotations

import signal
import time
from dataclasses import dataclass, field

from sourcewise.grading.channel import (
    ChannelClosed,
    ChannelError,
    ChannelTimeout,
    plain_copy,
    write_frame,
)
from sourcewise.grading.display import call_text
from sourcewise.grading.failures import NotGradable, StudentError, TimeLimitReached
from sourcewise.grading.launch import HELLO, SandboxProcess, start_worker
from sourcewise.grading.options import GradingOptions
from sourcewise.grading.plan import SandboxPlan
from sourcewise.grading.submission import Submission, remove_staging


class SandboxError(Exception):
    """The grader could not run the sandbox (not the student's fault)."""


class WorkerCrashed(ChannelClosed):
    """The worker died answering a request, and its keeper (``worker.keep``) said so and
    forked a fresh worker in the same sandbox; ``status`` is the dead worker's exit status
    as bubblewrap would give it (shown to the student, never trusted)."""

    def __init__(self, status: int | None, template: bool) -> None:
        super().__init__(status)
        self.status = status
        self.template = template  # the fresh worker is a copy of the session's template


@dataclass
class Budget:
    """One check's calls: seconds of student time left, and what the calls printed."""

    seconds: float
    spent: float = 0.0
    printed: list[str] = field(default_factory=list)

    def left(self) -> float:
        return self.seconds - self.spent


LOAD_MESSAGES = {
    "syntax": "{file} has a syntax error{at}: {error}. Fix it and run the checks again.",
    "encoding": "{file} is not saved as UTF-8 text{at} ({error}). Save it with the UTF-8 "
                "encoding in your editor.",
    "null_bytes": "{file} contains null bytes, so it is not a Python text file. Save it "
                  "again as plain UTF-8 text.",
    "import_error": "Loading {file} raised {error}{at}. Code outside functions runs when the "
                    "file is loaded: fix it, or move it into a function.",
    "exit": "{file} called exit() or sys.exit(){at} while it was loading. Remove that call: "
            "code outside functions runs when the file is loaded.",
    "missing_file": "{file} could not be read in the sandbox ({error}).",
    "helper_error": "{file} imports {helper}, and {helper} is broken: loading it raised "
                    "{error}{at}. {helper} is your own file: fix it, or put back the "
                    "starter's copy. Every exercise that imports {helper} fails until then.",
}


def _signal_name(returncode: int | None) -> str:
    if returncode is None:
        return "it stopped"
    if returncode < 0 or returncode > 128:
        number = -returncode if returncode < 0 else returncode - 128
        try:
            return f"signal {signal.Signals(number).name}"
        except ValueError:
            return f"signal {number}"
    return f"exit code {returncode}"


class SubmissionSession:
    def __init__(self, submission: Submission, plan: SandboxPlan,
                 options: GradingOptions) -> None:
        self.submission = submission
        self.plan = plan
        self.options = options
        self.limits = options.limits
        self.worker: SandboxProcess | None = None
        self.loaded: set[str] = set()
        self.broken: dict[str, NotGradable] = {}
        self.staging: str | None = None
        self.notes: list[str] = []
        self.next_id = 0
        self.spent = 0.0
        self.usable: set[str] = set()  # exercises whose file was found usable
        self.batching = True  # until a batch of calls times out
        self.unbatched: set[tuple[str, str]] = set()  # (exercise, function): a batch failed

    # ------------------------------------------------------------ worker lifecycle

    def _start(self) -> SandboxProcess:
        if self.staging is None:
            self.staging, self.notes = self.submission.stage(self.limits, self.plan.uid)
        worker = start_worker(self.plan, self.staging, self.limits)
        try:
            hello = worker.reader.read(time.monotonic() + self.options.start_timeout)
        except (ChannelClosed, ChannelError, ChannelTimeout) as exc:
            tail = worker.output_tail().strip()
            worker.kill()
            worker.release()
            raise SandboxError(f"the sandbox did not start ({type(exc).__name__}): "
                               f"{tail[-300:]}") from None
        if hello.get("hello") != HELLO or "error" in hello:
            worker.kill()
            worker.release()
            raise SandboxError(f"the sandbox did not start: {hello.get('error', hello)}")
        worker.note_started()
        worker.keeper = worker.keeper and hello.get("keeper") is True
        self.worker = worker
        self.loaded = set()
        self.crashed = False  # has a worker of this sandbox died answering a request?
        self.template: tuple[str, ...] = ()  # the module the keeper's template has loaded
        return worker

    def _renew_worker(self) -> None:
        """After a timeout or garbage: a fresh worker, as from a new sandbox. The keeper
        resets this sandbox when it can (much cheaper); otherwise it is dropped."""
        if self.worker is not None and self.worker.keeper and self.worker.reset():
            self.loaded = set()
            self.template = ()
            self.crashed = True  # the next load makes a template (see _load)
            return
        self._drop_worker()

    def _drop_worker(self, *, exited: bool = False) -> tuple[int | None, str]:
        """Kill the current worker; return its exit status and last output (for messages).

        ``exited``: its channel closed, so let it finish on its own briefly first; the
        status is then the worker's own (shown to the student, never trusted).
        """
        worker, self.worker = self.worker, None
        if worker is None:
            return None, ""
        if exited:
            worker.wait_briefly()
        worker.kill()
        returncode, tail = worker.popen.returncode, worker.output_tail()
        worker.release()
        return returncode, tail

    def _after_crash(self, crash: ChannelClosed) -> tuple[int | None, str]:
        """The worker died answering a request: its exit status and last output. Its keeper
        has already forked a fresh one (nothing loaded, as after a restart), or, without a
        keeper, the sandbox is dropped and the next request starts a new one."""
        if isinstance(crash, WorkerCrashed) and self.worker is not None:
            tail = self.worker.output_tail()
            self.worker.restarted()
            self.crashed = True
            if not (crash.template and self.template):
                self.template = ()
            self.loaded = set(self.template)
            return crash.status, tail
        return self._drop_worker(exited=True)

    def close(self) -> None:
        if self.worker is not None:
            self.worker.close()
            self.worker = None
        remove_staging(self.staging)
        self.staging = None

    # ------------------------------------------------------------ requests

    def _request(self, message: dict, timeout: float, max_bytes: int | None = None) -> dict:
        """Send one request; return the answer or raise Channel* (the worker is then dropped)."""
        worker = self.worker or self._start()
        self.next_id += 1
        message["id"] = self.next_id
        try:
            write_frame(worker.req_w, message)
            answer = worker.reader.read(time.monotonic() + timeout, max_bytes)
        except BrokenPipeError:
            raise ChannelClosed from None
        if answer.get("id") != self.next_id or not isinstance(answer.get("ok"), bool):
            raise ChannelError("an answer that does not match the request")
        if worker.keeper and answer.get("kind") == "crashed" and answer["ok"] is False:
            status = answer.get("status")
            raise WorkerCrashed(status if type(status) is int else None,
                                answer.get("template") is True)
        if answer["ok"] and message["op"] == "call" and "value" not in answer:
            raise ChannelError("an answer without a value")
        return answer

    def _not_gradable(self, exercise: str, kind: str, message: str) -> NotGradable:
        error = NotGradable(message, exercise=exercise, kind=kind)
        self.broken[exercise] = error
        return error

    def _load(self, exercise: str, retry: bool = True) -> None:
        file = f"{exercise}.py"
        left = self._submission_left()
        if left <= 0:
            raise TimeLimitReached(self.options.submission_timeout)
        timeout = min(self.options.import_timeout, left)
        message = {"op": "load", "module": exercise}
        if self.worker is not None and self.worker.keeper and self.crashed \
                and not self.template:
            message["keep"] = True  # later crashes then go back to this load (worker.keep)
        try:
            answer = self._request(message, timeout)
        except ChannelTimeout:
            self._renew_worker()
            if timeout < self.options.import_timeout:
                raise TimeLimitReached(self.options.submission_timeout) from None
            raise self._not_gradable(exercise, "import_timeout", (
                f"Loading {file} took longer than {timeout:g} s. Code outside functions "
                "runs when the file is loaded: make sure it does not loop forever."
            )) from None
        except ChannelClosed as crash:
            returncode, _ = self._after_crash(crash)
            raise self._not_gradable(exercise, "import_crash", (
                f"Python stopped while loading {file} ({_signal_name(returncode)}). Code "
                "outside functions runs when the file is loaded: remove calls such as "
                "os._exit() and anything that crashes Python."
            )) from None
        except ChannelError:
            self._renew_worker()
            if retry:  # maybe a process an earlier call left: try once in a fresh worker
                self._ensure_worker(exercise)
                self._load(exercise, retry=False)
                return
            raise self._not_gradable(exercise, "import_garbage", (
                f"While {file} was loading, something wrote to the grader's private channel. "
                "Remove code that writes to file descriptors it did not open."
            )) from None
        if answer["ok"]:
            self.loaded.add(exercise)
            if message.get("keep") and answer.get("kept") is True:
                self.template = (exercise,)
            return
        kind = str(answer.get("kind"))
        line = answer.get("line")
        template = LOAD_MESSAGES.get(kind, LOAD_MESSAGES["import_error"])
        raise self._not_gradable(exercise, kind, template.format(
            file=file, error=str(answer.get("error", ""))[:300],
            at=f" on line {line}" if isinstance(line, int) else "",
            helper=str(answer.get("helper", "a file it imports")),
        ))

    def _usable(self, exercise: str) -> None:
        """Raise NotGradable when the exercise's file cannot be used (checked once)."""
        if exercise in self.broken:
            raise self.broken[exercise]
        if exercise not in self.usable:
            problem = self.submission.file_problem(exercise, self.limits)
            if problem is not None:
                raise self._not_gradable(exercise, *problem)
            self.usable.add(exercise)

    def _ensure_worker(self, exercise: str) -> None:
        if self.worker is None:
            try:
                self._start()
            except SandboxError as exc:
                raise NotGradable(f"The grader could not start its sandbox; this is not "
                                  f"a problem with your code. ({exc})", exercise=exercise,
                                  kind="sandbox_error") from None

    def _ready(self, exercise: str, budget: Budget) -> None:
        """Make sure a worker runs and has loaded the exercise (NotGradable otherwise);
        the time it takes is charged to the check and the submission."""
        if exercise in self.loaded and self.worker is not None:
            return
        if self._submission_left() <= 0:
            raise TimeLimitReached(self.options.submission_timeout)
        started = time.monotonic()
        try:
            self._ensure_worker(exercise)
            self._load(exercise)
        finally:
            self._charge(time.monotonic() - started, budget)

    def _charge(self, seconds: float, budget: Budget | None) -> None:
        self.spent += seconds
        if budget is not None:
            budget.spent += seconds

    def _submission_left(self) -> float:
        return self.options.submission_timeout - self.spent

    def _time_left(self, budget: Budget) -> float:
        return min(budget.left(), self._submission_left())

    def call(self, exercise: str, function: str, args: tuple, kwargs: dict,
             budget: Budget) -> object:
        """Call ``exercise.function(*args, **kwargs)`` in the sandbox; return its plain value."""
        self._usable(exercise)
        return self._call(exercise, function, plain_copy(list(args)), plain_copy(dict(kwargs)),
                          budget)

    def call_many(self, exercise: str, function: str, calls: list[list],
                  budget: Budget) -> list[object]:
        """Call ``exercise.function(*args)`` for each ``args`` in ``calls``, in one round trip
        when it can; return per call its value or the ``StudentError`` it raised.

        Each outcome is the one a single call would give. When the batch does not come
        back whole in time (an endless loop, a crash, an answer too large, garbage), its
        time is not counted, the worker is restarted and the calls are made one by one
        with their own deadlines. Later calls of that function are then single calls; after
        a batch that timed out, every later call of the submission is, so a misbehaving
        submission costs at most one extra call timeout.
        """
        self._usable(exercise)
        sent = plain_copy(calls)
        if not isinstance(sent, list) or not all(isinstance(args, list) for args in sent):
            raise TypeError("call_many: calls must be a list of argument lists")
        if not sent:
            return []
        self._ready(exercise, budget)
        if self.batching and (exercise, function) not in self.unbatched and len(sent) > 1:
            outcomes = self._batch(exercise, function, sent, budget)
            if outcomes is not None:
                return outcomes
        results: list[object] = []
        for args in sent:
            try:
                results.append(self._call(exercise, function, args, {}, budget))
            except StudentError as error:
                results.append(error)
        return results

    def _batch(self, exercise: str, function: str, calls: list[list],
               budget: Budget) -> list[object] | None:
        """The outcomes of ``calls`` from one ``map`` request, or None to call one by one."""
        left = self._time_left(budget)
        if left <= 0:
            return None  # single calls say "out of time", call by call
        per_call = self.limits.answer_bytes
        max_bytes = min(len(calls) * per_call, self.limits.batch_bytes)
        started = time.monotonic()
        try:
            answer = self._request({"op": "map", "module": exercise, "function": function,
                                    "calls": calls, "max_bytes": max_bytes},
                                   min(self.options.call_timeout, left), max_bytes + per_call)
            if not answer["ok"] and answer.get("kind") in ("missing_function", "not_callable"):
                self._call_failed(exercise, function, function, answer)  # raises NotGradable
            results = answer.get("results") if answer["ok"] else None
            if not (isinstance(results, list) and len(results) == len(calls) and all(
                    isinstance(r, dict) and isinstance(r.get("ok"), bool)
                    and (not r["ok"] or "value" in r) for r in results)):
                raise ChannelError("not one answer per call")
        except ChannelTimeout:
            self._renew_worker()
            self.batching = False  # it cost a whole call timeout: no more batches
            self._charge(time.monotonic() - started, None)  # the submission pays it
            return None
        except ChannelClosed as crash:
            self._after_crash(crash)
            self.unbatched.add((exercise, function))
            self._charge(time.monotonic() - started, None)
            return None
        except ChannelError:
            self._renew_worker()
            self.unbatched.add((exercise, function))
            self._charge(time.monotonic() - started, None)
            return None
        self._charge(time.monotonic() - started, budget)
        outcomes: list[object] = []
        for args, result in zip(calls, results, strict=True):
            try:
                outcomes.append(self._value(exercise, function, args, {}, result, budget))
            except StudentError as error:
                outcomes.append(error)
        return outcomes

    def _call(self, exercise: str, function: str, args: list, kwargs: dict,
              budget: Budget, retry: bool = True) -> object:
        """One call in its own round trip, with its own deadline."""
        self._ready(exercise, budget)
        left = self._time_left(budget)
        if self._submission_left() <= 0:
            raise TimeLimitReached(self.options.submission_timeout)
        if left <= 0:
            shown = call_text(function, args, kwargs)
            raise StudentError(
                f"{shown} was not run: earlier calls in this check already used the "
                "time allowed. Look for an endless loop or very slow code.",
                kind="out_of_time", call=shown)
        timeout = min(self.options.call_timeout, left)
        cut_short = timeout < min(self.options.call_timeout, budget.left())
        started = time.monotonic()
        garbage = False
        try:
            answer = self._request({"op": "call", "module": exercise, "function": function,
                                    "args": args, "kwargs": kwargs}, timeout)
        except ChannelTimeout:
            self._renew_worker()
            if cut_short:  # it had only what was left of the submission's time
                raise TimeLimitReached(self.options.submission_timeout) from None
            shown = call_text(function, args, kwargs)
            raise StudentError(
                f"{shown} did not finish within {round(timeout, 1):g} s. Look for an endless "
                "loop or very slow code.", kind="timeout", call=shown) from None
        except ChannelClosed as crash:
            returncode, tail = self._after_crash(crash)
            shown = call_text(function, args, kwargs)
            raise StudentError(
                f"{shown} stopped Python itself ({_signal_name(returncode)}), so it returned "
                "nothing. Look for os._exit(), a crash in C code, or memory use that is far "
                "too high.", kind="crashed", call=shown, details=tail) from None
        except ChannelError as exc:
            self._renew_worker()
            if not retry:
                shown = call_text(function, args, kwargs)
                raise StudentError(
                    f"{shown} wrote something to the grader's private channel that is not "
                    f"an answer ({exc}). Only return values count.", kind="garbage",
                    call=shown) from None
            garbage = True  # maybe a process an earlier call left: once more, fresh
        finally:
            self._charge(time.monotonic() - started, budget)
        if garbage:
            return self._call(exercise, function, args, kwargs, budget, retry=False)
        return self._value(exercise, function, args, kwargs, answer, budget)

    def _value(self, exercise: str, function: str, args: list, kwargs: dict, answer: dict,
               budget: Budget) -> object:
        """The value of one call's answer; raise what its failure means."""
        output = answer.get("output")
        if isinstance(output, str) and output:
            budget.printed.append(output[: self.limits.output_chars + 100])
        if answer["ok"]:
            return answer["value"]
        return self._call_failed(exercise, function, call_text(function, args, kwargs), answer)

    def _call_failed(self, exercise: str, function: str, shown: str, answer: dict) -> object:
        kind = str(answer.get("kind"))
        error = str(answer.get("error", ""))[:500]
        line = answer.get("line") if isinstance(answer.get("line"), int) else None
        output = str(answer.get("output", ""))[: self.limits.output_chars + 100]
        file = f"{exercise}.py"
        if kind in ("missing_function", "not_callable"):
            # Per function, not cached per exercise: its other functions may be fine.
            problem = ("has no function named" if kind == "missing_function"
                       else f"defines {function} as a {error}, not a function named")
            raise NotGradable(f"{file} {problem} {function}. Keep the function from the "
                              "starter file, with the same name.", exercise=exercise,
                              kind=kind)
        if kind == "raised":
            where = f" (line {line} of {file})" if line else ""
            raise StudentError(f"{shown} raised {error}{where}.", kind="raised", call=shown,
                               line=line, details=str(answer.get("traceback", "")),
                               output=output)
        if kind == "not_json":
            raise StudentError(
                f"{shown} returned a value that is not plain data: {error}.",
                kind="not_json", call=shown, output=output)
        raise StudentError(f"{shown} failed in the sandbox ({kind}: {error}).",
                           kind="garbage", call=shown, output=output)
