"""Exercise 1's form with the browser runner: its checks in Pyodide and the "Download all" zip.

The form filled with the reference answers gets full marks on the public checks in the page,
the same points local grading gives the same file; the zip it downloads holds its file and
`sourcewise grade` gives that zip the reference file's points.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
import zipfile

import pytest
from test_label_form_browser import (
    PAGE,
    REFERENCE,
    SOLUTION,
    Tab,
    _graded_tests,
    fill_by_clicking,
)

from conftest import ROOT
from sourcewise.grading.api import GradingOptions, grade_submissions

RESULTS_HEADING = re.compile(r"Results: ([\d.]+) of ([\d.]+) points")
PUBLIC_CHECKS = ROOT / "exercises" / "test_label_by_hand.py"


@pytest.fixture
def filled(browser, served):
    """The exercise 1 page with the form filled with the reference answers by clicking."""
    opened = Tab(browser, served["student"] + PAGE)
    fill_by_clicking(opened.page, REFERENCE)
    yield opened
    assert opened.outside == []
    assert opened.errors == []
    opened.close()


def test_check_my_answers_gives_the_points_local_grading_gives_the_same_file(filled, tmp_path):
    """The page's public checks give the filled form full marks, as local grading of its file."""
    page = filled.page
    (tmp_path / "label_by_hand.py").write_text(
        page.evaluate("document.getElementById('sw-label-form').sourcewise.source()"), "utf-8")
    local = grade_submissions([tmp_path], [PUBLIC_CHECKS], GradingOptions(sandbox="require"))[0]
    assert local.points == local.max_points > 0
    page.click("button.sw-lf-check")
    heading = page.locator(".sw-lf-results h3")
    heading.wait_for(timeout=180_000)
    shown = RESULTS_HEADING.search(heading.text_content())
    assert shown is not None, heading.text_content()
    assert (float(shown.group(1)), float(shown.group(2))) == (local.points, local.max_points)
    assert page.evaluate("document.activeElement.tagName") == "H3"  # focus moves to the results
    assert page.is_enabled("button.sw-lf-check")


def test_download_all_zip_holds_the_form_file_and_grades_like_the_reference(filled, tmp_path):
    """"Download all" has exercises/label_by_hand.py as the form made it; graded, it scores like
    the reference solution on every label_by_hand check."""
    page = filled.page
    made = page.evaluate("document.getElementById('sw-label-form').sourcewise.source()")
    with page.expect_download() as info:
        page.click("button.sw-lf-download-all")
    submissions = tmp_path / "class"
    submissions.mkdir()
    info.value.save_as(submissions / "form.zip")
    with zipfile.ZipFile(submissions / "form.zip") as archive:
        assert archive.read("exercises/label_by_hand.py").decode("utf-8") == made
    (submissions / "reference").mkdir()
    (submissions / "reference" / "label_by_hand.py").write_bytes(SOLUTION.read_bytes())
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "sourcewise.cli", "grade", str(submissions), "--out", str(out),
         "--project", str(ROOT)], capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    with (out / "status.csv").open(encoding="utf-8", newline="") as stream:
        rows = {row["student"]: row for row in csv.DictReader(stream)}
    assert rows["form"]["status"] == "graded", rows
    form, reference = _graded_tests(out, "form"), _graded_tests(out, "reference")
    assert form == reference
    assert all(score == maximum for _, score, maximum in form)
