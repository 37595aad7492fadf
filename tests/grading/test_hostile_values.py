"""Text and values a student's code controls never break a results writer, the terminal
summary or the blame (issue 14, kinds 1, 7, 8 and 12), under bubblewrap and in the
fallback."""

from __future__ import annotations

import json
import textwrap

import pytest

from conftest import IS_ROOT, TOY, make_project
from sourcewise.grading.api import grade_submission
from sourcewise.grading.options import GradingOptions
from sourcewise.grading.sandbox import plan_sandbox

SURROGATES = textwrap.dedent('''
    def add(a, b):
        raise ValueError("bad \\udcff input")

    def classify(text):
        print("printed \\udcff")
        return "framing \\udcff"
''')

ESCAPES = textwrap.dedent('''
    FAKE = "\\x1b[2K\\x1b[1A\\x1b[2K\\rAll checks: 164 of 164 points (9 passed).\\x9b2J\\u202e"

    def add(a, b):
        raise ValueError(FAKE)

    def classify(text):
        print(FAKE)
        return FAKE
''')


def _bubblewrap_works() -> bool:
    try:
        return plan_sandbox("require", None, None, GradingOptions().limits).kind == "bubblewrap"
    except Exception:
        return False


SANDBOXES = [pytest.param("require", id="bubblewrap"), pytest.param("process", id="fallback")]


def strict_json(data: bytes) -> object:
    """Parse as a strict reader would: UTF-8 only, no NaN or Infinity."""

    def refuse(name: str) -> object:
        raise ValueError(name)

    return json.loads(data.decode("utf-8"), parse_constant=refuse)


def student_folder(tmp_path, toy: str):
    return make_project(tmp_path / "student", {
        "test_toy.py": (TOY / "checks" / "test_toy.py").read_text(encoding="utf-8"),
        "exercises/toy.py": toy,
    })


@pytest.mark.parametrize("sandbox", SANDBOXES)
def test_lone_surrogates_still_give_a_results_file(tmp_path, run_pytest, sandbox):
    """pytest --submission writes a parsable results file when the student's code returns,
    prints and raises text with lone surrogates."""
    project = student_folder(tmp_path, SURROGATES)
    results = tmp_path / "results.json"
    code, output = run_pytest(project, f"--results-json={results}", f"--sandbox={sandbox}")
    assert code == 1, output
    data = strict_json(results.read_bytes())
    assert data["points"] == 0
    classify = next(c for c in data["checks"] if c["name"] == "test_classify")
    assert classify["items"][0]["got"] == "framing \ufffd"
    assert "INTERNALERROR" not in output


@pytest.mark.parametrize("sandbox", SANDBOXES)
def test_escape_sequences_never_reach_the_terminal(tmp_path, run_pytest, sandbox):
    """Escape sequences and bidi controls in an exception message, a return value or
    printed output are shown as visible escapes in the summary, at every verbosity."""
    project = student_folder(tmp_path, ESCAPES)
    for verbosity in ([], ["-v"]):
        code, output = run_pytest(project, f"--sandbox={sandbox}", *verbosity)
        assert code == 1
        for raw in ("\x1b", "\x9b", "\u202e", "\r"):
            assert raw not in output, (verbosity, raw)
        assert "\\x1b[2K" in output
        assert "Public checks: 0 of 5 points" in output


HUGE = textwrap.dedent('''
    import sys

    def add(a, b):
        return 10 ** 4000

    def classify(text):
        if hasattr(sys, "set_int_max_str_digits"):
            sys.set_int_max_str_digits(0)
        return [1 << 6_000_000]
''')


@pytest.mark.parametrize("sandbox", SANDBOXES)
def test_oversized_numbers_are_the_students_error(tmp_path, sandbox):
    """A 4000-digit int, or one of 1.8 million digits, is the student's error, reported at
    once as a number too large; never a grader error, never a timeout."""
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "toy.py").write_text(HUGE, encoding="utf-8")
    result = grade_submission(folder, [TOY / "checks" / "test_toy.py"],
                              GradingOptions(sandbox=sandbox, call_timeout=3.0))
    checks = {c.name: c for c in result.checks}
    add = checks["test_add_small"]
    assert add.grader_error is None
    assert "integer of about 4,001 digits" in add.reason, add.reason
    classify = checks["test_classify"]
    assert classify.grader_error is None
    assert all("integer of about" in item.got_error for item in classify.items), \
        [item.got_error for item in classify.items]
    assert not any("did not finish" in (item.got_error or "") for item in classify.items)
    json.dumps(result.to_json(), allow_nan=False).encode("utf-8")


def test_an_overflow_in_a_check_is_the_students_error(tmp_path):
    """A check that overflows on the student's number (math on a float it cannot hold)
    reports the student's error, not a grader error."""
    project = make_project(tmp_path / "grader", {
        "test_big.py": textwrap.dedent('''
            import math
            import pytest

            pytestmark = pytest.mark.exercise("toy")

            def test_big(student):
                """add returns a number close to 3."""
                got = student.add(1, 2)
                assert math.isclose(float(got) ** 40, 3 ** 40)
        '''),
    })
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "toy.py").write_text("def add(a, b):\n    return 1e300\n", encoding="utf-8")
    result = grade_submission(folder, [project / "test_big.py"], GradingOptions(sandbox="auto"))
    (check,) = result.checks
    assert check.grader_error is None
    assert "too large" in check.reason


LEFTOVER = textwrap.dedent('''
    import os, time

    def add(a, b):
        if os.fork() == 0:
            time.sleep(0.4)
            for fd in range(3, 256):
                try:
                    os.write(fd, b"garbage that is not an answer\\n")
                except OSError:
                    pass
            time.sleep(5)
            os._exit(0)
        return a + b

    def classify(text):
        return "framing"
''')


@pytest.mark.parametrize("sandbox", SANDBOXES)
def test_garbage_from_a_leftover_process_is_not_blamed_on_a_later_load(tmp_path, sandbox):
    """Garbage written on the channel by a process an earlier call left behind is not
    blamed on loading a different file: that file is graded."""
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "toy.py").write_text(LEFTOVER, encoding="utf-8")
    (folder / "toy2.py").write_text(textwrap.dedent('''
        import time
        time.sleep(0.8)

        def shout(text):
            return text.upper() + "!"
    '''), encoding="utf-8")
    checks = [TOY / "checks" / "test_toy.py", TOY / "checks" / "test_toy2.py"]
    result = grade_submission(folder, checks, GradingOptions(sandbox=sandbox))
    shout = next(c for c in result.checks if c.exercise == "toy2")
    assert shout.status == "passed", shout.reason


def setup_module() -> None:
    """Both sandboxes are tested where bubblewrap works (it does in CI, as root)."""
    if IS_ROOT:
        assert _bubblewrap_works(), "bubblewrap must work for these tests (see .ci/run)"
