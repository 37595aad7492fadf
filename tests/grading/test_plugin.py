"""The pytest plugin as students and graders run it: checks, feedback, statuses and options."""

from __future__ import annotations

import json
import textwrap

import pytest

from conftest import BUGGY, make_project
from sourcewise.grading.results import SubmissionResult

CHECKS = textwrap.dedent('''
    """Checks of the demo exercise."""

    import pytest

    from sourcewise.grading import Failure, NotGradable, StudentError, same

    pytestmark = [pytest.mark.exercise("demo"), pytest.mark.lesson("lessons/framing.md")]


    @pytest.mark.points(1)
    @pytest.mark.hint("Return a + b.")
    def test_add(student):
        """add(2, 3) returns 5."""
        got = student.add(2, 3)
        if not same(got, 5):
            raise Failure("add(2, 3) should return 5.", expected=5, got=got)


    @pytest.mark.points(2)
    @pytest.mark.depends("test_add")
    def test_add_more(student, grade):
        """add works on more numbers."""
        for item_id, args in (("m1", [1, 1]), ("m2", [0, 7])):
            try:
                got = student.add(*args)
            except StudentError as err:
                got = err
            grade.item(item_id, correct=same(got, sum(args)), expected=sum(args), got=got,
                       why="a + b", text=f"add{tuple(args)}")


    @pytest.mark.points(4)
    def test_words(student, grade):
        """words splits a sentence into words."""
        got = student.words("a  b")
        grade.set_score(0.5 if got == ["a", "", "b"] else float(same(got, ["a", "b"])),
                        reason="Half marks: an empty word between two spaces.")


    def test_plain_assert(student):
        """upper returns the text in capitals."""
        assert student.upper("x") == "X"


    def test_swallowed(student):
        """A check that wrongly catches NotGradable is still not gradable."""
        try:
            student.missing_function()
        except NotGradable:
            pass
''')

GOOD = textwrap.dedent('''
    def add(a, b):
        return a + b

    def words(text):
        return text.split()

    def upper(text):
        return text.upper()

    def missing_function():
        return None
''')

def student_project(tmp_path, demo: str | None, checks: str = CHECKS):
    files = {"exercises/test_demo.py": checks}
    if demo is not None:
        files["exercises/demo.py"] = demo
    return make_project(tmp_path / "student", files)


def load_results(path) -> SubmissionResult:
    return SubmissionResult.from_json(json.loads(path.read_text(encoding="utf-8")))


def test_student_run_grades_own_exercises_folder_and_says_public_checks(tmp_path, run_pytest):
    """Plain `pytest` grades exercises/ and reports public checks, never "all tests passed"."""
    project = student_project(tmp_path, GOOD)
    code, output = run_pytest(project)
    assert code == 0
    assert "sourcewise: public checks" in output
    assert "Public checks: 9 of 9 points (5 passed)." in output
    assert "grading exercises/ in a" in output
    assert "The grader also runs hidden checks, so your final score can differ." in output
    assert "all tests passed" not in output.lower()
    assert "PASSED       add(2, 3) returns 5.  [1/1]" in output


def test_failures_show_reason_expected_got_items_hint_and_lesson(tmp_path, run_pytest):
    """A failing run explains each failure: reason, expected vs got, items, hint, lesson."""
    results = tmp_path / "out" / "results.json"
    project = student_project(tmp_path, BUGGY)
    code, output = run_pytest(project, f"--results-json={results}",
                              "--site-url=https://example.org/sw/")
    assert code == 1
    assert ("no answer for 1 item: add raised ValueError: zero is not allowed (line 4 of "
            "demo.py).") in output
    assert "item m2: 'add(0, 7)'" in output
    assert "why: a + b" in output
    assert "Half marks: an empty word between two spaces." in output
    assert "This check's condition was not met" in output
    assert "lesson: https://example.org/sw/lessons/framing/" in output
    assert "Traceback" not in output  # raw tracebacks only with -v
    result = load_results(results)
    checks = {c.name: c for c in result.checks}
    assert checks["test_add_more"].points == 1.0  # one of two items, of 2 points
    assert checks["test_words"].points == 2.0
    assert checks["test_words"].status == "failed"
    assert result.points == 1 + 1 + 2


def test_verbose_run_shows_tracebacks_and_printed_output(tmp_path, run_pytest):
    """With -v the student also sees the traceback and what their code printed."""
    project = student_project(tmp_path, BUGGY.replace("if a == 0:", "if a >= 0:"))
    _, output = run_pytest(project, "-v")
    assert "Traceback" in output
    assert 'raise ValueError("zero is not allowed")' in output
    assert "assert 'x' == 'X'" in output
    assert "| debug: upper called" in output


