"""`sourcewise grade` end to end: the real engine and sandbox, a toy course project, and a
class with good, partial, broken, adversarial and unreadable submissions."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from toy_project import KINDS, submission_files, write_project

from sourcewise.batch.store import ResultStore
from sourcewise.grading.launch import enable_subreaper
from sourcewise.grading.leftovers import OWNER_VARIABLE


def grade(submissions: Path, out: Path, project: Path, *extra: str,
          env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sourcewise.cli", "grade", str(submissions), "--out", str(out),
         "--project", str(project), *extra],
        capture_output=True, text=True, timeout=600, env=env, check=False)


def write_class(folder: Path, kinds: list[str]) -> Path:
    for index, kind in enumerate(kinds):
        student = folder / f"s{index:03d}"
        student.mkdir(parents=True)
        for name, text in submission_files(kind, index).items():
            (student / name).write_text(text, encoding="utf-8")
    return folder


def table(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "project")


def test_a_class_is_graded_with_every_output(project, tmp_path, write_files, write_zip):
    """Good, partial, broken and adversarial work is graded; bad input gets a status row."""
    submissions = write_class(tmp_path / "subs", ["correct", "partial", "broken",
                                                  "adversarial"])
    write_zip(submissions / "mallory.zip", {"../escape.py": "x"})
    (submissions / "empty").mkdir()
    write_files(submissions / "s000x", {"notes.txt": "hi"})
    write_zip(submissions / "S001.zip", submission_files("correct"))
    roster = tmp_path / "roster.csv"
    roster.write_text("login,name,section\ns000,Ann,A\ns001,Ben,A\ns002,Cat,B\ns003,Dan,B\n"
                      "s004,Eve,B\n", encoding="utf-8")
    out = tmp_path / "out"
    done = grade(submissions, out, project, "--roster", str(roster), "--jobs", "2")
    assert done.returncode == 0, done.stderr
    status = {row["student"]: row for row in table(out / "status.csv")}
    assert status["s000"]["status"] == "graded"
    assert status["s000"]["points"] == status["s000"]["points_possible"] == "45"
    assert 0 < float(status["s002"]["points"]) < 45
    assert status["s001"]["status"] == "duplicate"
    assert status["mallory"]["status"] == "rejected"
    assert status["empty"]["status"] == "empty"
    assert status["s004"]["status"] == "missing"
    assert float(status["s003"]["points"]) < 45  # the adversarial one
    gradebook = list(csv.reader((out / "gradebook.csv").open(encoding="utf-8")))
    assert gradebook[1][0].strip() == "Points Possible"
    ann = next(row for row in gradebook if row[0] == "Ann")
    assert ann[3:6] == ["s000", "A", "5"]
    adversarial = json.loads((out / "students" / "s003" / "results.json").read_text())
    statuses = {t["name"]: t["status"] for t in adversarial["tests"]}
    assert "failed" in statuses.values()
    feedback = (out / "students" / "s002" / "feedback.md").read_text(encoding="utf-8")
    assert "syntax" in feedback.lower()
    assert (out / "analysis" / "confusion.svg").is_file()
    assert status["s000x"]["status"] == "empty"
    assert "matches nobody on the roster" in status["s000x"]["message"]
    assert "Graded 3 submissions" in done.stderr
    assert "duplicate" in done.stderr


def worker_pids(out: Path) -> list[int]:
    """Grading worker processes started for the output folder ``out``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"sourcewise.batch.worker" in command and any(str(out).encode() in part
                                                             for part in command):
                found.append(int(entry.name))
    return found


def children() -> list[int]:
    """This test process's children, zombies included."""
    pids = []
    for task in Path("/proc/self/task").iterdir():
        pids += [int(pid) for pid in (task / "children").read_text().split()]
    return pids


def reap_adopted(seconds: float) -> list[int]:
    """Reap the children this (subreaper) process adopted; return those still alive."""
    deadline = time.monotonic() + seconds
    while True:
        alive = [pid for pid in children() if os.waitpid(pid, os.WNOHANG)[0] != pid]
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.05)


def comparable(out: Path) -> dict[str, object]:
    """Everything a run wrote, without timings (which differ from run to run). Stored
    records are compared as the store reads them back: a lean record refers to the item
    sets its grading process made, which depend on which student that process met first."""
    seen: dict[str, object] = {
        "gradebook": (out / "gradebook.csv").read_text(encoding="utf-8"),
        "status": (out / "status.csv").read_text(encoding="utf-8"),
    }
    store = ResultStore(out)
    for path in sorted((out / "results").glob("*.json")):
        loaded = store.load(path.stem)
        assert loaded is not None, path
        record = loaded.to_json()
        result = loaded.result.to_json() if loaded.result is not None else None
        record.pop("result")
        record.pop("seconds")
        if result:
            for key in ("started", "duration", "submission", "sandbox"):
                result.pop(key)
            for check in result["checks"]:
                check.pop("duration")
        seen[path.name] = (record, result)
    return seen


