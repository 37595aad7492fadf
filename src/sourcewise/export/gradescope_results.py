"""Gradescope's ``results.json`` for one student, from the same result model.

Fields follow Gradescope's autograder specification: ``score``, ``execution_time``,
``output`` and ``tests`` (``name``, ``number``, ``score``, ``max_score``, ``status``,
``output``, ``tags``, ``visibility``). Visibility maps as:

* ``public`` -> ``visible``; ``after_due_date`` -> ``after_due_date``;
* ``hidden`` -> ``after_published``, with the output reduced to what the feedback files show
  for hidden checks (score and items right, never the sentences). Gradescope's own
  ``hidden`` would hide the student's total score as well, so it is not used.
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
        data.update(score=0.0, tests=[], output=f"Not graded: {record.message}{notes}")
        return data
    data["score"] = round(result.points, 4)
    data["output"] = (f"Total: {format_points(result.points)} of "
                      f"{format_points(result.max_points)} points." + notes)
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
