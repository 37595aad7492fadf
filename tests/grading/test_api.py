"""The Python API batch grading builds on: many submissions, one session, no leaks."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from conftest import (
    CHECKS,
    CORRECT_CLASSIFY,
    IS_ROOT,
    SOLUTION,
    TOY_POINTS,
    by_name,
    leftovers,
    write_submission,
)
from sourcewise.grading import sandbox
from sourcewise.grading.api import GradingError, GradingOptions, grade_submissions
from sourcewise.grading.plan import BASE_UID, Limits, SandboxUnavailable
from sourcewise.grading.slots import acquire_slot


def test_many_submissions_in_one_session_do_not_leak_into_each_other(tmp_path):
    """Right, wrong, right, missing file, missing folder: each gets its own result, in order."""
    right = write_submission(tmp_path / "right", (SOLUTION / "toy.py").read_text())
    wrong = write_submission(tmp_path / "wrong", "def add(a, b):\n    return a * b\n"
                             + CORRECT_CLASSIFY)
    missing = write_submission(tmp_path / "missing", None)
    nowhere = tmp_path / "nowhere"
    seen = []
    results = grade_submissions([right, wrong, right, missing, nowhere], CHECKS,
                                GradingOptions(sandbox="require"),
                                on_result=lambda result: seen.append(result.submission))
    assert [r.points for r in results] == [TOY_POINTS + 1, 4 + 1, TOY_POINTS + 1, 1, 0]
    assert seen == [str(p.resolve()) for p in (right, wrong, right, missing)] + [str(nowhere)]
    assert "There is no file toy.py" in results[3].checks[0].reason
    assert {c.status for c in results[4].checks} == {"not gradable"}
    assert results[4].errors == [f"--submission: there is no file or folder at {nowhere}"]
    assert leftovers(results[-1]) == []


def test_a_check_file_that_cannot_load_raises_grading_error(tmp_path):
    """A broken check file is the grader's problem: GradingError, not zero for students."""
    broken = tmp_path / "checks" / "test_broken.py"
    broken.parent.mkdir()
    broken.write_text("import pytest\npytestmark = pytest.mark.exercise('toy')\ndef test_x(:\n")
    with pytest.raises(GradingError, match="test_broken.py"):
        grade_submissions([SOLUTION], [broken.parent], GradingOptions(sandbox="require"))


def test_unavailable_sandbox_raises(monkeypatch, tmp_path):
    """In require mode, a machine without bwrap raises SandboxUnavailable."""
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(sandbox, "_plans", {})
    with pytest.raises(SandboxUnavailable, match="bubblewrap"):
        grade_submissions([SOLUTION], CHECKS, GradingOptions(sandbox="require"))


def test_slow_import_is_not_gradable_and_other_exercises_still_run(tmp_path):
    """An endless loop at import makes only that exercise not gradable."""
    folder = write_submission(tmp_path / "sub", "while True:\n    pass\n")
    result = grade_submissions([folder], CHECKS, GradingOptions(import_timeout=0.5))[0]
    toy = [c for c in result.checks if c.exercise == "toy"]
    assert {c.status for c in toy} == {"not gradable"}
    assert "Loading toy.py took longer than 0.5 s" in toy[0].reason
    assert result.points == 1


def test_check_time_budget_stops_calling_after_it_is_spent(tmp_path):
    """Once a check's time budget is spent, its remaining calls fail at once."""
    folder = write_submission(tmp_path / "sub", "def add(a, b):\n    while True:\n        pass\n"
                              + CORRECT_CLASSIFY)
    result = grade_submissions([folder], [CHECKS[1]],
                               GradingOptions(call_timeout=0.5, check_timeout=0.7))[0]
    hidden = by_name(result)["test_add_hidden"]
    errors = [item.got_error for item in hidden.items]
    assert "did not finish within 0.5 s" in errors[0]
    assert "did not finish within" in errors[1] or "was not run" in errors[1]
    assert "was not run: earlier calls in this check already used the time" in errors[2]


def test_helper_modules_next_to_the_exercise_can_be_imported(tmp_path):
    """Student code may import its own helper module from the same folder."""
    folder = write_submission(tmp_path / "sub", "from helpers import plus as add\n"
                              + CORRECT_CLASSIFY)
    (folder / "helpers.py").write_text("def plus(a, b):\n    return a + b\n")
    result = grade_submissions([folder], CHECKS)[0]
    assert result.points == TOY_POINTS + 1


def test_parallel_graders_never_share_a_slot():
    """A slot held by another grading process is refused; a free one is taken instead."""
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent("""
            import sys
            from sourcewise.grading.slots import acquire_slot
            print(acquire_slot(None), flush=True)
            sys.stdin.read()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        theirs = int(holder.stdout.readline())
        ours = acquire_slot(None)
        assert ours != theirs
        with pytest.raises(SandboxUnavailable, match="in use by another grading process"):
            acquire_slot(theirs)
    finally:
        holder.communicate("")
    if IS_ROOT:
        plan = sandbox.plan_sandbox("require", None, None, Limits())
        assert plan.uid == BASE_UID + ours
