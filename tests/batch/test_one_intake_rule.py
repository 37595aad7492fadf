"""One intake rule for `pytest --submission`, `sourcewise grade` and the Gradescope
autograder: the same folders get the same points on all three paths (issue 14, kind 11)."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from toy_project import SOLUTION, STARTER, write_project

from sourcewise.exercises.catalogue import EXERCISES

NAMES = [e.name for e in EXERCISES]
FULL = 45.0  # 9 exercises x (1 + 2 public + 2 hidden)
HELPED = "from cuekit import label\n"  # an exercise file that uses a helper module


def write(folder: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def zipped(path: Path, files: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)


# Each case: how to lay out the folder, and the points every path must give.
CASES: dict[str, tuple] = {
    "helper module": (lambda f: write(f, {**{f"{n}.py": HELPED for n in NAMES},
                                          "cuekit.py": SOLUTION}), FULL),
    "helper in exercises/": (lambda f: write(f, {**{f"exercises/{n}.py": HELPED for n in NAMES},
                                                 "exercises/cuekit.py": SOLUTION,
                                                 "README.md": "mine"}), FULL),
    "starters on top, work in exercises/": (lambda f: write(f, {
        **{f"{n}.py": STARTER for n in NAMES},
        **{f"exercises/{n}.py": SOLUTION for n in NAMES}}), FULL),
    "only work.zip": (lambda f: zipped(f / "work.zip", {
        **{f"work/{n}.py": HELPED for n in NAMES}, "work/cuekit.py": SOLUTION}), FULL),
    "two copies side by side": (lambda f: write(f, {
        **{f"a/{n}.py": SOLUTION for n in NAMES},
        **{f"b/{n}.py": STARTER for n in NAMES}}), FULL),
    "starters only": (lambda f: write(f, {f"{n}.py": STARTER for n in NAMES}), 0.0),
    "the course's helper, not submitted": (lambda f: write(f, {f"{n}.py": HELPED
                                                                for n in NAMES}), FULL),
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory) -> dict[str, dict[str, tuple[float, list[str]]]]:
    """Every case graded on all three paths: case -> path -> (points, notes)."""
    root = tmp_path_factory.mktemp("intake")
    project = write_project(root / "project")
    (project / "exercises" / "cuekit.py").write_text(SOLUTION, encoding="utf-8")
    checks = [str(p) for p in sorted((project / "exercises").glob("test_*.py"))
              + sorted((project / "instructor" / "hidden").glob("test_*.py"))]
    submissions = root / "class"
    found: dict[str, dict[str, tuple[float, list[str]]]] = {}
    for index, (case, (lay_out, _)) in enumerate(CASES.items()):
        folder = submissions / f"s{index}"
        folder.mkdir(parents=True)
        lay_out(folder)
        out = root / f"pytest-{index}.json"
        subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                        "--submission", str(folder), "--results-json", str(out), *checks],
                       cwd=project, capture_output=True, text=True, timeout=600, check=False)
        result = json.loads(out.read_text(encoding="utf-8"))
        found[case] = {"pytest": (result["points"], result["notes"])}
        gradescope = root / f"gradescope-{index}"
        shutil.copytree(folder, gradescope / "submission")
        done = subprocess.run([sys.executable, "-m", "sourcewise.export.gradescope_run",
                               "--root", str(gradescope), "--project", str(project)],
                              capture_output=True, text=True, timeout=600, check=False)
        assert done.returncode == 0, done.stderr
        results = json.loads((gradescope / "results" / "results.json").read_text())
        found[case]["gradescope"] = (results["score"], [results["output"]])
    out = root / "out"
    done = subprocess.run([sys.executable, "-m", "sourcewise.cli", "grade", str(submissions),
                           "--out", str(out), "--project", str(project), "--jobs", "2"],
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    with (out / "status.csv").open(encoding="utf-8", newline="") as stream:
        rows = {row["student"]: row for row in csv.DictReader(stream)}
    for index, case in enumerate(CASES):
        row = rows[f"s{index}"]
        found[case]["grade"] = (float(row["points"] or 0), row["notes"].split(" | "))
    return found


@pytest.mark.parametrize("case", list(CASES))
def test_the_three_paths_give_the_same_points(graded, case):
    """pytest --submission, sourcewise grade and Gradescope agree, on the expected points."""
    points = {path: got[0] for path, got in graded[case].items()}
    assert points == {"pytest": CASES[case][1], "grade": CASES[case][1],
                      "gradescope": CASES[case][1]}


def test_the_note_names_the_copy_that_was_graded(graded):
    """Two copies at one level: every path's note says which one was graded."""
    for path, (_, notes) in graded["two copies side by side"].items():
        text = " ".join(notes)
        assert "graded a/who_says_so.py" in text, path


def test_a_zip_in_a_folder_is_read_and_said_so(graded):
    """A folder holding only work.zip is graded from the zip, with a note saying so."""
    for path, (_, notes) in graded["only work.zip"].items():
        assert "graded the files inside work.zip" in " ".join(notes), path


def test_the_gradescope_bundle_carries_the_courses_helper_modules(tmp_path):
    """The autograder zip holds exercises/cuekit.py, so it can stand in for a missing one."""
    from sourcewise.batch.project import Project
    from sourcewise.export.gradescope_bundle import build_gradescope_bundle

    project = write_project(tmp_path / "project")
    (project / "exercises" / "cuekit.py").write_text(SOLUTION, encoding="utf-8")
    (project / "README.md").write_text("toy\n", encoding="utf-8")
    bundle = build_gradescope_bundle(Project.locate(project), tmp_path / "autograder.zip")
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
    assert "project/exercises/cuekit.py" in names
    assert not any(n.endswith(("/who_says_so.py", "/split_sentences.py")) for n in names)
