"""Grade the fixture submissions of a judgment exercise (3, 4, 6, 7) through the real engine.

The meta-tests of each exercise share this: one grading session per exercise grades the
reference solution, the untouched starter and the three fixture submissions (hard-coded,
partial, trivial) with the public and the hidden checks, in sandboxed workers, as a grader
would.
"""

from __future__ import annotations

import functools
from pathlib import Path

from sourcewise.grading.api import grade_submissions
from sourcewise.grading.results import CheckResult, SubmissionResult

ROOT = Path(__file__).parents[2]
SUBMISSIONS = Path(__file__).with_name("submissions")
KINDS = {
    "solution": ROOT / "instructor" / "solutions",
    "starter": ROOT / "exercises",
    "hardcoded": SUBMISSIONS / "hardcoded",
    "partial": SUBMISSIONS / "partial",
    "trivial": SUBMISSIONS / "trivial",
}


@functools.cache
def graded(name: str) -> dict[str, SubmissionResult]:
    """Each kind of submission for exercise ``name``, graded with its public and hidden checks."""
    checks = [ROOT / "exercises" / f"test_{name}.py",
              ROOT / "instructor" / "hidden" / f"test_{name}_hidden.py"]
    results = grade_submissions(KINDS.values(), checks)
    return dict(zip(KINDS, results, strict=True))


def checks_of(result: SubmissionResult, visibility: str | None = None) -> list[CheckResult]:
    return [c for c in result.checks if visibility is None or c.visibility == visibility]


def fraction(result: SubmissionResult, visibility: str | None = None) -> float:
    """Points earned over points possible, for the public or hidden checks or all of them."""
    checks = checks_of(result, visibility)
    return sum(c.points for c in checks) / sum(c.max_points for c in checks)


def item_notes(result: SubmissionResult, visibility: str | None = None) -> list[str]:
    """Every item's feedback line ("why") across the checks."""
    return [item.why for check in checks_of(result, visibility) for item in check.items]


def expect_full_marks(result: SubmissionResult) -> None:
    """Every public and hidden check passed with its full points."""
    assert {c.visibility for c in result.checks} == {"public", "hidden"}
    failed = [(c.name, c.reason) for c in result.checks if c.status != "passed"]
    assert failed == []
    assert fraction(result) == 1.0


def expect_clean_zero(result: SubmissionResult) -> None:
    """Every check scored 0 and failed with its own message, none by a grader-side error."""
    for check in result.checks:
        assert check.points == 0, check.name
        assert check.status == "failed", (check.name, check.status, check.reason)
        assert check.reason.strip(), check.name
        assert check.grader_error is None, (check.name, check.details)
        assert "internal error" not in check.reason.lower(), check.name


def expect_hidden_catches_hard_coding(result: SubmissionResult) -> None:
    """The hard-coded answers do well on the article and under half on the hidden checks."""
    assert fraction(result, "hidden") < 0.5
    assert fraction(result, "public") > 0.5


def expect_clearly_below_pass(result: SubmissionResult, pass_fraction: float) -> None:
    """A blanket strategy scores under half the pass mark, on the hidden checks and overall."""
    assert fraction(result, "hidden") <= pass_fraction / 2
    assert fraction(result) <= pass_fraction / 2
