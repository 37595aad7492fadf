"""The local route where os.fork and the resource module are missing (Windows), simulated.

The simulation takes away what Windows lacks from this process: ``os.fork``, ``os.killpg``,
the ``resource`` module, and ``select`` on pipes (it raises here, as it does on Windows).
The checks must still run, in a spawned worker with a wall-clock limit.
"""

from __future__ import annotations

import json
import os
import sys

import pytest

from conftest import (
    CLASSIFY_POINTS,
    CORRECT_CLASSIFY,
    SOLUTION,
    TOY_POINTS,
    by_name,
    leftovers,
    make_project,
    write_submission,
)
from sourcewise.grading import channel, launch, sandbox
from sourcewise.grading.api import SandboxUnavailable
from sourcewise.grading.plan import STUDENT_NOTE
from sourcewise.grading.results import SubmissionResult


class NoPipeSelect:
    """``select`` as on Windows: it refuses anything that is not a socket."""

    @staticmethod
    def select(*_args, **_kwargs):
        raise OSError("select() works on sockets only on this system")


@pytest.fixture
def windows_like(monkeypatch):
    """This process without os.fork, os.killpg, resource, or select on pipes."""
    monkeypatch.delattr(os, "fork")
    monkeypatch.delattr(os, "killpg", raising=False)
    monkeypatch.setitem(sys.modules, "resource", None)  # `import resource` raises
    monkeypatch.setattr(channel, "select", NoPipeSelect)
    monkeypatch.setattr(launch, "select", NoPipeSelect)
    monkeypatch.setattr(sandbox, "_plans", {})


def test_the_simulation_takes_fork_and_resource_away(windows_like):
    """The simulation is real: fork is gone and the resource module cannot be imported."""
    assert not hasattr(os, "fork")
    with pytest.raises(ImportError):
        import resource  # noqa: F401


def test_a_students_own_pytest_runs_the_checks_in_a_spawned_worker(tmp_path, run_pytest,
                                                                   windows_like):
    """`pytest` in the student's folder grades exercises/ in full, after one student line."""
    checks = (SOLUTION.parent / "checks" / "test_toy.py").read_text()
    project = make_project(tmp_path / "student", {
        "exercises/test_toy.py": checks, "exercises/toy.py": (SOLUTION / "toy.py").read_text()})
    results = tmp_path / "results.json"
    code, output = run_pytest(project, f"--results-json={results}")
    assert code == 0, output
    assert [line for line in output.splitlines() if line.startswith("sourcewise:")] == \
        [f"sourcewise: {STUDENT_NOTE}"]
    assert "WARNING" not in output
    result = SubmissionResult.from_json(json.loads(results.read_text()))
    assert result.sandbox["kind"] == "spawn"
    assert result.points == result.max_points == 5


def test_an_endless_loop_is_stopped_by_the_wall_clock_and_the_next_check_runs(
        tmp_path, grade_toy, windows_like):
    """A call that never returns fails after the call timeout; a fresh worker grades on."""
    looping = f"def add(a, b):\n    while True:\n        pass\n{CORRECT_CLASSIFY}"
    result = grade_toy(write_submission(tmp_path / "sub", looping), sandbox="auto",
                       call_timeout=0.5)
    checks = by_name(result)
    assert result.sandbox["kind"] == "spawn"
    assert "did not finish within 0.5 s" in checks["test_add_small"].reason
    assert sum(c.points for c in result.checks if c.exercise == "toy") == CLASSIFY_POINTS
    assert leftovers(result) == []


def test_a_crash_in_a_call_fails_that_call_only(tmp_path, grade_toy, windows_like):
    """os._exit in a function ends that worker; the other checks still earn their points."""
    crashing = f"import os\n\ndef add(a, b):\n    os._exit(0)\n{CORRECT_CLASSIFY}"
    result = grade_toy(write_submission(tmp_path / "sub", crashing), sandbox="auto")
    assert "stopped Python itself" in by_name(result)["test_add_small"].reason
    assert sum(c.points for c in result.checks if c.exercise == "toy") == CLASSIFY_POINTS
    assert leftovers(result) == []


def test_the_reference_solution_scores_the_same_as_under_bubblewrap(tmp_path, grade_toy,
                                                                    windows_like):
    """The spawned route gives the reference solution every point, hidden checks too."""
    result = grade_toy(SOLUTION, sandbox="auto")
    assert result.sandbox["kind"] == "spawn"
    assert result.points == TOY_POINTS + 1  # toy and toy2
    assert all(check.status == "passed" for check in result.checks)


def test_grading_that_requires_the_sandbox_refuses_with_what_to_do(grade_toy, windows_like):
    """--sandbox=require cannot be met here: it stops and says where grading works."""
    with pytest.raises(SandboxUnavailable, match="grade on a Linux machine"):
        grade_toy(SOLUTION, sandbox="require")
