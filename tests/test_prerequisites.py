"""Missing system programs are found by name and reported in one line with the fix."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sourcewise.prerequisites import (
    CHROMIUM_VARIABLE,
    find_chromium,
    missing_bubblewrap,
    missing_chromium,
)

REPO = Path(__file__).resolve().parents[1]


def program(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    path.chmod(0o755)
    return path


@pytest.mark.parametrize("name", ["chromium", "chromium-browser", "google-chrome"])
def test_chromium_is_found_by_name_on_path(tmp_path, monkeypatch, name):
    """Chromium is found under any of its usual names, wherever PATH puts it."""
    found = program(tmp_path / "bin", name)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.delenv(CHROMIUM_VARIABLE, raising=False)
    assert find_chromium() == str(found)
    assert missing_chromium() is None


def test_the_environment_variable_wins_and_a_wrong_one_is_reported(tmp_path, monkeypatch):
    """SOURCEWISE_CHROMIUM names the browser; pointing it at nothing says so."""
    program(tmp_path / "bin", "chromium")
    chrome = program(tmp_path / "opt", "chrome")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setenv(CHROMIUM_VARIABLE, str(chrome))
    assert find_chromium() == str(chrome)
    monkeypatch.setenv(CHROMIUM_VARIABLE, str(tmp_path / "nothing"))
    assert find_chromium() is None
    assert f"{CHROMIUM_VARIABLE}={tmp_path / 'nothing'} is not a program" in missing_chromium()


def test_missing_programs_name_the_package_and_the_install_command(tmp_path, monkeypatch):
    """Without them, each message names the package and the command that installs it."""
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv(CHROMIUM_VARIABLE, raising=False)
    assert "`sudo apt-get install bubblewrap`" in missing_bubblewrap()
    assert "`sudo apt-get install chromium`" in missing_chromium()


def run_suite(tmp_path: Path, *selection: str) -> subprocess.CompletedProcess[str]:
    """Part of this test suite, run with a PATH that has neither bwrap nor Chromium."""
    environment = {key: value for key, value in os.environ.items()
                   if key != CHROMIUM_VARIABLE}
    environment["PATH"] = str(tmp_path / "empty-bin")
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly",
                           *selection], cwd=REPO, env=environment, capture_output=True,
                          text=True, timeout=300, check=False)


def test_the_suite_without_bubblewrap_stops_first_with_one_line(tmp_path):
    """Sandbox tests without bwrap: no test runs; one line says what to install."""
    done = run_suite(tmp_path, "tests/grading/test_results.py")
    assert done.returncode == pytest.ExitCode.USAGE_ERROR
    lines = [line for line in done.stdout.splitlines() if "missing prerequisite" in line]
    assert len(lines) == 1
    assert "bubblewrap is not installed" in lines[0]
    assert "sudo apt-get install bubblewrap" in lines[0]
    assert " passed" not in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_the_browser_tests_without_chromium_stop_first_with_one_line(tmp_path):
    """Browser tests without Chromium: one line with the package and the command, no
    Playwright stack trace, and no test runs."""
    done = run_suite(tmp_path, "tests/site/test_browser.py")
    assert done.returncode == pytest.ExitCode.USAGE_ERROR
    lines = [line for line in done.stdout.splitlines() if "missing prerequisite" in line]
    assert len(lines) == 1
    assert "Chromium is not installed" in lines[0]
    assert "sudo apt-get install chromium" in lines[0]
    assert "playwright" not in done.stdout.lower()
