"""The result model, the student's view of it, atomic JSON output and submission staging."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from sourcewise.grading import StudentError
from sourcewise.grading.checks import Grade, lesson_url
from sourcewise.grading.failures import MISSING
from sourcewise.grading.feedback import summary_text
from sourcewise.grading.plan import Limits
from sourcewise.grading.results import CheckResult, ItemResult, SubmissionResult, jsonable
from sourcewise.grading.submission import Submission, SubmissionError


def check(name: str, status: str, points: float, max_points: float, visibility="public",
          **extra) -> CheckResult:
    score = points / max_points if max_points else 0.0
    return CheckResult(f"t.py::{name}", name, "demo", f"{name} works", status, score, points,
                       max_points, visibility, **extra)


def sample() -> SubmissionResult:
    return SubmissionResult("subs/alice", [
        check("a", "passed", 1, 1),
        check("b", "failed", 0.5, 2, reason="1 of 2 items correct.", items=[
            ItemResult("i1", True, "x", "x"),
            ItemResult("i2", False, "y", MISSING, "add() timed out"),
        ]),
        check("c", "failed", 0, 3, "hidden", expected=[1], got=[2], hint="look again"),
        check("d", "skipped", 0, 1, "after_due_date", reason="Not checked until a passes."),
    ], sandbox={"kind": "bubblewrap", "description": "bubblewrap sandbox"})


def test_json_round_trip_keeps_everything():
    """to_json/from_json keep checks, items, missing values and totals unchanged."""
    result = sample()
    again = SubmissionResult.from_json(json.loads(json.dumps(result.to_json())))
    assert again == result
    data = result.to_json()
    assert data["points"] == 1.5
    assert data["max_points"] == 7
    assert data["counts"] == {"passed": 1, "failed": 2, "not gradable": 0, "skipped": 1}
    assert "got" not in data["checks"][1]["items"][1]
    assert data["checks"][1]["items"][1]["got_error"] == "add() timed out"


def test_reading_a_file_of_another_format_fails_clearly():
    """from_json refuses data that is not a sourcewise results file."""
    with pytest.raises(ValueError, match="not a sourcewise-results version 1 file"):
        SubmissionResult.from_json({"checks": []})


def test_student_view_withholds_hidden_and_later_checks():
    """for_student() drops hidden checks, and after-due-date ones until the due date."""
    result = sample()
    before = result.for_student()
    assert [c.name for c in before.checks] == ["a", "b"]
    assert before.checks_withheld == 2
    assert before.max_points == 3
    assert "2 more checks are not shown yet." in summary_text(before)
    after = result.for_student(after_due_date=True)
    assert [c.name for c in after.checks] == ["a", "b", "d"]
    assert "c works" not in json.dumps(after.to_json())


def test_write_json_is_atomic_and_leaves_no_temporary_file(tmp_path):
    """The file appears complete under its name; no temporary file is left next to it."""
    target = tmp_path / "deep" / "results.json"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    sample().write_json(target)
    assert json.loads(target.read_text(encoding="utf-8"))["submission"] == "subs/alice"
    assert os.listdir(target.parent) == ["results.json"]


def test_grade_item_turns_a_student_error_into_an_error_message():
    """An item whose call failed records no value and the failure's message, naming the
    function rather than the call (the item's sentence is shown beside it)."""
    grade = Grade()
    grade.item("i1", correct=False, expected=1,
               got=StudentError("add(1) raised ValueError", kind="raised", call="add(1)"))
    assert grade.items[0].got is MISSING
    assert grade.items[0].got_error == "add raised ValueError"
    with pytest.raises(TypeError):
        grade.item("i2", correct=1, expected=1, got=1)
    with pytest.raises(ValueError, match=r"in \[0, 1\]"):
        grade.set_score(1.5)


@pytest.mark.parametrize(("page", "url"), [
    ("lessons/framing.md", "https://s.example/lessons/framing/"),
    ("index.md", "https://s.example/"),
    ("exercises/index.md#start", "https://s.example/exercises/#start"),
])
def test_lesson_links_follow_mkdocs_urls(page, url):
    """A docs/ page path becomes the URL MkDocs serves it at."""
    assert lesson_url("https://s.example", page) == url


def test_staging_copies_regular_files_only_within_limits(tmp_path):
    """Staging copies the exercise file and the helper modules beside it, leaves out links,
    oversize files and other files, and says so."""
    folder = tmp_path / "sub" / "exercises"
    folder.mkdir(parents=True)
    (folder / "demo.py").write_text("x = 1\n")
    (folder / "helper.py").write_text("y = 2\n")
    (folder / "big.py").write_bytes(b"x" * 2048)
    (folder / "big.txt").write_bytes(b"x" * 2048)
    (folder / "link.py").symlink_to(folder / "demo.py")
    (folder / "test_demo.py").write_text("z = 3\n")
    (folder / ".hidden").write_text("secret")
    (folder / "nested").mkdir()
    submission = Submission.locate(tmp_path / "sub", exercises=("demo",))
    assert submission.label.endswith("sub/")
    staging, notes = submission.stage(Limits(source_bytes=1024))
    try:
        assert sorted(os.listdir(staging)) == ["demo.py", "helper.py"]
        assert oct(os.stat(staging).st_mode & 0o777) == "0o700"  # private to the grader
        assert any("big.py is 2 KB" in note for note in notes)
        assert any("link.py is a symbolic link" in note for note in notes)
    finally:
        shutil.rmtree(staging)


def test_file_problems_name_the_fix(tmp_path):
    """Missing, linked and oversize exercise files each get their own message."""
    (tmp_path / "big.py").write_bytes(b"#" * 3000)
    (tmp_path / "link.py").symlink_to(tmp_path / "big.py")
    submission = Submission.locate(tmp_path)
    limits = Limits(source_bytes=1024)
    assert submission.file_problem("big", limits)[0] == "too_large"
    assert submission.file_problem("link", limits)[0] == "symlink"
    assert "Create it from the starter" in submission.file_problem("none", limits)[1]
    with pytest.raises(SubmissionError, match="no file or folder"):
        Submission.locate(tmp_path / "missing")


class Label(str):
    """A str subclass, as a check's own value might be."""


CIRCULAR: list = []
CIRCULAR.append(CIRCULAR)


@pytest.mark.parametrize("value", [
    None, True, 3, -2.5, "é", [1, (2, 3)], {"a": [None, {"b": 1.5}]}, (), {},
    {1: "int key"}, Label("x"), [Label("y")], float("nan"), [float("inf")], {1, 2},
    {("a",): 1}, object, CIRCULAR,
])
def test_jsonable_gives_what_a_round_trip_through_json_gives(value):
    """Items' values become what JSON would make of them, or their repr when JSON cannot."""
    try:
        expected = json.loads(json.dumps(value, allow_nan=False))
    except (TypeError, ValueError):
        expected = repr(value)
    got = jsonable(value)
    assert got == expected
    assert shape(got) == shape(expected)  # plain types only: no subclass, no tuple


def shape(value: object) -> object:
    """The types inside a value, nested as the value is."""
    if isinstance(value, list):
        return [shape(item) for item in value]
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    return type(value)
