"""Every grading entry point requires the sandbox by default; a student's own check of their
exercises/ may fall back, with one line for the student (issue 14, kind 4; issue 11). Namespaces are taken away by
dropping CAP_SYS_ADMIN from the bounding set (setpriv), as in a default Docker container."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "batch"))
from toy_project import submission_files, write_project  # noqa: E402

from sourcewise.grading.plan import STUDENT_NOTE  # noqa: E402

NO_SYS_ADMIN = ["setpriv", "--bounding-set", "-sys_admin"]


def pytest_run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    checks = sorted(str(p) for p in (project / "exercises").glob("test_*.py"))
    return subprocess.run([*NO_SYS_ADMIN, sys.executable, "-m", "pytest", "-p",
                           "no:cacheprovider", *args, *checks], cwd=project,
                          capture_output=True, text=True, timeout=600, check=False)


def test_grading_a_submission_without_namespaces_refuses_and_says_how(tmp_path):
    """pytest --submission stops with the cause and the fix when bubblewrap cannot start."""
    project = write_project(tmp_path / "project")
    submission = tmp_path / "sub"
    submission.mkdir()
    for name, text in submission_files("correct").items():
        (submission / name).write_text(text, encoding="utf-8")
    done = pytest_run(project, "--submission", str(submission))
    assert done.returncode == 4, done.stdout + done.stderr
    output = done.stdout + done.stderr
    assert "no sandbox could start" in output
    assert "--sandbox auto" in output


def test_a_students_own_check_falls_back_with_a_line_for_students(tmp_path):
    """pytest on the student's own exercises/ still runs, after one line meant for the
    student (issue 11: not the grader's advice about isolation)."""
    project = write_project(tmp_path / "project")
    done = pytest_run(project)
    assert f"sourcewise: {STUDENT_NOTE}" in done.stdout, done.stdout
    assert "WITHOUT file-system or network isolation" not in done.stdout
    assert "no sandbox could start" not in done.stdout
