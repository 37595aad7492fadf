"""A class graded with the real exercises: scores that make sense, and the item analysis
pictures kept in test-artifacts/item-analysis/ for people to look at."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

from sourcewise.exercises.catalogue import EXERCISES, PASS_FRACTION

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "exercises" / "submissions"
ARTIFACTS = REPO / "test-artifacts" / "item-analysis"


def files_of(kind: str) -> dict[str, Path]:
    """Each exercise's file for a kind of student; the solution where a fixture is lacking."""
    chosen = {}
    for exercise in EXERCISES:
        if kind == "starter":
            path = REPO / "exercises" / f"{exercise.name}.py"
        else:
            path = FIXTURES / kind / f"{exercise.name}.py"
            if kind == "solution" or not path.is_file():
                path = REPO / "instructor" / "solutions" / f"{exercise.name}.py"
        chosen[exercise.name] = path
    return chosen


def test_a_real_class_gets_sensible_grades_and_pictures(tmp_path):
    """Solutions score full, starters zero, trivial baselines fail; the analysis is drawn."""
    kinds = ["solution", "solution", "partial", "partial", "hardcoded", "trivial", "starter"]
    submissions = tmp_path / "subs"
    for index, kind in enumerate(kinds):
        folder = submissions / f"{kind}-{index}"
        folder.mkdir(parents=True)
        for name, path in files_of(kind).items():
            shutil.copy(path, folder / f"{name}.py")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "sourcewise.cli", "grade", str(submissions), "--out", str(out),
         "--project", str(REPO)], capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    with (out / "status.csv").open(encoding="utf-8", newline="") as stream:
        share = {row["student"]: float(row["points"]) / float(row["points_possible"])
                 for row in csv.DictReader(stream)}
    assert share["solution-0"] == share["solution-1"] == 1.0
    assert share["starter-6"] == 0.0
    assert share["trivial-5"] < PASS_FRACTION
    assert 0 < share["partial-2"] < 1
    with (out / "analysis" / "confusion.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))[1:]
    diagonal = sum(int(row[i + 1]) for i, row in enumerate(rows))
    assert diagonal > 0
    assert sum(int(cell) for row in rows for cell in row[1:]) > diagonal
    if ARTIFACTS.exists():
        shutil.rmtree(ARTIFACTS)
    shutil.copytree(out / "analysis", ARTIFACTS)
    assert (ARTIFACTS / "confusion.svg").stat().st_size > 1000
