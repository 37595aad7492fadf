"""The fallback without bubblewrap: what it still contains, and how it warns.

The corpus in test_attacks.py also runs in this mode for every attack on limits, crashes
and the channel. Here: the warning and --sandbox=require, the cleared environment, and
what running as the slot's uid adds when the grader is root.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import (
    ANSWER_KEY,
    CORRECT_CLASSIFY,
    IS_ROOT,
    SOLUTION,
    leftovers,
    make_project,
    result_text,
    write_submission,
)
from sourcewise.grading import sandbox
from sourcewise.grading.api import GradingOptions, SandboxUnavailable, grade_submission
from sourcewise.grading.plan import STUDENT_NOTE
from sourcewise.grading.results import SubmissionResult

SECRET = "fallback-secret-41d2"


@pytest.fixture
def no_bubblewrap(monkeypatch, tmp_path):
    """A PATH without bwrap, and no sandbox plan remembered from earlier tests."""
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    monkeypatch.setattr(sandbox, "_plans", {})


def test_a_student_without_bubblewrap_sees_one_line_for_students(tmp_path, run_pytest,
                                                                 no_bubblewrap):
    """The student's own `pytest` without bwrap grades in a limited process, after one
    plain line for the student and no advice meant for graders."""
    checks = (SOLUTION.parent / "checks" / "test_toy.py").read_text()
    project = make_project(tmp_path / "student", {
        "exercises/test_toy.py": checks, "exercises/toy.py": (SOLUTION / "toy.py").read_text()})
    results = tmp_path / "results.json"
    code, output = run_pytest(project, f"--results-json={results}")
    assert code == 0
    notes = [line for line in output.splitlines() if "sandbox" in line.lower()
             and not line.startswith("Sandbox:")]
    assert notes == [f"sourcewise: {STUDENT_NOTE}"]
    for grader_advice in ("WARNING", "bubblewrap", "--sandbox"):
        assert grader_advice not in output
    result = SubmissionResult.from_json(json.loads(results.read_text()))
    assert result.sandbox["kind"] == "process"
    assert result.points == result.max_points == 5


def test_a_grader_without_bubblewrap_is_warned_in_one_line(tmp_path, run_pytest, no_bubblewrap):
    """`pytest --submission --sandbox=auto` without bwrap grades, after the grader's one-line
    warning."""
    project = make_project(tmp_path / "grader", {
        "test_toy.py": (SOLUTION.parent / "checks" / "test_toy.py").read_text()})
    results = tmp_path / "results.json"
    code, output = run_pytest(project, f"--submission={SOLUTION}", "--sandbox=auto",
                              f"--results-json={results}")
    assert code == 0
    warnings = [line for line in output.splitlines() if "WARNING" in line]
    assert warnings[0] == (
        "sourcewise: WARNING: bubblewrap (bwrap) is not installed, so student code runs in a "
        "separate limited process WITHOUT file-system or network isolation (install "
        "bubblewrap; use --sandbox=require when grading).")
    result = SubmissionResult.from_json(json.loads(results.read_text()))
    assert result.sandbox["kind"] == "process"
    assert result.points == result.max_points == 5


def test_require_mode_without_bubblewrap_refuses_to_grade(tmp_path, run_pytest, no_bubblewrap,
                                                          grade_toy):
    """--sandbox=require stops with the reason instead of grading with less isolation."""
    project = make_project(tmp_path / "grader", {
        "test_toy.py": (SOLUTION.parent / "checks" / "test_toy.py").read_text()})
    code, output = run_pytest(project, "--sandbox=require", f"--submission={SOLUTION}")
    assert code == pytest.ExitCode.USAGE_ERROR
    assert "no sandbox could start: bubblewrap (bwrap) is not installed" in output
    with pytest.raises(SandboxUnavailable, match="bubblewrap"):
        grade_toy(SOLUTION, sandbox="require")


def test_fallback_hides_the_grader_environment(tmp_path, monkeypatch):
    """The fallback's worker starts with a cleared environment; as root it cannot read ours."""
    monkeypatch.setenv("GRADER_SECRET", SECRET)
    spy = f"""
import os

def add(a, b):
    found = os.environ.get("GRADER_SECRET", "")
    try:
        found += open("/proc/{os.getpid()}/environ", "rb").read().decode("latin-1")
    except OSError:
        pass
    return found if "{SECRET}" in found else a + b
{CORRECT_CLASSIFY}"""
    folder = write_submission(tmp_path / "sub", spy)
    result = grade_submission(folder, [SOLUTION.parent / "checks"],
                              GradingOptions(sandbox="process"))
    if IS_ROOT:  # as the slot's uid it cannot read a root process's /proc files
        assert SECRET not in result_text(result)
        assert result.points == result.max_points
    else:  # documented: the same user may read its own processes' /proc/PID/environ
        assert result.sandbox["uid"] is None
    assert leftovers(result) == []


