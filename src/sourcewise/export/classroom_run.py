"""Grade a student repository inside GitHub Actions and report points to GitHub Classroom.

Usage (the workflow's grading step)::

    python -m sourcewise.export.classroom_run --output "$GITHUB_OUTPUT" \\
        --summary "$GITHUB_STEP_SUMMARY"

It grades ``exercises/`` with the public checks in the sandbox and appends two step outputs,
``earned=...`` and ``missed=...``: base64 JSON in the protocol of GitHub Classroom's grader
actions (``version``, ``status``, ``max_score``, ``tests`` with ``name``, ``status``,
``score``, ``message``, ``filename``, ``line_no``, ``duration``), one per runner of the
reporter action.

Why two runners: the reporter records the sum of the tests' ``score`` fields ("Points
X/Y"), but its console table scores each runner as passed tests / tests x ``max_score``,
which disagrees whenever a check earns part of its points. So the points are split: the
runner ``earned`` holds every check that earned points, each passed with the points it
earned, and its ``max_score`` is their sum; the runner ``missed`` holds every check that
missed points, each failed with score 0, and its ``max_score`` is the points missed. Both
ways of counting then give the same total, and a partly right check shows in both lists.
Scores are rounded to quarter points, which add up exactly in floating point. The step
summary gets the same Markdown feedback as ``sourcewise grade``, and the total Classroom
records. The command always exits 0 after writing its results, so the reporter always runs.
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
import traceback
from pathlib import Path
from typing import Any

from sourcewise.batch.grader import GradingSetup, grade_one
from sourcewise.batch.intake import READY, read_submission
from sourcewise.batch.project import Project
from sourcewise.batch.roster import Student
from sourcewise.batch.store import Record
from sourcewise.export.class_results import Graded, format_points
from sourcewise.export.document import to_markdown
from sourcewise.export.feedback import feedback_blocks
from sourcewise.grading.results import SubmissionResult
from sourcewise.grading.site_url import course_site_url


def quarter(points: float) -> float:
    """Points rounded to the nearest quarter (exact in binary floating point)."""
    return round(points * 4) / 4


RUNNERS = ("earned", "missed")


def _test(name: str, status: str, score: float, message: str, exercise: str,
          duration: float) -> dict[str, Any]:
    return {"name": name, "status": status, "score": score, "message": message,
            "test_code": "", "filename": f"exercises/test_{exercise}.py" if exercise else "",
            "line_no": 0, "duration": round(duration * 1000)}


def classroom_payloads(result: SubmissionResult | None,
                       message: str = "") -> dict[str, dict[str, Any]]:
    """The results of the reporter's two runners, ``earned`` and ``missed`` (see above)."""
    if result is None:
        placeholder = _test("Nothing graded", "fail", 0, message, "", 0)
        return {"earned": {"version": 1, "status": "fail", "max_score": 0,
                           "tests": [placeholder]},
                "missed": {"version": 1, "status": "error", "max_score": 0,
                           "tests": [{**placeholder, "name": "Sourcewise",
                                      "status": "error"}]}}
    earned, missed = [], []
    for check in result.checks:
        got, possible = quarter(check.points), quarter(check.max_points)
        if got > 0:
            earned.append(_test(f"{check.description} ({format_points(got)} of "
                                f"{format_points(possible)} points)", "pass", got, "",
                                check.exercise, check.duration))
        if possible - got > 0:
            status = "error" if check.status == "not gradable" else "fail"
            missed.append(_test(f"{check.description} ({format_points(possible - got)} "
                                "points missed)", status, 0, check.reason, check.exercise,
                                check.duration))
    earned_points = sum(test["score"] for test in earned)
    missed_points = quarter(result.max_points) - earned_points
    if not earned:
        earned = [_test("No points earned yet", "fail", 0, "", "", 0)]
    if not missed:
        missed = [_test("No points missed", "pass", 0, "", "", 0)]
    return {
        "earned": {"version": 1, "status": "pass", "max_score": earned_points,
                   "tests": earned},
        "missed": {"version": 1, "status": "fail" if missed_points else "pass",
                   "max_score": missed_points, "tests": missed},
    }


def classroom_total(payloads: dict[str, dict[str, Any]]) -> tuple[float, float]:
    """The points and the maximum that Classroom records for these results."""
    return (sum(test["score"] for p in payloads.values() for test in p["tests"]),
            sum(p["max_score"] for p in payloads.values()))


def grade_repository(repository: Path, sandbox: str, site_url: str | None) -> Graded:
    """Grade ``repository/exercises`` with the public checks."""
    project = Project.locate(repository)
    submission = read_submission(project.exercises, Student.unlisted("you"))
    record = Record(key="you", student=submission.student, origins=("exercises",),
                    status=submission.status, message=submission.message,
                    notes=submission.notes)
    if submission.status != READY:
        return Graded(record, None)
    setup = GradingSetup(str(project.root), include_hidden=False, sandbox=sandbox,
                         site_url=site_url)
    return Graded(record, grade_one(submission, setup))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sourcewise.export.classroom_run")
    parser.add_argument("--repository", type=Path, default=Path.cwd())
    parser.add_argument("--output", type=Path, required=True, help="$GITHUB_OUTPUT")
    parser.add_argument("--summary", type=Path, help="$GITHUB_STEP_SUMMARY")
    parser.add_argument("--sandbox", default="require", choices=("auto", "require"),
                        help="require (default): bubblewrap or grade nothing; auto: fall "
                             "back to a limited process with a warning")
    parser.add_argument("--site-url", default="",
                        help="default: [tool.sourcewise] site-url of the repository, else no "
                             "links")
    args = parser.parse_args(argv)
    try:
        site_url = course_site_url(args.repository, args.site_url)
        graded = grade_repository(args.repository, args.sandbox, site_url)
        payloads = classroom_payloads(graded.result, graded.record.message)
        feedback = to_markdown(feedback_blocks(graded))
    except Exception as error:  # the reporter must still get a result
        traceback.print_exc()
        message = f"grading failed ({type(error).__name__}: {str(error)[:300]})"
        payloads, feedback = classroom_payloads(None, message), f"Sourcewise: {message}\n"
    points, possible = classroom_total(payloads)
    if possible:
        feedback += (f"\nGitHub Classroom records {format_points(points)} of "
                     f"{format_points(possible)} points for the public checks (each "
                     "check's points rounded to a quarter point).\n")
    with args.output.open("a", encoding="utf-8") as stream:
        for runner in RUNNERS:
            encoded = base64.b64encode(json.dumps(payloads[runner]).encode()).decode()
            stream.write(f"{runner}={encoded}\n")
    if args.summary:
        with args.summary.open("a", encoding="utf-8") as stream:
            stream.write(feedback)
    print(feedback)
    return 0


if __name__ == "__main__":
    sys.exit(main())
