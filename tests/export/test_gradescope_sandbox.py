"""The Gradescope autograder requires its sandbox: in a container without CAP_SYS_ADMIN
(simulated by dropping it from the bounding set with setpriv) it grades nothing and says
why in results.json, unless exported with --allow-sandbox-fallback; the answers in the
image are for root only (issue 14, kind 4)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest

from sourcewise.batch.project import Project
from sourcewise.export.gradescope_bundle import build_gradescope_bundle

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "batch"))
from toy_project import submission_files, write_project  # noqa: E402

NO_SYS_ADMIN = ["setpriv", "--bounding-set", "-sys_admin"]
STUDENT_UID = "60001"  # the first sandbox slot's uid, which student code runs as


def gradescope(root: Path, project: Path, *extra: str, prefix: list[str] = ()) -> dict:
    done = subprocess.run([*prefix, sys.executable, "-m", "sourcewise.export.gradescope_run",
                           "--root", str(root), "--project", str(project), *extra],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))


@pytest.fixture
def toy(tmp_path) -> tuple[Path, Path]:
    """A toy project and a Gradescope root holding a full-marks submission."""
    project = write_project(tmp_path / "project")
    root = tmp_path / "autograder"
    (root / "submission").mkdir(parents=True)
    for name, text in submission_files("correct").items():
        (root / "submission" / name).write_text(text, encoding="utf-8")
    return project, root


def test_without_namespaces_nothing_is_graded_and_results_json_says_why(toy):
    """With CAP_SYS_ADMIN gone, results.json scores nothing, names the cause and the fix."""
    project, root = toy
    assert subprocess.run([*NO_SYS_ADMIN, "bwrap", "--unshare-pid", "--ro-bind", "/", "/",
                           "true"], capture_output=True, check=False).returncode != 0
    results = gradescope(root, project, prefix=NO_SYS_ADMIN)
    assert results["score"] == 0.0
    assert "could not start its sandbox" in results["output"]
    assert "--allow-sandbox-fallback" in results["output"]
    (test,) = results["tests"]
    assert test["visibility"] == "visible"
    assert "could not start its sandbox" in test["output"]


def test_the_documented_option_allows_the_fallback_and_results_json_says_so(toy):
    """--sandbox auto (--allow-sandbox-fallback) grades in the fallback, saying so."""
    project, root = toy
    results = gradescope(root, project, "--sandbox", "auto", prefix=NO_SYS_ADMIN)
    assert results["score"] == 45.0
    assert "graded WITHOUT the sandbox" in results["output"]


def test_with_namespaces_the_sandbox_grades_and_nothing_is_said(toy):
    """With bubblewrap working, the default grades in the sandbox without a warning."""
    project, root = toy
    results = gradescope(root, project)
    assert results["score"] == 45.0
    assert "WITHOUT" not in results["output"]


def test_the_exported_run_autograder_refuses_by_default_and_can_allow(tmp_path):
    """The bundle's run_autograder passes --sandbox require, or auto when exported with
    --allow-sandbox-fallback."""
    project = Project.locate(REPO)
    for allow, mode in ((False, "require"), (True, "auto")):
        bundle = build_gradescope_bundle(project, tmp_path / f"{mode}.zip",
                                         allow_sandbox_fallback=allow)
        with zipfile.ZipFile(bundle) as archive:
            script = archive.read("run_autograder").decode()
        assert f"--sandbox {mode}" in script


def test_the_answers_in_the_image_are_for_root_only(tmp_path):
    """After run_autograder, the student's uid can read no file of the checks, the case
    study or the installed package (it could before)."""
    bundle = build_gradescope_bundle(Project.locate(REPO), tmp_path / "autograder.zip")
    base = Path(tempfile.mkdtemp(prefix="sourcewise-image-", dir="/tmp"))
    try:
        base.chmod(0o755)
        root = base / "autograder"
        with zipfile.ZipFile(bundle) as archive:
            archive.extractall(root / "source")
        # What setup.sh's pip install leaves: the package, case study included, in the venv.
        site = root / "venv" / "lib" / "python3" / "site-packages"
        shutil.copytree(root / "source" / "project" / "src" / "sourcewise", site / "sourcewise")
        for folder, _, files in os.walk(root):
            os.chmod(folder, 0o755)
            for name in files:
                os.chmod(Path(folder, name), 0o644)
        answers = list(root.rglob("units.yaml"))
        assert len(answers) == 2

        def student_reads(path: Path) -> bool:
            return subprocess.run(["setpriv", "--reuid", STUDENT_UID, "--regid", STUDENT_UID,
                                   "--clear-groups", "cat", str(path)],
                                  capture_output=True, check=False).returncode == 0

        assert all(student_reads(p) for p in answers)  # the image as it was built
        (root / "submission").mkdir()
        shutil.copy(root / "source" / "run_autograder", root / "run_autograder")
        environment = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        environment.update(AUTOGRADER_ROOT=str(root), SOURCEWISE_PYTHON=sys.executable)
        subprocess.run(["bash", str(root / "run_autograder")], env=environment,
                       capture_output=True, timeout=300, check=True)
        assert not any(student_reads(p) for p in answers)
        assert not any(student_reads(p) for p in (root / "source").rglob("*.py"))
    finally:
        shutil.rmtree(base, ignore_errors=True)
