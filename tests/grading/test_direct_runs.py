"""Batch grading runs plain checks without pytest's per-test protocol, with pytest's results.

``grade_submissions`` runs a session's checks directly (the plugin's own setup, the check,
the plugin's scoring) when every one of them is a plain check. Every way a check can end
is graded both ways here, through the API and through plain ``pytest --results-json``,
and the results must be the same apart from timings.
"""

from __future__ import annotations

import json
import textwrap

import pytest

from conftest import BUGGY, make_project
from sourcewise.grading.api import GradingOptions, grade_submissions
from sourcewise.grading.plugin import GradingPlugin

CHECKS = textwrap.dedent('''
    import pytest
    from sourcewise.grading import Failure, NotGradable, StudentError

    pytestmark = [pytest.mark.exercise("demo"), pytest.mark.lesson("lessons/framing.md")]

    @pytest.mark.points(2)
    def test_passes(student):
        """add(2, 3) is 5."""
        assert student.add(2, 3) == 5

    @pytest.mark.hint("Split on whitespace.")
    def test_failure_with_expected_and_got(student):
        """words splits on any whitespace."""
        got = student.words("a  b")
        if got != ["a", "b"]:
            raise Failure("Runs of spaces are one gap.", expected=["a", "b"], got=got)

    def test_plain_assert(student):
        """upper upper-cases."""
        assert student.upper("a") == "A"

    def test_pytest_fail(student):
        """add(1, 1) is 2."""
        if student.add(1, 1) != 2:
            pytest.fail("add(1, 1) should be 2.")

    def test_bug_in_the_check(student):
        """A check with a bug of its own."""
        student.add(1, 1)
        {}["missing"]

    def test_skips_itself(student):
        """A check that skips."""
        pytest.skip("not today")

    def test_uncaught_student_error(student):
        """add(0, 1) is 1."""
        assert student.add(0, 1) == 1

    def test_caught_not_gradable(student):
        """A check that swallows NotGradable still counts it."""
        try:
            student.missing_function()
        except NotGradable:
            pass

    @pytest.mark.points(3)
    def test_items_in_one_batch(student, grade):
        """add works item by item."""
        cases = [(1, 2), (0, 5), (4, 4)]
        for (a, b), got in zip(cases, student.add.map([a for a, _ in cases],
                                                       [b for _, b in cases])):
            grade.item(f"{a}+{b}", correct=got == a + b, expected=a + b, got=got,
                       text=f"add({a}, {b})")

    def test_partial_credit(student, grade):
        """A score set by the check."""
        grade.set_score(0.25, reason="A quarter.")

    @pytest.mark.depends("test_failure_with_expected_and_got")
    def test_after_a_failure(student):
        """Runs only after words passes."""
        student.words("x")

    @pytest.mark.depends("test_caught_not_gradable")
    def test_after_not_gradable(student):
        """Runs only after the caught check passes."""
        student.add(1, 1)
''')
OTHER = textwrap.dedent('''
    import pytest

    pytestmark = [pytest.mark.exercise("other"), pytest.mark.visibility("hidden")]

    def test_other(student):
        """The other exercise's file is missing."""
        student.anything()
''')
TIMINGS = ("duration", "started")


def without_timings(data: dict) -> dict:
    """A result's JSON without the fields that measure time."""
    data = {k: v for k, v in data.items() if k not in TIMINGS}
    data["checks"] = [{k: v for k, v in check.items() if k not in TIMINGS}
                      for check in data["checks"]]
    return data


@pytest.fixture
def direct_runs(monkeypatch):
    """The node ids the plugin ran directly (the real method still runs)."""
    seen = []
    run_directly = GradingPlugin.run_directly

    def spy(self, item):
        seen.append(item.nodeid)
        return run_directly(self, item)

    monkeypatch.setattr(GradingPlugin, "run_directly", spy)
    return seen


def grade_both_ways(tmp_path, run_pytest, checks: dict[str, str]) -> tuple[dict, dict]:
    """The same submission graded through the API and through plain pytest (the API keeps
    the check modules it imported, so each test names its check files differently)."""
    project = make_project(tmp_path / "grader", {f"checks/{name}": text
                                                 for name, text in checks.items()})
    submission = make_project(tmp_path / "submission", {"demo.py": BUGGY})
    options = GradingOptions(sandbox="require", call_timeout=2)
    graded = grade_submissions([submission], [project / "checks"], options)[0]
    api = json.loads(json.dumps(graded.to_json()))
    target = tmp_path / "results.json"
    run_pytest(project, "checks", f"--submission={submission}", "--sandbox=require",
               "--call-timeout=2", f"--results-json={target}")
    return without_timings(api), without_timings(json.loads(target.read_text("utf-8")))


def test_plain_checks_run_directly_with_the_results_pytest_gives(tmp_path, run_pytest,
                                                                 direct_runs):
    """Pass, fail, assert, pytest.fail, a bug, a skip, student errors, items, partial credit,
    dependencies and a missing file: the same results with and without pytest's protocol."""
    api, plain = grade_both_ways(tmp_path, run_pytest,
                                 {"test_direct.py": CHECKS, "test_other.py": OTHER})
    assert len(direct_runs) == len(api["checks"]) == 13
    assert api == plain
    statuses = {check["name"]: check["status"] for check in api["checks"]}
    assert statuses["test_skips_itself"] == "skipped"
    assert statuses["test_after_a_failure"] == "skipped"
    assert statuses["test_after_not_gradable"] == "not gradable"
    bug = next(c for c in api["checks"] if c["name"] == "test_bug_in_the_check")
    assert bug["grader_error"] == "check"
    frames = [line for line in bug["details"].splitlines() if line.startswith('  File "')]
    assert len(frames) == 1  # the check's own frame, nothing of what ran it
    assert frames[0].endswith("in test_bug_in_the_check")


def test_a_session_with_other_tests_keeps_pytest_protocol(tmp_path, run_pytest, direct_runs):
    """A parametrized check needs pytest: the whole session then runs under its protocol."""
    parametrized = textwrap.dedent('''
        import pytest

        pytestmark = pytest.mark.exercise("demo")

        @pytest.mark.parametrize("a", [1, 2])
        def test_add_one(student, a):
            """add(a, 1) is a + 1."""
            assert student.add(a, 1) == a + 1
    ''')
    api, plain = grade_both_ways(tmp_path, run_pytest, {"test_protocol.py": CHECKS,
                                                        "test_param.py": parametrized})
    assert direct_runs == []
    assert api == plain
    assert [c["status"] for c in api["checks"] if c["name"].startswith("test_add_one")] == [
        "passed", "passed"]
