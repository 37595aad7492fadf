"""The Gradescope autograder zip, unpacked and run against a simulated /autograder root."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from sourcewise.batch.project import Project
from sourcewise.exercises.catalogue import EXERCISES
from sourcewise.export.gradescope_bundle import build_gradescope_bundle

REPO = Path(__file__).resolve().parents[2]
VISIBILITIES = {"hidden", "after_due_date", "after_published", "visible"}
SITE = "https://school.example/sourcewise/"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """The autograder zip of a course with no site-url set."""
    return build_gradescope_bundle(Project.locate(REPO),
                                   tmp_path_factory.mktemp("export") / "autograder.zip")


@pytest.fixture(scope="module")
def linked_bundle(tmp_path_factory) -> Path:
    """The autograder zip with the course's site address."""
    return build_gradescope_bundle(Project.locate(REPO),
                                   tmp_path_factory.mktemp("export") / "linked.zip", SITE)


def autograder_root(bundle: Path, folder: Path) -> Path:
    """Lay the zip out as Gradescope does: source/, run_autograder, submission/."""
    root = folder / "autograder"
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(root / "source")
    shutil.copy(root / "source" / "run_autograder", root / "run_autograder")
    (root / "run_autograder").chmod(0o755)
    (root / "submission").mkdir()
    (root / "submission_metadata.json").write_text(json.dumps(
        {"users": [{"email": "ann@uni.example", "name": "Ann Lee", "sid": "42"}]}))
    return root


def run_autograder(root: Path, python: str = sys.executable) -> dict:
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    environment.update(AUTOGRADER_ROOT=str(root), SOURCEWISE_PYTHON=python)
    done = subprocess.run([str(root / "run_autograder")], env=environment, capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))


def valid_results(results: dict) -> None:
    """Check results.json against Gradescope's specification."""
    assert isinstance(results["score"], float)
    assert isinstance(results["execution_time"], int)
    assert isinstance(results["output"], str)
    assert results["output_format"] in ("text", "html", "simple_format", "md", "ansi")
    for test in results["tests"]:
        assert isinstance(test["name"], str)
        assert test["name"]
        assert isinstance(test["score"], float)
        assert isinstance(test["max_score"], float)
        assert 0 <= test["score"] <= test["max_score"]
        assert test["status"] in ("passed", "failed")
        assert isinstance(test["output"], str)
        assert test["visibility"] in VISIBILITIES
    assert abs(sum(t["score"] for t in results["tests"]) - results["score"]) < 1e-6


def test_the_zip_has_gradescopes_layout_and_no_solutions(bundle):
    """setup.sh and run_autograder at the root, executable; checks inside; no solutions."""
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        modes = {info.filename: info.external_attr >> 16 for info in archive.infolist()}
    assert "setup.sh" in names
    assert "run_autograder" in names
    assert modes["run_autograder"] & stat.S_IXUSR
    assert modes["setup.sh"] & stat.S_IXUSR
    for exercise in EXERCISES:
        assert f"project/exercises/test_{exercise.name}.py" in names
        assert f"project/instructor/hidden/test_{exercise.name}_hidden.py" in names
    assert not [n for n in names if "solutions" in n]
    assert "project/pyproject.toml" in names
    extracted = bundle.parent / "check-setup"
    with zipfile.ZipFile(bundle) as archive:
        archive.extract("setup.sh", extracted)
    subprocess.run(["bash", "-n", str(extracted / "setup.sh")], check=True)


def test_run_autograder_grades_a_full_marks_submission(bundle, tmp_path):
    """The reference solutions, submitted as files, earn every point in results.json."""
    root = autograder_root(bundle, tmp_path)
    for exercise in EXERCISES:
        shutil.copy(REPO / "instructor" / "solutions" / f"{exercise.name}.py",
                    root / "submission")
    results = run_autograder(root)
    valid_results(results)
    assert results["score"] == sum(t["max_score"] for t in results["tests"])
    assert results["score"] > 0
    assert {t["visibility"] for t in results["tests"]} >= {"visible", "after_published"}
    assert all(t["status"] == "passed" for t in results["tests"])


def test_run_autograder_grades_a_zip_of_starters_as_zero(linked_bundle, tmp_path):
    """A zip upload of the untouched starters is read from the zip and scores zero, with a
    message for every check and lesson links on the course's site."""
    root = autograder_root(linked_bundle, tmp_path)
    with zipfile.ZipFile(root / "submission" / "work.zip", "w") as archive:
        for exercise in EXERCISES:
            archive.write(REPO / "exercises" / f"{exercise.name}.py",
                          f"exercises/{exercise.name}.py")
    results = run_autograder(root)
    valid_results(results)
    assert results["score"] == 0.0
    assert all(t["status"] == "failed" and t["output"].strip() for t in results["tests"])
    assert "graded the files inside work.zip" in results["output"]
    text = json.dumps(results)
    assert f"(<{SITE}exercises/" in text
    assert "127.0.0.1" not in text


def test_an_empty_submission_still_gets_a_results_file(bundle, tmp_path):
    """Nothing submitted: results.json says what was expected, with zero points and one
    visible test the student can act on."""
    root = autograder_root(bundle, tmp_path)
    results = run_autograder(root)
    valid_results(results)
    assert results["score"] == 0.0
    assert "no exercise files found" in results["output"]
    (test,) = results["tests"]
    assert test["visibility"] == "visible"
    assert "no exercise files found" in test["output"]
    assert "again" in test["output"]


def test_without_a_site_url_results_name_lessons_but_link_nowhere(bundle, tmp_path):
    """No site-url: a failed check's output names its lesson page, with no 127.0.0.1 link."""
    root = autograder_root(bundle, tmp_path)
    shutil.copy(REPO / "exercises" / f"{EXERCISES[2].name}.py", root / "submission")
    results = run_autograder(root)
    valid_results(results)
    text = json.dumps(results)
    assert "on the course site" in text
    assert "127.0.0.1" not in text
    assert "http" not in text


def test_a_bad_site_url_is_refused_before_writing(tmp_path):
    """A site address students could not open stops the export, saying why."""
    with pytest.raises(ValueError, match="points at this computer"):
        build_gradescope_bundle(Project.locate(REPO), tmp_path / "a.zip",
                                "http://127.0.0.1:8000/")
    assert not (tmp_path / "a.zip").exists()


def test_a_broken_installation_still_writes_a_results_file(bundle, tmp_path):
    """Without a usable Python, run_autograder writes an explanation instead of nothing."""
    root = autograder_root(bundle, tmp_path)
    results = run_autograder(root, python=str(tmp_path / "no-python"))
    assert results["score"] == 0
    assert "not installed correctly" in results["output"]
