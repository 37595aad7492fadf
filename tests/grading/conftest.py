"""Shared helpers for the grading engine's tests; the toy exercise under toy/ is data.

toy/checks/ holds public checks for two toy exercises (``toy``: add and classify,
``toy2``: shout), toy/hidden/ hidden checks that read toy/hidden/answer_key.json, and
toy/solution/ the reference solutions (10 points for toy, 1 for toy2).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from sourcewise.grading.api import grade_submission
from sourcewise.grading.launch import enable_subreaper
from sourcewise.grading.options import GradingOptions
from sourcewise.grading.results import SubmissionResult

collect_ignore = ["toy"]

TOY = Path(__file__).parent / "toy"
CHECKS = [TOY / "checks", TOY / "hidden"]
SOLUTION = TOY / "solution"
ANSWER_KEY = TOY / "hidden" / "answer_key.json"
HIDDEN_CHECKS = TOY / "hidden" / "test_toy_hidden.py"
TOY_POINTS = 10.0
CLASSIFY_POINTS = 4.0  # public 2 + hidden 2: what a correct classify alone earns
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
# A student module with three bugs: add refuses 0, words splits on single spaces only,
# upper lowers (and prints a debug line).
BUGGY = textwrap.dedent('''
    def add(a, b):
        if a == 0:
            raise ValueError("zero is not allowed")
        return a + b

    def words(text):
        return text.split(" ")

    def upper(text):
        print("debug: upper called")
        return text.lower()
''')

CORRECT_CLASSIFY = '''
def classify(text):
    return "attributed" if " said " in f" {text} " else "framing"
'''


def write_submission(folder: Path, toy: str | bytes | None,
                     toy2: str | None = None) -> Path:
    """A submission folder with toy.py (and the correct toy2.py unless given)."""
    folder.mkdir(parents=True, exist_ok=True)
    if toy is not None:
        target = folder / "toy.py"
        if isinstance(toy, bytes):
            target.write_bytes(toy)
        else:
            target.write_text(toy, encoding="utf-8")
    (folder / "toy2.py").write_text(toy2 or (SOLUTION / "toy2.py").read_text(), "utf-8")
    return folder


def child_pids() -> list[int]:
    """Processes whose parent is this test process (zombies included)."""
    pids = []
    for task in Path("/proc/self/task").iterdir():
        text = (task / "children").read_text().split()
        pids.extend(int(pid) for pid in text)
    return pids


# This test process is a child subreaper: any process the grading left behind, however
# it detached, ends up as a child of ours, so "no children" means "nothing left behind".
enable_subreaper()


def leftovers(result: SubmissionResult) -> list[int]:
    """Processes the grading of ``result`` left behind (alive or zombie)."""
    assert result.sandbox is not None
    time.sleep(0.05)  # give the kernel a moment to finish tearing namespaces down
    return child_pids()


@pytest.fixture
def grade_toy():
    """Grade a submission folder with the toy checks (public and hidden)."""

    def grade(folder: Path, checks: list[Path] | None = None, **options) -> SubmissionResult:
        options.setdefault("call_timeout", 0.5)
        return grade_submission(folder, checks or CHECKS, GradingOptions(**options))

    return grade


def by_name(result: SubmissionResult) -> dict[str, object]:
    return {check.name: check for check in result.checks}


def result_text(result: SubmissionResult) -> str:
    return json.dumps(result.to_json())


@pytest.fixture
def run_pytest(monkeypatch):
    """Run pytest in this process in ``folder``; return (exit code, output).

    Like pytester, it hides test modules imported before (another file may have the same
    name) and forgets the ones the run imported, so every run collects its own files.
    """

    def run(folder: Path, *args: str) -> tuple[int, str]:
        monkeypatch.chdir(folder)
        hidden = {name: module for name, module in sys.modules.items()
                  if name.split(".")[-1].startswith(("test_", "conftest"))}
        for name in hidden:
            del sys.modules[name]
        modules, path = set(sys.modules), list(sys.path)
        output = io.StringIO()
        try:
            with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
                code = pytest.main(["-p", "no:cacheprovider", *args])
        finally:
            for name in set(sys.modules) - modules:
                if str(getattr(sys.modules[name], "__file__", "")).startswith(str(folder)):
                    del sys.modules[name]
            sys.modules.update(hidden)
            sys.path[:] = path
        return int(code), output.getvalue()

    return run


@pytest.fixture
def readable_src():
    """A copy of src/sourcewise that any uid can read, in a fresh 0755 folder in /tmp
    (this checkout may sit in a 0700 home folder, and so may pytest's tmp_path); yields
    the folder to put on sys.path, and removes it afterwards."""
    import shutil

    folder = Path(tempfile.mkdtemp(prefix="sourcewise-readable-"))
    try:
        src = folder / "src"
        shutil.copytree(Path(__file__).resolve().parents[2] / "src" / "sourcewise",
                        src / "sourcewise", ignore=shutil.ignore_patterns("__pycache__"))
        for path in [folder, src, *src.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        yield src
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def make_project(root: Path, files: dict[str, str]) -> Path:
    """A student or grader folder: a pytest.ini (so it is the rootdir) plus ``files``."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    for name, text in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root
