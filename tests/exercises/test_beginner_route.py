"""The core route and the weights, graded through `sourcewise grade` as a teacher would:
a beginner's submission of at most 15 lines of logic per exercise passes both the public
and the hidden checks, and a submission that hard-codes every public answer scores under
30% of each coded exercise."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from grading_runs import ROOT, SUBMISSIONS

from sourcewise.batch.store import ResultStore
from sourcewise.exercises.catalogue import EXERCISES, PASS_FRACTION

CODED = tuple(e.name for e in EXERCISES if e.number >= 2)
BEGINNER = CODED
MAX_LOGIC_LINES = 15
HARD_CODED_CEILING = 0.30
PUBLIC_CEILING = 0.25


def logic_lines(path: Path) -> int:
    """Lines of code inside the file's functions: not the def lines, docstrings, blank lines
    or comments, and nothing at module level (imports and lexicons)."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                body = body[1:]
            for statement in body:
                lines.update(range(statement.lineno, statement.end_lineno + 1))
    text = source.splitlines()
    return sum(1 for n in lines if text[n - 1].strip() and not text[n - 1].strip().startswith("#"))


@pytest.fixture(scope="module")
def graded(tmp_path_factory) -> dict[str, dict[str, dict[str, list[float]]]]:
    """{student: {exercise: {visibility: [points, max points]}}} from one `sourcewise grade`
    run over a class of two: the beginner and the hard-coder."""
    work = tmp_path_factory.mktemp("class")
    for student in ("beginner", "hardcoded"):
        shutil.copytree(SUBMISSIONS / student, work / "submissions" / student)
    done = subprocess.run(
        [sys.executable, "-m", "sourcewise.cli", "grade", str(work / "submissions"), "--out",
         str(work / "out"), "--project", str(ROOT), "--jobs", "1"],
        capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    scores: dict[str, dict] = {}
    store = ResultStore(work / "out")
    for student in ("beginner", "hardcoded"):
        for check in store.load(student).result.checks:
            entry = scores.setdefault(student, {}).setdefault(check.exercise, {})
            points = entry.setdefault(check.visibility, [0.0, 0.0])
            points[0] += check.points
            points[1] += check.max_points
    return scores


def share(points: dict[str, list[float]], visibility: str | None = None) -> float:
    chosen = [points[visibility]] if visibility else list(points.values())
    return sum(p for p, _ in chosen) / sum(m for _, m in chosen)


@pytest.mark.parametrize("name", CODED)
def test_beginner_submission_is_at_most_15_lines_of_logic(name):
    """Each beginner submission has at most 15 lines of its own logic (lexicons aside)."""
    assert 0 < logic_lines(SUBMISSIONS / "beginner" / f"{name}.py") <= MAX_LOGIC_LINES


@pytest.mark.parametrize("name", BEGINNER)
def test_beginner_passes_public_and_hidden_checks(graded, name):
    """The beginner reaches the pass mark on the public and on the hidden checks, short of
    full marks."""
    points = graded["beginner"][name]
    assert share(points, "public") >= PASS_FRACTION, points
    assert share(points, "hidden") >= PASS_FRACTION, points
    assert share(points) < 1, points


@pytest.mark.parametrize("name", CODED)
def test_hard_coding_the_public_answers_scores_under_30_percent(graded, name):
    """Full marks on the public checks, and under 30% of the exercise overall."""
    points = graded["hardcoded"][name]
    assert share(points, "public") == 1, points
    assert share(points) < HARD_CODED_CEILING, points


@pytest.mark.parametrize("name", [e.name for e in EXERCISES])
def test_public_checks_carry_at_most_a_quarter(graded, name):
    """No exercise gives more than 25% of its points to the public checks."""
    points = graded["beginner"][name]
    assert points["public"][1] <= PUBLIC_CEILING * (points["public"][1] + points["hidden"][1])


def test_rubric_and_pages_show_the_real_weights(graded):
    """The rubric's weights table and each exercise page give the points the grader uses."""
    rubric = (ROOT / "docs" / "instructors" / "rubric.md").read_text(encoding="utf-8")
    for exercise in EXERCISES:
        points = graded["beginner"][exercise.name]
        public, hidden = int(points["public"][1]), int(points["hidden"][1])
        row = (f"| [{exercise.title}](../{exercise.page}) | {public} | {hidden} | "
               f"{public + hidden} | {public / (public + hidden):.0%} |")
        assert row in rubric, row
        page = (ROOT / "docs" / exercise.page).read_text(encoding="utf-8")
        assert f"worth **{public + hidden} points**" in page, exercise.page
        assert re.search(rf"\*\*{public}\*\* of them", page), exercise.page
