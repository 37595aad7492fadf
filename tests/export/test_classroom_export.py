"""The GitHub Classroom workflow, and its grading step run on a student repository."""

from __future__ import annotations

import base64
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sourcewise.exercises.catalogue import EXERCISES
from sourcewise.export.class_results import format_points
from sourcewise.export.classroom import WORKFLOW, workflow_text, write_workflow
from sourcewise.export.classroom_run import RUNNERS, classroom_payloads, classroom_total
from sourcewise.grading.results import CheckResult, SubmissionResult

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
    runners = reporter["with"]["runners"].split(",")
    assert runners == list(RUNNERS)
    for runner in runners:  # the reporter reads <RUNNER>_RESULTS
        assert reporter["env"][f"{runner.upper()}_RESULTS"] == \
            f"${{{{ steps.sourcewise.outputs.{runner} }}}}"
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


# GitHub Classroom's reporter (classroom-resources/autograding-grading-reporter, tag v1,
# commit d13b591): the console table scores a runner as passed tests / tests * max_score
# (src/helpers/test-helpers.js, getTestScore), the total it posts for Classroom is the sum
# of every test's score (src/notify-classroom.js), over runners with a max_score.
def reporter_console_total(payloads: dict) -> float:
    return sum(sum(t["status"] == "pass" for t in p["tests"]) / len(p["tests"])
               * p["max_score"] for p in payloads.values())


def reporter_notice_total(payloads: dict) -> tuple[float, float]:
    counted = [p for p in payloads.values() if p["max_score"]]
    return (sum(t["score"] for p in counted for t in p["tests"]),
            sum(p["max_score"] for p in counted))


def random_result(rng: random.Random) -> SubmissionResult:
    checks = []
    for index in range(rng.randint(1, 12)):
        max_points = rng.choice([1, 2, 3, 4, 6, 9])
        score = rng.choice([0.0, 1.0, rng.random(), 1 / 3, 2 / 7])
        status = "passed" if score == 1 else rng.choice(["failed", "not gradable"])
        checks.append(CheckResult(f"x::t{index}", f"t{index}", "how_sure", f"Check {index}.",
                                  status, score, round(score * max_points, 6), max_points,
                                  reason="Why." if score < 1 else ""))
    return SubmissionResult("x", checks)


def test_the_console_table_and_the_classroom_total_agree():
    """For any mix of full, partial and zero scores, the reporter's console table and the
    "Points X/Y" it posts give the same total, the one the summary names."""
    rng = random.Random(15)
    for _ in range(500):
        result = random_result(rng)
        payloads = classroom_payloads(result)
        points, possible = classroom_total(payloads)
        assert reporter_console_total(payloads) == points
        assert reporter_notice_total(payloads) == (points, possible)
        assert possible == round(result.max_points * 4) / 4
        assert abs(points - result.points) <= 0.125 * len(result.checks)


def test_a_partly_right_check_shows_as_earned_and_as_missed():
    """5.7 of 9 points: earned lists it as passed with 5.75, missed as failed with 3.25
    missed; the totals are 5.75 of 9 both ways (the old single runner showed 0/9)."""
    check = CheckResult("x::t", "t", "how_sure", "Finds hedges.", "failed", 5.7 / 9, 5.7, 9,
                        reason="12 of 19 items correct.")
    payloads = classroom_payloads(SubmissionResult("x", [check]))
    (earned,) = payloads["earned"]["tests"]
    (missed,) = payloads["missed"]["tests"]
    assert (earned["name"], earned["status"], earned["score"]) == (
        "Finds hedges. (5.75 of 9 points)", "pass", 5.75)
    assert (missed["name"], missed["status"], missed["score"], missed["message"]) == (
        "Finds hedges. (3.25 points missed)", "fail", 0, "12 of 19 items correct.")
    assert reporter_console_total(payloads) == 5.75
    assert reporter_notice_total(payloads) == (5.75, 9)


def test_the_grading_step_reports_points_in_the_reporters_protocol(tmp_path):
    """The step writes earned= and missed= (base64 JSON) with per-check scores, and the
    summary names the total Classroom records."""
    solved = EXERCISES[2].name
    repository = student_repository(tmp_path / "repo", solved)
    output, summary = tmp_path / "github_output", tmp_path / "step_summary"
    done = subprocess.run(
        [sys.executable, "-m", "sourcewise.export.classroom_run", "--repository",
         str(repository), "--output", str(output), "--summary", str(summary)],
        capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    lines = output.read_text().splitlines()
    assert [line.split("=", 1)[0] for line in lines] == list(RUNNERS)
    payloads = {line.split("=", 1)[0]: json.loads(base64.b64decode(line.split("=", 1)[1]))
                for line in lines}
    earned, missed = payloads["earned"], payloads["missed"]
    assert earned["version"] == missed["version"] == 1
    assert missed["status"] == "fail"
    assert {"name", "status", "score", "message", "filename", "line_no"} <= set(
        earned["tests"][0])
    mine = [t for t in earned["tests"] if t["filename"] == f"exercises/test_{solved}.py"]
    assert mine
    assert all(t["status"] == "pass" for t in earned["tests"])
    assert all(t["score"] == 0 and t["status"] != "pass" for t in missed["tests"])
    assert not any(t["filename"] == f"exercises/test_{solved}.py" for t in missed["tests"])
    points, possible = reporter_notice_total(payloads)
    assert reporter_console_total(payloads) == points
    assert possible > points > 0
    assert all((t["score"] * 4).is_integer() for t in earned["tests"])
    text = summary.read_text(encoding="utf-8")
    assert "Sourcewise feedback" in text
    assert "https://school.example/sw/exercises/" in text  # the repository's site-url
    assert "127.0.0.1" not in text
    assert f"GitHub Classroom records {format_points(points)} of {format_points(possible)} " \
           "points for the public checks" in text
