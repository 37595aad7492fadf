"""Write the GitHub Classroom workflow (``sourcewise export classroom``).

The workflow (``.github/workflows/classroom.yml`` in a student repository made from the
release) installs the repository, runs ``python -m sourcewise.export.classroom_run`` to
grade ``exercises/`` with the public checks in the sandbox, and hands the result to GitHub
Classroom's reporter action, which posts "Points X/Y" for Classroom to record.
"""

from __future__ import annotations

import argparse
import re
import sys
from importlib import resources
from pathlib import Path

WORKFLOW = Path(".github/workflows/classroom.yml")
_VERSION = re.compile(r"^3\.\d{1,2}$")


def workflow_text(python_version: str = "3.11", timeout_minutes: int = 15) -> str:
    """The workflow file's text for this Python version and job timeout."""
    if not _VERSION.match(python_version):
        raise ValueError(f"Python version {python_version!r} is not like '3.11'")
    if not 1 <= timeout_minutes <= 360:
        raise ValueError(f"timeout of {timeout_minutes} minutes is outside 1 to 360")
    template = (resources.files("sourcewise.export") / "templates" / "classroom.yml")
    return (template.read_text(encoding="utf-8")
            .replace("@PYTHON_VERSION@", python_version)
            .replace("@TIMEOUT_MINUTES@", str(timeout_minutes)))


def write_workflow(repository: Path, python_version: str = "3.11",
                   timeout_minutes: int = 15) -> Path:
    """Write the workflow into ``repository`` and return its path."""
    path = repository / WORKFLOW
    text = workflow_text(python_version, timeout_minutes)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def export_classroom_command(args: argparse.Namespace) -> int:
    """``sourcewise export classroom --out DIR``."""
    try:
        path = write_workflow(args.out, args.python, args.timeout)
    except (ValueError, OSError) as error:
        print(f"sourcewise export classroom: {error}", file=sys.stderr)
        return 1
    print(f"wrote {path}\nCommit it to the assignment's template repository and turn on "
          "'Protected file paths' for .github/** and exercises/test_*.py.")
    return 0
