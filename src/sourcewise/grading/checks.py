"""What a check is (its markers), the ``grade`` fixture's object, and how a check is scored."""

from __future__ import annotations

import inspect
import math
from dataclasses import dataclass, field

import pytest

from sourcewise.grading.bounds import bounded, cut_text
from sourcewise.grading.display import plural
from sourcewise.grading.failures import Failure, NotGradable, StudentError, TimeLimitReached
from sourcewise.grading.proxy import Budget
from sourcewise.grading.results import MISSING, VISIBILITIES, CheckResult, ItemResult, split_got
from sourcewise.grading.site_url import page_url

MAX_OUTPUT = 4000


class CheckDefinitionError(Exception):
    """A check's markers are wrong (a mistake in the checks, not in the submission)."""


def lesson_url(site_url: str | None, page: str) -> str | None:
    """``lessons/framing.md#loaded`` -> ``<site_url>lessons/framing/#loaded`` (MkDocs URLs);
    None when the course has no site address."""
    return page_url(site_url, page) if site_url else None


def _marker_arg(item: pytest.Item, name: str) -> object:
    marker = item.get_closest_marker(name)
    if marker is None:
        return None
    if len(marker.args) != 1 or marker.kwargs:
        raise CheckDefinitionError(f"{item.nodeid}: @pytest.mark.{name} takes exactly one "
                                   "argument")
    return marker.args[0]


@dataclass(frozen=True)
class CheckSpec:
    """A check's metadata, read from its markers and docstring at collection."""

    nodeid: str
    name: str
    function: str  # the test function's name, without parameters
    exercise: str
    points: float
    visibility: str
    hint: str | None
    lesson: str | None
    depends: tuple[str, ...]
    description: str

    @classmethod
    def from_item(cls, item: pytest.Item) -> CheckSpec | None:
        """The spec of a check, None for an ordinary test; raises CheckDefinitionError."""
        exercise = _marker_arg(item, "exercise")
        if exercise is None:
            if "student" in getattr(item, "fixturenames", ()):
                raise CheckDefinitionError(f"{item.nodeid} uses the student fixture but has "
                                           "no @pytest.mark.exercise(name)")
            return None
        if not isinstance(exercise, str) or not exercise.isidentifier():
            raise CheckDefinitionError(f"{item.nodeid}: exercise must be a module name, "
                                       f"not {exercise!r}")
        points = _marker_arg(item, "points")
        points = 1 if points is None else points
        if isinstance(points, bool) or not isinstance(points, int | float) or not (
                math.isfinite(points) and points >= 0):
            raise CheckDefinitionError(f"{item.nodeid}: points must be a number >= 0, "
                                       f"not {points!r}")
        visibility = _marker_arg(item, "visibility") or "public"
        if visibility not in VISIBILITIES:
            raise CheckDefinitionError(f"{item.nodeid}: visibility must be one of "
                                       f"{', '.join(VISIBILITIES)}, not {visibility!r}")
        hint, lesson = _marker_arg(item, "hint"), _marker_arg(item, "lesson")
        for label, value in (("hint", hint), ("lesson", lesson)):
            if value is not None and not isinstance(value, str):
                raise CheckDefinitionError(f"{item.nodeid}: {label} must be a string")
        depends: list[str] = []
        for marker in item.iter_markers("depends"):
            if not marker.args or not all(isinstance(a, str) for a in marker.args):
                raise CheckDefinitionError(f"{item.nodeid}: depends takes check names")
            depends.extend(marker.args)
        function = getattr(item, "originalname", item.name)
        doc = inspect.getdoc(getattr(item, "function", None)) or ""
        description = " ".join(doc.split("\n\n", 1)[0].split()) or function.replace("_", " ")
        callspec = getattr(item, "callspec", None)
        if callspec is not None:
            description += f" [{callspec.id}]"
        return cls(item.nodeid, item.name, function, exercise, float(points), visibility,
                   hint, lesson, tuple(dict.fromkeys(depends)), description)