def test_not_gradable_file_is_explained_and_scores_zero(tmp_path, run_pytest):
    """A syntax error makes every check of the exercise not gradable with a fix-it message."""
    results = tmp_path / "results.json"
    project = student_project(tmp_path, "def add(a, b)\n    return a + b\n")
    code, output = run_pytest(project, f"--results-json={results}")
    assert code == 1
    assert "NOT GRADABLE: demo.py has a syntax error on line 1" in output
    result = load_results(results)
    assert {c.status for c in result.checks} == {"not gradable"}
    assert result.points == 0
    assert result.max_points == 1 + 2 + 4 + 1 + 1


@pytest.mark.parametrize(("demo", "message"), [
    (None, "There is no file demo.py in exercises/"),
    ("x = 1\n", "demo.py has no function named add"),
    ("raise RuntimeError('boom')\n", "Loading demo.py raised RuntimeError: boom on line 1"),
])
def test_each_not_gradable_cause_has_its_own_message(tmp_path, run_pytest, demo, message):
    """Missing file, missing function and a crash at import each say what to fix."""
    results = tmp_path / "results.json"
    _, output = run_pytest(student_project(tmp_path, demo), f"--results-json={results}")
    assert message in output
    checks = {c.name: c for c in load_results(results).checks}
    assert checks["test_add"].status == "not gradable"
    assert checks["test_add_more"].status == "not gradable"  # its dependency was
    assert checks["test_add"].points == 0


def test_a_caught_not_gradable_still_counts(tmp_path, run_pytest):
    """A check that swallows NotGradable is reported not gradable, not passed."""
    results = tmp_path / "results.json"
    demo = GOOD.replace("def missing_function():\n    return None\n", "")
    run_pytest(student_project(tmp_path, demo), f"--results-json={results}")
    swallowed = {c.name: c for c in load_results(results).checks}["test_swallowed"]
    assert swallowed.status == "not gradable"
    assert "no function named missing_function" in swallowed.reason


def test_failed_dependency_skips_with_the_reason(tmp_path, run_pytest):
    """A check whose dependency failed is skipped (not failed) and says which one to fix."""
    results = tmp_path / "results.json"
    demo = GOOD.replace("return a + b", "return a - b")
    _, output = run_pytest(student_project(tmp_path, demo), f"--results-json={results}")
    checks = {c.name: c for c in load_results(results).checks}
    assert checks["test_add_more"].status == "skipped"
    assert checks["test_add_more"].max_points == 2
    assert "Not checked until \u201cadd(2, 3) returns 5.\u201d passes" in output


def test_dependencies_run_first_whatever_the_file_order(tmp_path, run_pytest):
    """A check defined before its dependency still runs after it."""
    checks = CHECKS.replace('@pytest.mark.depends("test_add")',
                            '@pytest.mark.depends("test_words")')
    results = tmp_path / "results.json"
    run_pytest(student_project(tmp_path, GOOD, checks), f"--results-json={results}")
    order = [c.name for c in load_results(results).checks]
    assert order.index("test_words") < order.index("test_add_more")


@pytest.mark.parametrize(("change", "message"), [
    (('@pytest.mark.depends("test_add")', '@pytest.mark.depends("test_nope")'),
     "depends on 'test_nope', which is not a check in the same file"),
    (("@pytest.mark.points(1)", '@pytest.mark.visibility("secret")'),
     "visibility must be one of public, hidden, after_due_date"),
    (("@pytest.mark.points(2)", "@pytest.mark.points(-2)"), "points must be a number >= 0"),
])
def test_mistakes_in_checks_stop_the_run_with_a_clear_error(tmp_path, run_pytest, change,
                                                            message):
    """Unknown dependencies and bad marker values are the checks' fault: a usage error."""
    checks = CHECKS.replace(*change)
    code, output = run_pytest(student_project(tmp_path, GOOD, checks))
    assert code == pytest.ExitCode.USAGE_ERROR
    assert message in output


def test_dependency_cycle_is_refused(tmp_path, run_pytest):
    """Two checks depending on each other are refused before anything runs."""
    checks = CHECKS.replace('@pytest.mark.points(1)\n',
                            '@pytest.mark.points(1)\n@pytest.mark.depends("test_add_more")\n')
    code, output = run_pytest(student_project(tmp_path, GOOD, checks))
    assert code == pytest.ExitCode.USAGE_ERROR
    assert "its dependencies form a circle" in output


def test_grader_run_with_hidden_checks_says_all_checks(tmp_path, run_pytest):
    """With hidden checks in the run, the summary covers public and hidden checks."""
    hidden = textwrap.dedent('''
        import pytest
        pytestmark = [pytest.mark.exercise("demo"), pytest.mark.visibility("hidden")]

        @pytest.mark.points(3)
        def test_add_hidden(student):
            """add is right on new numbers."""
            assert student.add(40, 2) == 42
    ''')
    grader = make_project(tmp_path / "grader", {"checks/test_demo.py": CHECKS,
                                                 "hidden/test_demo_hidden.py": hidden})
    submission = make_project(tmp_path / "alice", {"exercises/demo.py": GOOD})
    results = tmp_path / "results.json"
    _, output = run_pytest(grader, "checks", "hidden", f"--submission={submission}",
                           f"--results-json={results}")
    assert "sourcewise: all checks (public and hidden)" in output
    assert "The grader also runs hidden checks" not in output
    result = load_results(results)
    assert result.includes_hidden
    assert {c.visibility for c in result.checks} == {"public", "hidden"}
    assert result.points == result.max_points == 12


