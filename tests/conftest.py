"""The whole suite: programs it needs from the system are checked before anything runs.

A missing bubblewrap or Chromium stops the run at once with one line each, naming the
package and the command that installs it (CI installs both: see .ci/run), instead of
failing test after test with a stack trace. Nothing here may be imported by test modules
(each folder's own conftest.py is the one they import).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sourcewise.prerequisites import missing_bubblewrap, missing_chromium

TESTS = Path(__file__).parent
# Folders whose tests grade in the bubblewrap sandbox (or check that it is used).
SANDBOX_FOLDERS = {"batch", "exercises", "export", "grading", "release"}
SANDBOX_FILES = {"test_benchmarks.py"}


def needs_sandbox(item: pytest.Item) -> bool:
    """Whether a test lives where the suite grades in the sandbox."""
    try:
        parts = item.path.relative_to(TESTS).parts
    except ValueError:
        return False
    return parts[0] in SANDBOX_FOLDERS or parts[-1] in SANDBOX_FILES


def missing_for(items: list[pytest.Item]) -> list[str]:
    """One line per program the selected tests need and this machine lacks."""
    missing = []
    if any(needs_sandbox(item) for item in items):
        missing.append(missing_bubblewrap())
    if any("browser" in getattr(item, "fixturenames", ()) for item in items):
        missing.append(missing_chromium())
    return [line for line in missing if line]


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config,
                                  items: list[pytest.Item]) -> None:
    if config.option.collectonly:
        return
    missing = missing_for(items)
    if missing:
        pytest.exit("\n".join(f"missing prerequisite: {line}" for line in missing),
                    returncode=pytest.ExitCode.USAGE_ERROR)
