"""Grade one Gradescope submission (``run_autograder`` calls this inside the container).

Usage: ``python -m sourcewise.export.gradescope_run --root /autograder --project DIR``.
It reads ``ROOT/submission`` with the same safe reader as batch grading, grades it with
every check (public and hidden) in the sandbox, and writes ``ROOT/results/results.json``
with the same writer as ``sourcewise grade``. It always writes that file, whatever goes
wrong, so Gradescope never reports a bare "autograder failed".

The sandbox is required: when bubblewrap cannot start (a container without the right to
create namespaces), nothing is graded and ``results.json`` says why and what to do. Only
``--sandbox auto`` (``sourcewise export gradescope --allow-sandbox-fallback``) lets the weak
fallback grade, and then ``results.json`` says that too.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from dataclasses import replace
from pathlib import Path

from sourcewise.batch.grader import GradingSetup, grade_one
from sourcewise.batch.intake import READY, read_submission
from sourcewise.batch.project import Project
from sourcewise.batch.roster import Student
from sourcewise.batch.store import Record
from sourcewise.export.class_results import load_class
from sourcewise.export.gradescope_results import write_results_json
from sourcewise.grading.api import SandboxUnavailable
from sourcewise.grading.site_url import course_site_url

NO_SANDBOX = ("the autograder could not start its sandbox, so none of your code was run; "
              "your instructor has to fix the autograder, then your submission can be "
              "regraded. For the instructor: {reason}. Gradescope must let bubblewrap create "
              "namespaces; to grade without isolation instead (student code could then read "
              "what the grader's files allow), export again with "
              "--allow-sandbox-fallback")
FALLBACK_NOTE = ("graded WITHOUT the sandbox: bubblewrap could not start ({reason}), and "
                 "the autograder was exported with --allow-sandbox-fallback")


def student_of(root: Path) -> Student:
    """The student named in Gradescope's submission metadata, if it can be read."""
    try:
        metadata = json.loads((root / "submission_metadata.json").read_text(encoding="utf-8"))
        user = metadata["users"][0]
        return Student(id=str(user.get("email") or user.get("sid") or "student"),
                       name=str(user.get("name", "")))
    except (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError):
        return Student.unlisted("student")


def grade_gradescope_submission(root: Path, project: Path, sandbox: str,
                                site_url: str | None) -> Record:
    """Read and grade ``root/submission``; every outcome becomes a record."""
    started = time.monotonic()
    submission = read_submission(root / "submission", student_of(root))
    record = Record(key="submission", student=submission.student, origins=("submission",),
                    status=submission.status, message=submission.message,
                    notes=submission.notes)
    if submission.status != READY:
        return record
    setup = GradingSetup(str(Project.locate(project).root), True, sandbox, site_url)
    try:
        result = grade_one(submission, setup)
    except SandboxUnavailable as error:
        print(f"sourcewise: {error}", file=sys.stderr)
        return replace(record, status="error",
                       message=NO_SANDBOX.format(reason=str(error).rstrip(".")[:600]))
    warning = (result.sandbox or {}).get("warning")
    if warning:
        print(f"sourcewise: {warning}", file=sys.stderr)
        reason = str(warning).removeprefix("WARNING: ").split(", so student code")[0]
        record = replace(record, notes=(FALLBACK_NOTE.format(reason=reason), *record.notes))
    return replace(record, status="graded", result=result.to_json(),
                   seconds=time.monotonic() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sourcewise.export.gradescope_run")
    parser.add_argument("--root", type=Path, default=Path("/autograder"))
    parser.add_argument("--project", type=Path, required=True)
    parser.add_argument("--sandbox", default="require", choices=("auto", "require"),
                        help="require (default): bubblewrap or grade nothing, saying why in "
                             "results.json; auto: fall back to a limited process, noted "
                             "in results.json")
    parser.add_argument("--site-url", default="",
                        help="default: [tool.sourcewise] site-url of the project, else no links")
    args = parser.parse_args(argv)
    try:
        site_url = course_site_url(args.project, args.site_url)
        record = grade_gradescope_submission(args.root, args.project, args.sandbox, site_url)
    except Exception as error:  # never leave Gradescope without a results.json
        traceback.print_exc()
        record = Record(key="submission", student=Student.unlisted("student"),
                        origins=("submission",), status="error",
                        message=f"the autograder failed ({type(error).__name__}: "
                                f"{str(error)[:300]}); your instructor can see the details "
                                "and will regrade")
    (graded,) = load_class([record]).students
    write_results_json(graded, args.root / "results" / "results.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