def test_single_file_submission_grades_its_own_exercise_only(tmp_path, run_pytest):
    """--submission FILE grades the exercise named after the file; others are not gradable."""
    other = CHECKS.replace('exercise("demo")', 'exercise("other")')
    grader = make_project(tmp_path / "grader", {"checks/test_demo.py": CHECKS,
                                                 "checks/test_other.py": other})
    single = tmp_path / "upload" / "demo.py"
    single.parent.mkdir()
    single.write_text(GOOD, encoding="utf-8")
    results = tmp_path / "results.json"
    _, output = run_pytest(grader, "checks", f"--submission={single}",
                           f"--results-json={results}")
    result = load_results(results)
    assert {c.status for c in result.checks if c.exercise == "other"} == {"not gradable"}
    assert "this check needs a file named other.py" in output
    assert sum(c.points for c in result.checks if c.exercise == "demo") == 9


def test_missing_exercises_folder_and_missing_submission(tmp_path, run_pytest):
    """No exercises/ folder: checks are not gradable; a wrong --submission is a usage error."""
    project = make_project(tmp_path / "bare", {"checks/test_demo.py": CHECKS})
    code, output = run_pytest(project)
    assert code == 1
    assert "There is no exercises/ folder in" in output
    code, output = run_pytest(project, "--submission=does-not-exist")
    assert code == pytest.ExitCode.USAGE_ERROR
    assert "there is no file or folder at does-not-exist" in output


def test_plugin_stays_quiet_for_ordinary_tests(tmp_path, run_pytest):
    """A pytest run without checks gets no sandbox and no summary."""
    project = make_project(tmp_path / "plain", {"test_plain.py": "def test_one():\n    pass\n"})
    code, output = run_pytest(project)
    assert code == 0
    assert "sourcewise:" not in output
    assert "Sandbox:" not in output


def test_student_fixture_outside_a_check_is_an_error(tmp_path, run_pytest):
    """Using `student` without an exercise marker is refused with the fix."""
    project = make_project(tmp_path / "plain", {
        "test_plain.py": "def test_one(student):\n    student.add(1, 2)\n"})
    code, output = run_pytest(project)
    assert code == pytest.ExitCode.USAGE_ERROR
    assert "uses the student fixture but has no @pytest.mark.exercise(name)" in output


def test_site_url_comes_from_the_ini_file(tmp_path, run_pytest):
    """The lesson link's base URL can be set once in the project's pytest configuration."""
    project = student_project(tmp_path, BUGGY)
    (project / "pytest.ini").write_text(
        "[pytest]\nsourcewise_site_url = https://course.example/sourcewise\n")
    _, output = run_pytest(project)
    assert "lesson: https://course.example/sourcewise/lessons/framing/" in output


def test_pytest_fail_and_unexpected_errors_in_checks(tmp_path, run_pytest):
    """pytest.fail gives its message; a crash in the check itself is flagged for the grader."""
    checks = textwrap.dedent('''
        import pytest
        pytestmark = pytest.mark.exercise("demo")

        def test_fail(student):
            """add(1, 1) is 2."""
            if student.add(1, 1) != 2:
                pytest.fail("add(1, 1) should be 2.")

        def test_broken(student):
            """A check with a bug of its own."""
            {}["missing"]
    ''')
    results = tmp_path / "results.json"
    project = student_project(tmp_path, "def add(a, b):\n    return 3\n", checks)
    run_pytest(project, f"--results-json={results}")
    checks = {c.name: c for c in load_results(results).checks}
    assert checks["test_fail"].reason == "add(1, 1) should be 2."
    assert checks["test_fail"].grader_error is None
    assert checks["test_broken"].status == "failed"
    assert checks["test_broken"].grader_error == "check"
    assert "KeyError" in checks["test_broken"].reason


def test_site_url_defaults_to_the_course_setting_in_pyproject(tmp_path, run_pytest):
    """Without an option or ini value, lesson links use [tool.sourcewise] site-url."""
    project = student_project(tmp_path, BUGGY)
    (project / "pytest.ini").unlink()
    (project / "pyproject.toml").write_text(
        '[tool.pytest]\n\n[tool.sourcewise]\nsite-url = "https://school.example/sw"\n')
    _, output = run_pytest(project)
    assert "lesson: https://school.example/sw/lessons/framing/" in output


def test_without_a_site_url_the_feedback_has_no_lesson_link(tmp_path, run_pytest):
    """No setting anywhere: a failed check shows its hint but links to nothing."""
    project = student_project(tmp_path, BUGGY)
    _, output = run_pytest(project)
    assert "why: a + b" in output
    assert "lesson:" not in output
    assert "127.0.0.1" not in output
