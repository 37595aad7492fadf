"""Prove the exercises are sound before anything ships: the reference solutions score full
marks and the untouched starters score zero, on every check, public and hidden, graded by
the real engine in the sandbox. A check that breaks on the grader's side (``grader_error``)
or fails without a message is a problem too.
"""

from __future__ import annotations

from dataclasses import dataclass

from sourcewise.batch.grader import GradingSetup
from sourcewise.batch.project import Project
from sourcewise.exercises.catalogue import EXERCISES
from sourcewise.export.class_results import format_points
from sourcewise.grading.api import grade_submission
from sourcewise.grading.results import SubmissionResult


@dataclass(frozen=True)
class Verification:
    solutions: SubmissionResult
    starters: SubmissionResult
    problems: tuple[str, ...]

    @property
    def sound(self) -> bool:
        return not self.problems


def verify_exercises(project: Project, sandbox: str = "require") -> Verification:
    """Grade the solutions and the starters with every check; list what is wrong."""
    missing = [str(p.relative_to(project.root)) for e in EXERCISES
               for p in (project.solution(e.name), project.starter(e.name)) if not p.is_file()]
    setup = GradingSetup(str(project.root), include_hidden=True, sandbox=sandbox)
    checks = setup.check_paths()
    solutions = grade_submission(project.solutions, checks, setup.options())
    starters = grade_submission(project.exercises, checks, setup.options())
    problems = [f"missing: {path}" for path in missing]
    problems += _problems(solutions, "reference solution", full=True)
    problems += _problems(starters, "starter", full=False)
    return Verification(solutions, starters, tuple(problems))


def _problems(result: SubmissionResult, what: str, full: bool) -> list[str]:
    found = []
    graded = {summary.name for summary in result.exercises()}
    found += [f"{what} of {e.name}: no check graded it" for e in EXERCISES
              if e.name not in graded]
    for check in result.checks:
        where = f"{what} of {check.exercise}, check {check.name}"
        if check.grader_error:
            found.append(f"{where}: the grader broke ({check.grader_error}): {check.reason}")
        elif full and check.status != "passed":
            found.append(f"{where}: {check.status}, {format_points(check.points)} of "
                         f"{format_points(check.max_points)} points: {check.reason}")
        elif not full and check.points > 0:
            found.append(f"{where}: scores {format_points(check.points)} of "
                         f"{format_points(check.max_points)} points, expected 0")
        elif not full and not check.reason:
            found.append(f"{where}: fails without a message for the student")
    return found