def order_by_dependencies(items: list[pytest.Item], specs: dict[str, CheckSpec],
                          ) -> tuple[list[pytest.Item], dict[str, list[str]]]:
    """Put each check after the checks it depends on; return the items and each check's
    dependency node ids. Raises CheckDefinitionError for unknown or circular names."""
    by_module: dict[str, dict[str, list[str]]] = {}
    for item in items:
        spec = specs.get(item.nodeid)
        if spec is not None:
            module = item.nodeid.split("::", 1)[0]
            by_module.setdefault(module, {}).setdefault(spec.function, []).append(item.nodeid)
    needs: dict[str, list[str]] = {}
    for nodeid, spec in specs.items():
        names = by_module.get(nodeid.split("::", 1)[0], {})
        needs[nodeid] = []
        for name in spec.depends:
            if name not in names:
                raise CheckDefinitionError(f"{nodeid}: depends on {name!r}, which is not a "
                                           "check in the same file")
            needs[nodeid].extend(names[name])
    position = {item.nodeid: index for index, item in enumerate(items)}
    ordered: list[pytest.Item] = []
    placed: set[str] = set()
    visiting: set[str] = set()
    by_id = {item.nodeid: item for item in items}

    def place(item: pytest.Item) -> None:
        if item.nodeid in placed:
            return
        if item.nodeid in visiting:
            raise CheckDefinitionError(f"{item.nodeid}: its dependencies form a circle")
        visiting.add(item.nodeid)
        for needed in sorted(needs.get(item.nodeid, []), key=position.__getitem__):
            place(by_id[needed])
        visiting.discard(item.nodeid)
        placed.add(item.nodeid)
        ordered.append(item)

    for item in items:
        place(item)
    return ordered, needs


class Grade:
    """The ``grade`` fixture: record items and set partial credit for one check."""

    def __init__(self) -> None:
        self.items: list[ItemResult] = []
        self.score: float | None = None
        self.reason: str | None = None

    def item(self, item_id: str, *, correct: bool, expected: object, got: object,
             why: str = "", text: str = "") -> None:
        """Record one item's outcome: which item, expected, got and why."""
        if not isinstance(correct, bool):
            raise TypeError(f"grade.item({item_id!r}): correct must be True or False")
        value, error = split_got(got)
        if value is not MISSING:
            value = bounded(value)
        self.items.append(ItemResult(str(item_id), correct, bounded(expected), value,
                                     error if error is None else cut_text(error),
                                     cut_text(str(why)), cut_text(str(text))))

    def set_score(self, fraction: float, reason: str | None = None) -> None:
        """Set this check's score explicitly, a fraction in [0, 1]."""
        if isinstance(fraction, bool) or not isinstance(fraction, int | float) or not (
                0 <= fraction <= 1):
            raise ValueError(f"grade.set_score: the score must be in [0, 1], not {fraction!r}")
        self.score = float(fraction)
        self.reason = reason


@dataclass
class CheckState:
    """What happened during one check, as seen by the fixtures."""

    budget: Budget
    grade: Grade = field(default_factory=Grade)
    not_gradable: NotGradable | None = None
    skip_reason: str | None = None
    time_limit: TimeLimitReached | None = None  # the submission's time ran out in it
    # Per student function called: what it gave, when that is what a starter gives
    # (``returns None``, ``returns []``, ``raises NotImplementedError``), else "other".
    returned: dict[str, set[str]] = field(default_factory=dict)

    def note_answers(self, function: str, answers: list[object]) -> None:
        seen = self.returned.setdefault(function, set())
        for answer in answers:
            seen.add(starter_outcome(answer))


STARTER_VALUES = (None, [], {}, False, "")


def starter_outcome(answer: object) -> str:
    """What an answer says about the function, in the words of "still returns None"."""
    if isinstance(answer, StudentError):
        if answer.kind == "raised" and "NotImplementedError" in answer.reason:
            return "raises NotImplementedError"
        return "other"
    for value in STARTER_VALUES:
        if type(answer) is type(value) and answer == value:
            return f"returns {value!r}"
    return "other"


