"""The command line: its commands exist, and wrong input stops early with a clear message."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from toy_project import write_project


def sourcewise(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sourcewise.cli", *args],
                          capture_output=True, text=True, timeout=120, check=False)


def test_the_commands_are_listed_in_the_help():
    """`sourcewise --help` lists grade, release and export; export lists its targets."""
    top = sourcewise("--help").stdout
    for command in ("grade", "release", "export"):
        assert command in top
    assert "gradescope" in sourcewise("export", "--help").stdout
    assert "classroom" in sourcewise("export", "--help").stdout
    assert "resume" in sourcewise("grade", "--help").stdout


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing-folder", "no such folder"),
        ("out-inside", "--out must not be inside SUBMISSIONS"),
        ("not-a-project", "not a Sourcewise course repository"),
        ("bad-roster", "no column identifies students"),
        ("no-hidden", "pass --public-only"),
    ],
)
def test_wrong_input_stops_before_grading(tmp_path, write_files, setup, message):
    """Each kind of wrong invocation exits with code 1 and a message, no traceback."""
    project = write_project(tmp_path / "project")
    submissions = write_files(tmp_path / "subs", {"ann/how_sure.py": "X = 1\n"})
    out = tmp_path / "out"
    extra: list[str] = []
    if setup == "missing-folder":
        submissions = tmp_path / "nothing"
    elif setup == "out-inside":
        out = submissions / "grades"
    elif setup == "not-a-project":
        project = tmp_path / "subs"
    elif setup == "bad-roster":
        roster = tmp_path / "roster.csv"
        roster.write_text("name\nAnn\n", encoding="utf-8")
        extra = ["--roster", str(roster)]
    else:
        for path in (project / "instructor" / "hidden").glob("test_*.py"):
            path.unlink()
    done = sourcewise("grade", str(submissions), "--out", str(out), "--project",
                      str(project), *extra)
    assert done.returncode == 1
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert not (out / "gradebook.csv").exists()


def test_jobs_must_be_positive(tmp_path: Path):
    """--jobs 0 is a usage error."""
    done = sourcewise("grade", str(tmp_path), "--out", str(tmp_path / "o"), "--jobs", "0")
    assert done.returncode == 2
    assert "not a positive number" in done.stderr
