"""One submission's grading run, and the ``student`` object checks call.

A ``GradingRun`` lives for one submission: it owns the sandboxed ``SubmissionSession``
(started lazily on the first call, closed at the end) and collects the checks' results
into a ``SubmissionResult``.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import UTC, datetime

from sourcewise.grading.checks import CheckState
from sourcewise.grading.failures import NotGradable, StudentError, TimeLimitReached
from sourcewise.grading.options import GradingOptions
from sourcewise.grading.plan import SandboxPlan
from sourcewise.grading.proxy import SubmissionSession
from sourcewise.grading.results import CheckResult, SubmissionResult
from sourcewise.grading.submission import Submission


class GradingRun:
    def __init__(self, submission: Submission | None, missing: str | None,
                 plan: SandboxPlan, options: GradingOptions, given: str = "") -> None:
        self.submission = submission
        self.given = given  # the path as given, for a submission that is missing
        self.missing = missing  # the message when there is no submission to grade
        self.plan = plan
        self.options = options
        self.session: SubmissionSession | None = None
        self.results: dict[str, CheckResult] = {}
        self.started = datetime.now(UTC)
        self.clock = time.monotonic()

    def _session(self, exercise: str) -> SubmissionSession:
        if self.submission is None:
            raise NotGradable(self.missing or "There is no submission to grade.",
                              exercise=exercise, kind="missing_file")
        if self.session is None:
            self.session = SubmissionSession(self.submission, self.plan, self.options)
        return self.session

    def call(self, exercise: str, function: str, args: tuple, kwargs: dict,
             state: CheckState) -> object:
        try:
            value = self._session(exercise).call(exercise, function, args, kwargs,
                                                 state.budget)
        except StudentError as error:
            state.note_answers(function, [error])
            raise
        except NotGradable as error:
            state.not_gradable = error  # recorded even if the check catches it
            raise
        except TimeLimitReached as error:
            state.time_limit = error  # likewise
            raise
        state.note_answers(function, [value])
        return value

    def call_many(self, exercise: str, function: str, calls: list[list],
                  state: CheckState) -> list[object]:
        try:
            answers = self._session(exercise).call_many(exercise, function, calls,
                                                        state.budget)
        except NotGradable as error:
            state.not_gradable = error
            raise
        except TimeLimitReached as error:
            state.time_limit = error
            raise
        state.note_answers(function, answers)
        return answers

    def close(self) -> None:
        """Close the sandbox and remove the staging copy (also when grading failed)."""
        if self.session is not None:
            self.session.close()
            self.session = None

    def finish(self, order: list[str]) -> SubmissionResult:
        """Close the sandbox and return the result, checks in ``order`` (node ids)."""
        notes: list[str] = []
        if self.session is not None:
            notes = self.session.notes
            self.session.close()
            self.session = None
        description = {**self.plan.to_json(), "description": self.plan.describe()}
        return SubmissionResult(
            submission=str(self.submission.path) if self.submission else self.given,
            checks=[self.results[nodeid] for nodeid in order if nodeid in self.results],
            sandbox=description, started=self.started.isoformat(timespec="seconds"),
            duration=time.monotonic() - self.clock, notes=notes,
        )


class StudentFunction:
    def __init__(self, student: Student, name: str) -> None:
        self._student = student
        self._name = name

    def __call__(self, *args: object, **kwargs: object) -> object:
        student = self._student
        return student._run.call(student._exercise, self._name, args, kwargs, student._state)

    def map(self, *iterables: Iterable[object]) -> list[object]:
        """Call the function once per argument tuple, like the builtin ``map``:
        ``student.fn.map(texts)`` calls ``fn(text)`` for each text, ``student.fn.map(texts,
        dates)`` calls ``fn(text, date)``; the iterables must have the same length.

        The calls go to the sandbox in one round trip. Returns, per call, its value or the
        ``StudentError`` it raised (returned, not raised), exactly as single calls would
        give them; ``NotGradable`` is raised.
        """
        if not iterables:
            raise TypeError("map() needs at least one iterable of arguments")
        calls = [list(args) for args in zip(*iterables, strict=True)]
        student = self._student
        return student._run.call_many(student._exercise, self._name, calls, student._state)

    def __repr__(self) -> str:
        return f"<student function {self._student._exercise}.{self._name}>"


class Student:
    """The ``student`` fixture: ``student.fn(*args)`` calls the student's ``fn`` in the
    sandbox and returns plain JSON data. Private names start with ``_`` so that every
    public name reaches a student function."""

    def __init__(self, run: GradingRun, exercise: str, state: CheckState) -> None:
        self._run = run
        self._exercise = exercise
        self._state = state

    def __getattr__(self, name: str) -> StudentFunction:
        if name.startswith("_"):
            raise AttributeError(name)
        return StudentFunction(self, name)

    def __repr__(self) -> str:
        return f"<student {self._exercise}.py>"
