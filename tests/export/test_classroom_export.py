"""The GitHub Classroom workflow, and its grading step run on a student repository."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sourcewise.exercises.catalogue import EXERCISES
from sourcewise.export.classroom import WORKFLOW, workflow_text, write_workflow

REPO = Path(__file__).resolve().parents[2]


def test_the_workflow_reports_the_grading_steps_result_to_classroom():
    """Triggers, permissions, the grading step's id and the reporter's runner all line up."""
    workflow = yaml.safe_load(workflow_text("3.12", 20))
    assert set(workflow["on"]) == {"push", "workflow_dispatch", "repository_dispatch"}
    assert workflow["permissions"] == {"checks": "write", "actions": "read",
                                       "contents": "read"}
    job = workflow["jobs"]["run-autograding-tests"]
    assert job["timeout-minutes"] == 20
    assert "github-classroom[bot]" in job["if"]
    steps = job["steps"]
    grading = next(s for s in steps if s.get("id") == "sourcewise")
    assert "python -m sourcewise.export.classroom_run" in grading["run"]
    assert '"$GITHUB_OUTPUT"' in grading["run"]
    reporter = steps[-1]
    assert reporter["uses"].startswith("classroom-resources/autograding-grading-reporter@")
    runner = reporter["with"]["runners"]
    assert reporter["env"][f"{runner.upper()}_RESULTS"] == \
        "${{ steps.sourcewise.outputs.result }}"
    setup = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["python-version"] == "3.12"


def test_bad_settings_are_refused():
    """A Python version or timeout that makes no sense is refused before writing."""
    with pytest.raises(ValueError, match="not like"):
        workflow_text("3.11; rm -rf /")
    with pytest.raises(ValueError, match="outside"):
        workflow_text("3.11", 0)


def test_the_command_writes_the_workflow(tmp_path):
    """`sourcewise export classroom --out DIR` writes .github/workflows/classroom.yml."""
    done = subprocess.run([sys.executable, "-m", "sourcewise.cli", "export", "classroom",
                           "--out", str(tmp_path)], capture_output=True, text=True, check=True)
    path = tmp_path / ".github" / "workflows" / "classroom.yml"
    assert path.read_text(encoding="utf-8") == workflow_text()
    assert "Protected file paths" in done.stdout
    assert "warning: no site-url is set" in done.stderr
    assert write_workflow(tmp_path) == path


def test_the_workflow_carries_the_courses_site_url(tmp_path):
    """The course's [tool.sourcewise] site-url goes into the grading step's command."""
    project = tmp_path / "course"
    project.mkdir()
    (project / "pyproject.toml").write_text(
        '[tool.sourcewise]\nsite-url = "https://school.example/sw"\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "sourcewise.cli", "export", "classroom",
                           "--out", str(tmp_path / "repo"), "--project", str(project)],
                          capture_output=True, text=True, check=True)
    assert "warning" not in done.stderr
    workflow = yaml.safe_load((tmp_path / "repo" / WORKFLOW).read_text(encoding="utf-8"))
    grading = next(s for s in workflow["jobs"]["run-autograding-tests"]["steps"]
                   if s.get("id") == "sourcewise")
    assert grading["run"].endswith('--site-url "https://school.example/sw/"')


def student_repository(folder: Path, solved: str) -> Path:
    """A student's repository: the package, the starters and public checks, one solved."""
    shutil.copytree(REPO / "src", folder / "src",
                    ignore=shutil.ignore_patterns("__pycache__"))
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    (folder / "pyproject.toml").write_text(
        pyproject + '\n[tool.sourcewise]\nsite-url = "https://school.example/sw/"\n',
        encoding="utf-8")
    (folder / "exercises").mkdir()
    for exercise in EXERCISES:
        for name in (f"{exercise.name}.py", f"test_{exercise.name}.py"):
            shutil.copy(REPO / "exercises" / name, folder / "exercises" / name)
    shutil.copy(REPO / "instructor" / "solutions" / f"{solved}.py", folder / "exercises")
    return folder


def test_the_grading_step_reports_points_in_the_reporters_protocol(tmp_path):
    """The step writes result=<base64 JSON> with per-check scores and Markdown feedback."""
    solved = EXERCISES[2].name
    repository = student_repository(tmp_path / "repo", solved)
    output, summary = tmp_path / "github_output", tmp_path / "step_summary"
    done = subprocess.run(
        [sys.executable, "-m", "sourcewise.export.classroom_run", "--repository",
         str(repository), "--output", str(output), "--summary", str(summary)],
        capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    (line,) = output.read_text().splitlines()
    assert line.startswith("result=")
    result = json.loads(base64.b64decode(line.removeprefix("result=")))
    assert result["version"] == 1
    assert result["status"] == "fail"
    tests = result["tests"]
    assert {"name", "status", "score", "message", "filename", "line_no"} <= set(tests[0])
    mine = [t for t in tests if t["filename"] == f"exercises/test_{solved}.py"]
    assert mine
    assert all(t["status"] == "pass" for t in mine)
    others = [t for t in tests if t not in mine]
    assert all(t["score"] == 0 for t in others)
    assert result["max_score"] > sum(t["score"] for t in tests) > 0
    assert all((t["score"] * 4).is_integer() for t in tests)
    feedback = summary.read_text(encoding="utf-8")
    assert "Sourcewise feedback" in feedback
    assert "https://school.example/sw/exercises/" in feedback  # the repository's site-url
    assert "127.0.0.1" not in feedback
