"""Gradescope's ``results.json`` for one student, from the same result model.

Fields follow Gradescope's autograder specification: ``score``, ``execution_time``,
``output`` and ``tests`` (``name``, ``number``, ``score``, ``max_score``, ``status``,
``output``, ``tags``, ``visibility``). Visibility maps as:

* ``public`` -> ``visible``; ``after_due_date`` -> ``after_due_date``;
* ``hidden`` -> ``after_published``, with the output reduced to what the feedback files show
  for hidden checks (score and items right, never the sentences). Gradescope's own
  ``hidden`` is for tests that count no points, so it is not used.

Gradescope's specification says that while test cases are hidden from a student, the
student cannot see their total score: with hidden checks, students see their total once
grades are published. The top-level ``output`` therefore gives only the points of the
checks the student can see now, and says that the rest come with publication.

A submission that was not graded (nothing to grade, an unsafe zip, a failed grader) gets
one visible test that says why and what to do, rather than a bare 0 with no tests.
"""

from __future__ import annotations

import math
import os
import tempfile
from pathlib import Path
from typing import Any

from sourcewise.export.class_results import EXERCISE_ORDER, Graded, format_points
from sourcewise.export.document import to_markdown
from sourcewise.export.feedback import check_blocks
from sourcewise.grading.safe_text import dump_json

VISIBILITY = {"public": "visible", "after_due_date": "after_due_date",
              "hidden": "after_published"}


def results_json(graded: Graded) -> dict[str, Any]:
    """The ``results.json`` document of one student."""
    record, result = graded.record, graded.result
    data: dict[str, Any] = {
        "execution_time": math.ceil(record.seconds),
        "output_format": "md",
        "test_output_format": "md",
        "stdout_visibility": "hidden",
    }
    notes = "".join(f"\n- {note}" for note in record.notes)
    if result is None:
        message = not_graded_message(record.status, record.message)
        data.update(score=0.0, output=message + notes, tests=[{
            "name": "Your submission could not be graded", "number": "0.1", "score": 0.0,
            "max_score": 0.0, "status": "failed", "output": message, "tags": [],
            "visibility": "visible"}])
        return data
    data["score"] = round(result.points, 4)
    data["output"] = total_line(graded) + notes
    numbers: dict[str, int] = {}
    tests = []
    for check in graded.checks():
        numbers[check.exercise] = numbers.get(check.exercise, 0) + 1
        tests.append({
            "name": check.description,
            "number": f"{EXERCISE_ORDER.get(check.exercise, 0)}.{numbers[check.exercise]}",
            "score": round(check.points, 4),
            "max_score": round(check.max_points, 4),
            "status": "passed" if check.status == "passed" else "failed",
            "output": to_markdown(check_blocks(check)),
            "tags": [check.exercise],
            "visibility": VISIBILITY.get(check.visibility, "after_published"),
        })
    data["tests"] = tests
    return data


# What the student can do, by the status of a submission that was not graded.
NEXT_STEP = {
    "empty": "Upload your exercise files (such as split_sentences.py), or one zip of them, "
             "and submit again.",
    "rejected": "Upload your exercise files again as plain .py files, or as one ordinary zip "
                "of them, and submit again.",
}


def not_graded_message(status: str, message: str) -> str:
    """Why a submission earned no points yet, and what the student can do about it."""
    reason = message.strip() or "it could not be read"
    text = f"Not graded, so no points yet: {reason.rstrip('.')}."
    step = NEXT_STEP.get(status)
    return f"{text} {step}" if step and "again" not in reason.lower() else text


def total_line(graded: Graded) -> str:
    """The total a student may see now: with hidden checks, only the visible checks' points
    (Gradescope shows the whole total once grades are published)."""
    result = graded.result
    assert result is not None
    later = [check for check in result.checks
             if VISIBILITY.get(check.visibility, "after_published") != "visible"]
    if not later:
        return (f"Total: {format_points(result.points)} of "
                f"{format_points(result.max_points)} points.")
    seen = [check for check in result.checks if check not in later]
    points = sum(check.points for check in seen)
    possible = sum(check.max_points for check in seen)
    hidden = sum(check.max_points for check in later)
    return (f"Checks you can see now: {format_points(points)} of {format_points(possible)} "
            f"points. {len(later)} more check{'s' * (len(later) != 1)}, worth "
            f"{format_points(hidden)} points, show with your total once your instructor "
            "publishes the grades.")


def write_results_json(graded: Graded, path: Path) -> Path:
    """Write the student's ``results.json`` to ``path``, atomically (a temporary file in
    the same folder, then a rename): never a partial file, and always valid UTF-8 JSON
    whatever the student's code produced (see ``dump_json``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = dump_json(results_json(graded), indent=2) + "\n"
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
