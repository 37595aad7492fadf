"""The class's stored records with their engine results: the single input of every output.

Each record holds the engine's ``SubmissionResult`` as JSON (graded submissions) or only a
status and a message (submissions that could not be graded). Every writer in this package
reads the class through ``load_class``, so all outputs agree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sourcewise.batch.store import Record
from sourcewise.exercises.catalogue import EXERCISES
from sourcewise.grading.results import CheckResult, SubmissionResult

EXERCISE_ORDER = {e.name: e.number for e in EXERCISES}


@dataclass(frozen=True)
class Graded:
    """A student's record and, when the submission was graded, its result."""

    record: Record
    result: SubmissionResult | None

    @property
    def points(self) -> float | None:
        return None if self.result is None else self.result.points

    def exercise_points(self) -> dict[str, float]:
        """Points earned per exercise (empty when not graded)."""
        if self.result is None:
            return {}
        return {s.name: s.points for s in self.result.exercises()}

    def checks(self) -> list[CheckResult]:
        """The result's checks, in catalogue order of their exercise."""
        if self.result is None:
            return []
        return sorted(self.result.checks, key=lambda c: EXERCISE_ORDER.get(c.exercise, 99))


@dataclass(frozen=True)
class ClassResults:
    """Every student of the run, in the order of their keys."""

    students: tuple[Graded, ...]

    def points_possible(self) -> dict[str, float]:
        """Points possible per exercise, from the graded results (catalogue order)."""
        found: dict[str, float] = {}
        for graded in self.students:
            if graded.result is not None:
                for summary in graded.result.exercises():
                    found[summary.name] = max(found.get(summary.name, 0.0), summary.max_points)
        return dict(sorted(found.items(), key=lambda item: EXERCISE_ORDER.get(item[0], 99)))

    @property
    def total_possible(self) -> float:
        return round(sum(self.points_possible().values()), 6)


def load_class(records: list[Record],
               parsed: dict[str, Graded] | None = None) -> ClassResults:
    """Parse each record's stored result; records come back sorted by key.

    ``parsed``: students already parsed (``parse_record``), used when their record is the
    very same object."""
    students = []
    for record in sorted(records, key=lambda r: r.key):
        known = (parsed or {}).get(record.key)
        students.append(known if known is not None and known.record is record
                        else parse_record(record))
    return ClassResults(tuple(students))


def parse_record(record: Record) -> Graded:
    """A record with its stored result parsed. The parsed record no longer carries the
    result's JSON: a class holds each result once, as objects."""
    if record.status != "graded" or record.result is None:
        return Graded(record, None)
    result = record.result
    if not isinstance(result, SubmissionResult):
        result = SubmissionResult.from_json(result)
    return Graded(replace(record, result=None), result)


def format_points(value: float) -> str:
    """Points as people write them: ``7``, ``7.5``, ``7.33``."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