def _number_too_large(error: BaseException | None) -> bool:
    """A check failed on a number too large for it (an int too big for a float, an
    infinity turned into an int, an int too long to turn into text)."""
    return isinstance(error, OverflowError) or (
        isinstance(error, ValueError) and "integer string conversion" in str(error))


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


def score_check(spec: CheckSpec, state: CheckState, excinfo: pytest.ExceptionInfo | None,
                details: str, site_url: str | None, duration: float) -> CheckResult:
    """Turn how a check ended into its result (status, score, points, feedback)."""
    result = CheckResult(
        spec.nodeid, spec.name, spec.exercise, spec.description, "failed", 0.0, 0.0,
        spec.points, spec.visibility, hint=spec.hint, lesson=spec.lesson,
        lesson_url=lesson_url(site_url, spec.lesson) if spec.lesson else None,
        items=state.grade.items, details=details, duration=round(duration, 6),
        returned={name: sorted(seen) for name, seen in state.returned.items()},
        output="".join(state.budget.printed)[-MAX_OUTPUT:],
    )
    error = excinfo.value if excinfo is not None else None
    not_gradable = state.not_gradable or (error if isinstance(error, NotGradable) else None)
    if not_gradable is not None:
        result.status, result.reason = "not gradable", not_gradable.message
        if not_gradable.kind == "sandbox_error":
            result.grader_error = "sandbox"
        return result
    time_limit = state.time_limit or (error if isinstance(error, TimeLimitReached) else None)
    if time_limit is not None:
        result.status, result.reason = "skipped", time_limit.reason
        result.items = []  # graded on what ran: this check did not run to its end
        return result
    if excinfo is not None and excinfo.errisinstance(pytest.skip.Exception):
        result.status = "skipped"
        result.reason = state.skip_reason or str(excinfo.value.msg)
        return result
    if error is None:
        grade = state.grade
        if grade.score is not None:
            result.score = grade.score
        elif grade.items:
            result.score = sum(item.correct for item in grade.items) / len(grade.items)
        else:
            result.score = 1.0
        if grade.reason:
            result.reason = grade.reason
        elif grade.items and result.score < 1:
            right = sum(item.correct for item in grade.items)
            result.reason = f"{right} of {plural(len(grade.items), 'item')} correct."
        result.status = "passed" if result.score == 1 else "failed"
    elif isinstance(error, Failure):
        result.reason = error.reason
        result.hint = error.hint or spec.hint
        result.expected = error.expected
        result.got, result.got_error = split_got(error.got)
        if isinstance(error, StudentError):
            result.details = "\n".join(filter(None, [error.details, details]))
    elif excinfo.errisinstance(pytest.fail.Exception):
        result.reason = str(excinfo.value.msg)
    elif isinstance(error, AssertionError):
        result.reason = "This check's condition was not met (run pytest -v for the details)."
    elif _number_too_large(error):
        # Only the student's values can be this large: their error, not the grader's.
        result.reason = (f"Your function's answer holds a number too large to work with "
                         f"({type(error).__name__}: {_first_line(str(error))[:200]}). Return "
                         "ordinary numbers, not huge or infinite ones.")
    else:
        result.reason = (f"The check could not finish: {type(error).__name__}: "
                         f"{_first_line(str(error))[:200]}. This can mean your function "
                         "returned a value of an unexpected type.")
        result.grader_error = "check"
    result.points = round(result.score * spec.points, 6)
    return bound_check(result)


def bound_check(result: CheckResult) -> CheckResult:
    """Cut what the result keeps of the student's values and texts (see bounds)."""
    if result.got is not MISSING:
        result.got = bounded(result.got)
    if result.expected is not MISSING:
        result.expected = bounded(result.expected)
    if result.reason:
        result.reason = cut_text(result.reason)
    if result.got_error:
        result.got_error = cut_text(result.got_error)
    return result