def test_fallback_as_root_runs_as_the_slot_uid_and_cannot_write_grader_files(tmp_path):
    """As root, the worker runs as uid 60001+slot: root's files are read-only to it."""
    planted = tmp_path / "grader-owned.txt"
    planted.write_text("original", encoding="utf-8")
    os.chmod(tmp_path, 0o755)
    vandal = f"""
import os

def add(a, b):
    try:
        with open({str(planted)!r}, "w") as handle:
            handle.write("changed")
    except OSError:
        pass
    return os.getuid()
{CORRECT_CLASSIFY}"""
    result = grade_submission(write_submission(tmp_path / "sub", vandal),
                              [SOLUTION.parent / "checks"], GradingOptions(sandbox="process"))
    uid = {c.name: c for c in result.checks}["test_add_small"].got
    if IS_ROOT:
        assert uid == result.sandbox["uid"] == 60001 + result.sandbox["slot"]
        assert planted.read_text(encoding="utf-8") == "original"
    else:
        assert uid == os.getuid()
    assert leftovers(result) == []


def test_fallback_kills_what_the_student_started(tmp_path):
    """Background processes the student started die with the worker (as root: even those
    that left the process group, because every process of the slot's uid is killed)."""
    # A duration no other run on the machine uses, so the check below sees only this test's.
    seconds = f"60.{secrets.randbelow(10**6):06d}"
    escape = f"subprocess.Popen(['sleep', '{seconds}'], start_new_session=True)" if IS_ROOT else ""
    starter = f"""
import subprocess

def add(a, b):
    subprocess.Popen(["sleep", "{seconds}"])
    {escape}
    return a + b
{CORRECT_CLASSIFY}"""
    result = grade_submission(write_submission(tmp_path / "sub", starter),
                              [SOLUTION.parent / "checks"], GradingOptions(sandbox="process"))
    assert result.points == result.max_points
    assert leftovers(result) == []
    sleeping = subprocess.run(["pgrep", "-f", f"^sleep {seconds}$"], capture_output=True, text=True)
    assert sleeping.stdout == ""


def test_fallback_cannot_hide_readable_files(tmp_path):
    """Documented limit: without bubblewrap, a world-readable file (a copy of the toy answer
    key) is readable by student code. This is why production grading uses --sandbox=require."""
    folder = Path(tempfile.mkdtemp(prefix="sourcewise-readable-"))  # 0755 even if tmp_path
    folder.chmod(0o755)                                             # or the checkout is 0700
    readable = folder / "answer_key.json"
    shutil.copyfile(ANSWER_KEY, readable)
    readable.chmod(0o644)
    reader = f"""
def add(a, b):
    try:
        return open({str(readable)!r}).read()
    except OSError:
        return a + b
{CORRECT_CLASSIFY}"""
    try:
        result = grade_submission(write_submission(tmp_path / "sub", reader),
                                  [SOLUTION.parent / "checks"], GradingOptions(sandbox="process"))
    finally:
        shutil.rmtree(folder)
    got = {c.name: c for c in result.checks}["test_add_small"].got
    assert isinstance(got, str)
    assert '"args"' in got
