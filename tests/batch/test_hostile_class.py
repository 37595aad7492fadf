"""A class whose students' text is hostile: every output is still written, parsable and
safe (issue 14, kinds 1, 8, 9 and 10), through `sourcewise grade` and Gradescope's run."""

from __future__ import annotations

import csv
import json
import os
import signal
import stat
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from toy_project import SOLUTION, write_project

HOSTILE = '''
def label(text):
    if "census" in text:
        raise ValueError("bad \\ufffe\\uffff \\x1b[2K \\udcff")
    print("\\udcff printed")
    return "framing \\udcff"
'''
# What spreadsheets take as the start of a formula (OWASP CSV injection, full-width too).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
FORMULA = "-0+HYPERLINK(\"x\",\"y\")"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "project")


def strict_json(data: bytes) -> object:
    """Parse as a strict reader would: UTF-8 only, no NaN or Infinity."""

    def refuse(name: str) -> object:
        raise ValueError(name)

    return json.loads(data.decode("utf-8"), parse_constant=refuse)


def cells(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as stream:
        return [cell for row in csv.reader(stream) for cell in row]


def test_a_hostile_class_is_graded_and_every_output_is_safe(project, tmp_path):
    """Lone surrogates, XML non-characters, escape sequences and formula names: the run
    ends quickly, grades everyone, and every file parses and is defused."""
    submissions = tmp_path / "subs"
    for name, source in (("mallory", HOSTILE), ("ann", SOLUTION), (FORMULA, SOLUTION),
                         ("\x1b[2K\x1b[1Aevil", SOLUTION)):
        folder = submissions / name
        folder.mkdir(parents=True)
        for exercise in ("put_it_together", "label_by_hand"):
            (folder / f"{exercise}.py").write_text(source, encoding="utf-8")
    (submissions / "\x1b]0;pwned\x07empty").mkdir()
    out = tmp_path / "out"
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "sourcewise.cli", "grade", str(submissions), "--out", str(out),
         "--project", str(project), "--jobs", "1"],
        capture_output=True, text=True, timeout=200, check=False,
        encoding="utf-8", errors="surrogateescape")
    assert time.monotonic() - started < 120, done.stderr
    for raw in ("\x1b", "\x07"):
        assert raw not in done.stderr
    statuses = {row[0]: row[3] for row in csv.reader(
        (out / "status.csv").open(encoding="utf-8", newline=""))}
    assert list(statuses.values()).count("graded") == 4, statuses
    for path in (out / "results").glob("*.json"):
        strict_json(path.read_bytes())
    for path in (out / "students").glob("*/results.json"):
        strict_json(path.read_bytes())
    ET.parse(out / "junit.xml")
    for name in ("gradebook.csv", "gradebook-moodle.csv", "status.csv"):
        for cell in cells(out / name):
            assert not cell.lstrip(" ").startswith(FORMULA_START), (name, cell)
        assert "'" + FORMULA in cells(out / name) or name != "status.csv"


def test_gradescope_results_are_written_whole_for_lone_surrogates(project, tmp_path):
    """Gradescope's results.json is complete and parsable when the submission's answers,
    output and errors hold lone surrogates and XML non-characters."""
    root = tmp_path / "autograder"
    (root / "submission").mkdir(parents=True)
    (root / "submission" / "put_it_together.py").write_text(HOSTILE, encoding="utf-8")
    # In its own process: check files of the same name must not meet in one (see api.py).
    done = subprocess.run([sys.executable, "-m", "sourcewise.export.gradescope_run", "--root",
                           str(root), "--project", str(project)], capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    data = strict_json((root / "results" / "results.json").read_bytes())
    assert data["tests"]
    assert any("\ufffd" in test["output"] for test in data["tests"])


SLOW_LOAD = '''
import time
time.sleep(2)

def label(text):
    return "framing"
'''


def test_a_killed_worker_leaves_no_copy_of_a_submission(project, tmp_path):
    """The copy of a submission a grading worker staged is private, and is removed when
    the pool kills that worker mid-grading."""
    submissions = tmp_path / "subs"
    marker = f"# {tmp_path}\n"  # tells this test's copies from other graders'
    for name in ("ann", "ben"):
        folder = submissions / name
        folder.mkdir(parents=True)
        (folder / "put_it_together.py").write_text(marker + SLOW_LOAD, encoding="utf-8")
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "sourcewise.cli", "grade", str(submissions), "--out", str(out),
         "--project", str(project), "--jobs", "1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not (staged := copies_of(marker)):
        assert time.monotonic() < deadline
        assert process.poll() is None
        time.sleep(0.02)
    for path in staged:
        assert not path.stat().st_mode & stat.S_IRWXO, oct(path.stat().st_mode)
        assert not (path / "put_it_together.py").stat().st_mode & stat.S_IRWXO
    for pid in worker_pids(out):
        os.kill(pid, signal.SIGKILL)
    process.communicate(timeout=300)
    assert not [path for path in staged if path.exists()]
    assert not copies_of(marker)
    assert not (out / ".staging").exists()


def copies_of(marker: str) -> set[Path]:
    """The staging folders in the temporary folder holding a file that starts with
    ``marker``."""
    found = set()
    for path in Path(tempfile.gettempdir()).glob("sourcewise-sub-*/put_it_together.py"):
        try:
            if path.read_text(encoding="utf-8").startswith(marker):
                found.add(path.parent)
        except OSError:
            continue
    return found


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
