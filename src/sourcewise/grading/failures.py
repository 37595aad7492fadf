"""The exceptions checks use and see: Failure, StudentError and NotGradable."""

from __future__ import annotations


class _Missing:
    """The ``expected``/``got`` of a Failure that did not give one."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING = _Missing()


class Failure(Exception):
    """Fail a check with a teaching message (and optionally a hint, expected and got)."""

    def __init__(self, reason: str, *, hint: str | None = None, expected: object = MISSING,
                 got: object = MISSING) -> None:
        super().__init__(reason)
        self.reason = reason
        self.hint = hint
        self.expected = expected
        self.got = got

    def __str__(self) -> str:
        return self.reason


class StudentError(Failure):
    """A call to the student's code raised, timed out, crashed or returned non-JSON data.

    ``kind`` is one of ``raised``, ``timeout``, ``crashed``, ``not_json``, ``garbage``
    (the answer channel carried something that is not an answer) or ``out_of_time`` (the
    check's or submission's time budget was already spent). ``details`` holds the
    student's traceback or the worker's last output, for ``-v``; ``output`` is what the
    call printed.
    """

    def __init__(self, reason: str, *, kind: str, call: str, line: int | None = None,
                 details: str = "", output: str = "") -> None:
        super().__init__(reason)
        self.kind = kind
        self.call = call
        self.line = line
        self.details = details
        self.output = output


class TimeLimitReached(Exception):
    """The submission's time (``submission_timeout``: its loads and calls together) is
    spent, so a check could not run to its end. The check is reported "not run: time
    limit" with zero points, even if it catches this; checks that ran keep their points."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"the submission's {seconds:g} s were spent")
        self.seconds = seconds

    @property
    def reason(self) -> str:
        return (f"Not run: time limit. Your code had used all {self.seconds:g} s allowed for "
                "the whole submission (loading your files counts too), so this check could "
                "not run. Look for slow code outside your functions, or an endless loop.")


class NotGradable(Exception):
    """The submission cannot be graded for this exercise; the message says what to fix.

    Checks must not catch it. The check is reported as "not gradable" with zero points
    even if they do, because the ``student`` fixture records it.
    """

    def __init__(self, message: str, *, exercise: str, kind: str) -> None:
        super().__init__(message)
        self.message = message
        self.exercise = exercise
        self.kind = kind

    def __str__(self) -> str:
        return self.message
