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
import sys
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from sourcewise.batch.store import Record
from sourcewise.export.analysis_report import write_analysis
from sourcewise.export.class_results import ClassResults, Graded, load_class
from sourcewise.export.feedback import write_feedback
from sourcewise.export.gradebook import write_gradebook, write_status
from sourcewise.export.gradescope_results import write_results_json
from sourcewise.export.junit import write_junit

OUTPUTS_NOTE = ("gradebook.csv (for Canvas; gradebook-moodle.csv for Moodle), status.csv, "
                "junit.xml, students/<id>/ (feedback.md, feedback.html, results.json) and "
                "analysis/index.html")


def write_outputs(records: list[Record], out: Path, columns: str = "exercises",
                  jobs: int = 1, parsed: dict[str, Graded] | None = None) -> list[Path]:
    """Write every output for ``records`` into ``out``; return the files written.

    With ``jobs`` above 1 (on Linux), forked processes write the per-student files while
    this one writes the class-wide ones. ``parsed``: see ``load_class``.
    """
    global _SHARED
    results = load_class(records, parsed)
    students = out / "students"
    shutil.rmtree(students, ignore_errors=True)
    shutil.rmtree(out / "analysis", ignore_errors=True)
    if jobs < 2 or len(results.students) < 2 * jobs or sys.platform != "linux":
        return _class_files(results, out, columns) + _student_files(results.students, students)
    _SHARED = results
    try:
        with ProcessPoolExecutor(jobs, mp_context=get_context("fork")) as pool:
            shares = [pool.submit(_write_share, start, jobs, students) for start in range(jobs)]
            written = _class_files(results, out, columns)
            for share in shares:
                written += share.result()
    finally:
        _SHARED = None
    return written


def _class_files(results: ClassResults, out: Path, columns: str) -> list[Path]:
    return [
        write_gradebook(results, out / "gradebook.csv", columns),
        write_gradebook(results, out / "gradebook-moodle.csv", columns, points_row=False),
        write_status(results, out / "status.csv"),
        write_junit(results, out / "junit.xml"),
        *write_analysis(results, out / "analysis"),
    ]


def _student_files(students: Iterable[Graded], folder: Path) -> list[Path]:
    written: list[Path] = []
    for graded in students:
        student = folder / graded.record.key
        written += write_feedback(graded, student)
        written.append(write_results_json(graded, student / "results.json"))
    return written


# The class being written, inherited by the forked writers (never pickled: it is large).
_SHARED: ClassResults | None = None


def _write_share(start: int, step: int, folder: Path) -> list[Path]:
    """In a forked writer: the per-student files of every ``step``-th student."""
    assert _SHARED is not None
    return _student_files(_SHARED.students[start::step], folder)