def test_a_run_killed_with_sigkill_resumes_to_the_same_gradebook(project, tmp_path):
    """kill -9 midway, run again: it grades only the rest and writes what one run writes."""
    kinds = [KINDS[i % 3] for i in range(24)]  # correct, partial, broken (no slow loops)
    submissions = write_class(tmp_path / "subs", kinds)
    whole = tmp_path / "whole"
    assert grade(submissions, whole, project, "--jobs", "2").returncode == 0

    out = tmp_path / "killed"
    enable_subreaper()  # whatever the killed run leaves behind is adopted by this process
    process = subprocess.Popen(
        [sys.executable, "-m", "sourcewise.cli", "grade", str(submissions), "--out", str(out),
         "--project", str(project), "--jobs", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(list((out / "results").glob("*.json"))) < 6:
        assert time.monotonic() < deadline
        assert process.poll() is None
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    graded_before = len(list((out / "results").glob("*.json")))
    assert graded_before < len(kinds), "the run finished before it could be killed"
    # Only a sandbox that bwrap was starting at the kill may outlive it, asleep, marked
    # with its dead grader, until the next run ends it (see grading/leftovers.py).
    left = reap_adopted(10)
    assert all(OWNER_VARIABLE.encode() in Path(f"/proc/{pid}/environ").read_bytes()
               for pid in left), "processes of the killed run outlived it"
    assert worker_pids(out) == []

    again = grade(submissions, out, project, "--jobs", "2")
    assert reap_adopted(10) == [], "processes of the killed run outlived the next run"
    assert again.returncode == 0, again.stderr
    assert "kept" in again.stderr
    assert f"Graded {len(kinds)} submissions" not in again.stderr
    assert comparable(out) == comparable(whole)


def test_only_new_or_changed_work_is_regraded_unless_forced(project, tmp_path):
    """A second run keeps stored results; a changed submission or --force grades again."""
    submissions = write_class(tmp_path / "subs", ["correct", "partial", "correct"])
    out = tmp_path / "out"
    assert grade(submissions, out, project).returncode == 0
    again = grade(submissions, out, project)
    assert "Graded 0 submissions" in again.stderr
    assert "kept 3 already graded" in again.stderr
    for name, text in submission_files("correct").items():
        (submissions / "s001" / name).write_text(text, encoding="utf-8")
    changed = grade(submissions, out, project)
    assert "Graded 1 submission " in changed.stderr
    assert table(out / "status.csv")[1]["points"] == "45"
    forced = grade(submissions, out, project, "--force")
    assert "Graded 3 submissions" in forced.stderr


def test_feedback_links_to_the_courses_site_url_and_a_new_one_regrades(project, tmp_path):
    """Unset: a one-line warning and no 127.0.0.1 link; the course's site-url then links
    every lesson there, and changing it grades again so no stored link is stale."""
    submissions = write_class(tmp_path / "subs", ["partial"])
    out = tmp_path / "out"
    unset = grade(submissions, out, project)
    assert unset.returncode == 0, unset.stderr
    assert "sourcewise grade: warning: no site-url is set" in unset.stderr
    for name in ("feedback.md", "results.json"):
        assert "127.0.0.1" not in (out / "students" / "s000" / name).read_text()
    with (project / "pyproject.toml").open("a", encoding="utf-8") as stream:
        stream.write('\n[tool.sourcewise]\nsite-url = "https://school.example/sw"\n')
    linked = grade(submissions, out, project)
    assert "Graded 1 submission " in linked.stderr
    assert "warning" not in linked.stderr
    feedback = (out / "students" / "s000" / "feedback.md").read_text(encoding="utf-8")
    assert "(<https://school.example/sw/exercises/" in feedback
    assert "127.0.0.1" not in feedback


def test_a_dead_worker_costs_one_submission_an_error_then_a_retry(project, tmp_path):
    """Killing a grading worker records 'error' for its submission; the batch goes on and
    the next run grades it."""
    submissions = write_class(tmp_path / "subs", ["correct"] * 16)
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "sourcewise.cli", "grade", str(submissions), "--out", str(out),
         "--project", str(project), "--jobs", "1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while len(list((out / "results").glob("*.json"))) < 2 or not worker_pids(out):
        assert time.monotonic() < deadline
        assert process.poll() is None
        time.sleep(0.02)
    for pid in worker_pids(out):
        os.kill(pid, signal.SIGKILL)
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 1
    statuses = [row["status"] for row in table(out / "status.csv")]
    assert statuses.count("error") == 1
    assert statuses.count("graded") == 15
    assert "run the same command again" in stderr
    retry = grade(submissions, out, project)
    assert retry.returncode == 0
    assert "Graded 1 submission " in retry.stderr
    assert [row["status"] for row in table(out / "status.csv")] == ["graded"] * 16


def test_without_bubblewrap_the_default_refuses_with_a_clear_message(project, tmp_path):
    """--sandbox require (the default) stops before grading when bwrap cannot run."""
    submissions = write_class(tmp_path / "subs", ["correct"])
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    env = {**os.environ, "PATH": str(empty_bin)}
    done = grade(submissions, tmp_path / "out", project, env=env)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "sourcewise grade: bubblewrap is not installed (the program bwrap, the sandbox that "
        "runs student code): install it with `sudo apt-get install bubblewrap` (Debian, "
        "Ubuntu; Fedora: `sudo dnf install bubblewrap`); or pass --sandbox auto to grade "
        "without it (weaker isolation, not for real grades)"]
    assert not (tmp_path / "out").exists()
