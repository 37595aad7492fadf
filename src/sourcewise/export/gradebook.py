"""The gradebook as Canvas imports it (and a copy for Moodle), and a status file.

``gradebook.csv`` has Canvas's layout: ``Student``, ``ID``, ``SIS User ID``, ``SIS Login ID``,
``Section``, then one column per exercise (or one total column), and a second row
``Points Possible``. A submission that could not be graded has empty cells, never a
silent zero; why is in ``status.csv``, which lists every student
with their status, points and the message saying what to do.
"""

from __future__ import annotations

import csv
from pathlib import Path

from sourcewise.exercises.catalogue import get
from sourcewise.export.class_results import ClassResults, format_points
from sourcewise.grading.safe_text import csv_cell

IDENTITY = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
TOTAL_COLUMN = "Sourcewise (total)"
POINTS_POSSIBLE = "    Points Possible"  # as Canvas writes it in its own exports


def cell(text: str) -> str:
    """A text cell that a spreadsheet will not run as a formula (names come from students):
    see ``csv_cell`` for every prefix it defuses."""
    return csv_cell(text)


def exercise_column(name: str) -> str:
    """The gradebook column (and Canvas assignment) name of an exercise."""
    exercise = get(name)
    return f"Sourcewise {exercise.number}: {exercise.title}"


def write_gradebook(results: ClassResults, path: Path, columns: str = "exercises", *,
                    points_row: bool = True) -> Path:
    """Write the gradebook; ``columns`` is ``"exercises"`` or ``"total"``. Without
    ``points_row`` (for Moodle, which would take that row for an unknown student) the file
    is the same minus the "Points Possible" row."""
    possible = results.points_possible()
    if columns == "total":
        headers = [TOTAL_COLUMN]
        possible_row = [format_points(results.total_possible) if possible else ""]
    else:
        headers = [exercise_column(name) for name in possible]
        possible_row = [format_points(value) for value in possible.values()]
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow([*IDENTITY, *headers])
        if points_row:
            writer.writerow([POINTS_POSSIBLE, "", "", "", "", *possible_row])
        for graded in results.students:
            student = graded.record.student
            identity = [cell(student.name), cell(student.canvas_id),
                        cell(student.sis_user_id), cell(student.sis_login_id),
                        cell(student.section)]
            if graded.result is None:
                cells = [""] * len(headers)
            elif columns == "total":
                cells = [format_points(graded.result.points)]
            else:
                earned = graded.exercise_points()
                cells = [format_points(earned.get(name, 0.0)) for name in possible]
            writer.writerow([*identity, *cells])
    return path


def write_status(results: ClassResults, path: Path) -> Path:
    """Write ``status.csv``: every student's status, points and what to do about problems."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["student", "name", "key", "status", "points", "points_possible",
                         "submitted_as", "message", "notes"])
        for graded in results.students:
            record = graded.record
            result = graded.result
            writer.writerow([
                cell(record.student.id), cell(record.student.name), cell(record.key),
                cell(record.status),
                format_points(result.points) if result else "",
                format_points(result.max_points) if result else "",
                cell(" ".join(record.origins)), cell(record.message),
                cell(" | ".join(record.notes)),
            ])
    return path
