"""Grade a student repository inside GitHub Actions and report points to GitHub Classroom.

Usage (the workflow's grading step)::

    python -m sourcewise.export.classroom_run --output "$GITHUB_OUTPUT" \\
        --summary "$GITHUB_STEP_SUMMARY"

It grades ``exercises/`` with the public checks in the sandbox and appends ``result=...`` to
the step outputs: base64 JSON in the protocol of GitHub Classroom's grader actions
(``version``, ``status``, ``max_score``, ``tests`` with ``name``, ``status``, ``score``,
``message``, ``filename``, ``line_no``, ``duration``), which the reporter action sums into
"Points X/Y". Scores are rounded to quarter points, which add up exactly in the reporter's
floating-point sum. The step summary gets the same Markdown feedback as ``sourcewise grade``.
The command always exits 0 after writing its result, so the reporter always runs.
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
from sourcewise.export.class_results import Graded
from sourcewise.export.document import to_markdown
from sourcewise.export.feedback import feedback_blocks
from sourcewise.grading.results import SubmissionResult
from sourcewise.grading.site_url import course_site_url

STATUS = {"passed": "pass", "failed": "fail", "skipped": "fail", "not gradable": "error"}


def quarter(points: float) -> float:
    """Points rounded to the nearest quarter (exact in binary floating point)."""
    return round(points * 4) / 4


def classroom_payload(result: SubmissionResult | None, message: str = "") -> dict[str, Any]:
    """The grader-action result for GitHub Classroom's reporter."""
    if result is None:
        return {"version": 1, "status": "error", "max_score": 0,
                "tests": [{"name": "Sourcewise", "status": "error", "score": 0,
                           "message": message, "test_code": "", "filename": "",
                           "line_no": 0, "duration": 0}]}
    tests = [{
        "name": check.description,
        "status": STATUS.get(check.status, "fail"),
        "score": quarter(check.points),
        "message": check.reason,
        "test_code": "",
        "filename": f"exercises/test_{check.exercise}.py",
        "line_no": 0,
        "duration": round(check.duration * 1000),
    } for check in result.checks]
    passed = all(check.status == "passed" for check in result.checks)
    return {"version": 1, "status": "pass" if passed else "fail",
            "max_score": quarter(result.max_points), "tests": tests}


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
    parser.add_argument("--sandbox", default="auto", choices=("auto", "require"))
    parser.add_argument("--site-url", default="",
                        help="default: [tool.sourcewise] site-url of the repository, else no "
                             "links")
    args = parser.parse_args(argv)
    try:
        site_url = course_site_url(args.repository, args.site_url)
        graded = grade_repository(args.repository, args.sandbox, site_url)
        payload = classroom_payload(graded.result, graded.record.message)
        feedback = to_markdown(feedback_blocks(graded))
    except Exception as error:  # the reporter must still get a result
        traceback.print_exc()
        message = f"grading failed ({type(error).__name__}: {str(error)[:300]})"
        payload, feedback = classroom_payload(None, message), f"Sourcewise: {message}\n"
    encoded = base64.b64encode(json.dumps(payload).encode()).decode()
    with args.output.open("a", encoding="utf-8") as stream:
        stream.write(f"result={encoded}\n")
    if args.summary:
        with args.summary.open("a", encoding="utf-8") as stream:
            stream.write(feedback)
    print(feedback)
    return 0


if __name__ == "__main__":
    sys.exit(main())
