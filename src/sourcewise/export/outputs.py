"""Write every output of a graded class from its stored records.

Layout of the output folder (next to ``results/``, the store)::

    gradebook.csv                 Canvas import (one column per exercise, or a total)
    gradebook-moodle.csv          the same without the "Points Possible" row, for Moodle
    status.csv                    every student's status and what to do about problems
    junit.xml                     every check of every student, for CI dashboards
    students/<key>/feedback.md    the student's feedback (also feedback.html)
    students/<key>/results.json   the same result in Gradescope's format
    analysis/index.html           the class item analysis: pictures, tables and CSV files

Outputs are rebuilt whole from the records on every run, so they never mix runs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sourcewise.batch.store import Record
from sourcewise.export.analysis_report import write_analysis
from sourcewise.export.class_results import load_class
from sourcewise.export.feedback import write_feedback
from sourcewise.export.gradebook import write_gradebook, write_status
from sourcewise.export.gradescope_results import write_results_json
from sourcewise.export.junit import write_junit

OUTPUTS_NOTE = ("gradebook.csv (for Canvas; gradebook-moodle.csv for Moodle), status.csv, junit.xml, students/<id>/ "
                "(feedback.md, feedback.html, results.json) and analysis/index.html")


def write_outputs(records: list[Record], out: Path, columns: str = "exercises") -> list[Path]:
    """Write every output for ``records`` into ``out``; return the files written."""
    results = load_class(records)
    written = [
        write_gradebook(results, out / "gradebook.csv", columns),
        write_gradebook(results, out / "gradebook-moodle.csv", columns, points_row=False),
        write_status(results, out / "status.csv"),
        write_junit(results, out / "junit.xml"),
    ]
    students = out / "students"
    shutil.rmtree(students, ignore_errors=True)
    for graded in results.students:
        folder = students / graded.record.key
        written += write_feedback(graded, folder)
        written.append(write_results_json(graded, folder / "results.json"))
    shutil.rmtree(out / "analysis", ignore_errors=True)
    written += write_analysis(results, out / "analysis")
    return written
