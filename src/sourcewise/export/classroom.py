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

from sourcewise.grading.site_url import course_site_url, normalise, read_site_url, unset_warning

WORKFLOW = Path(".github/workflows/classroom.yml")
_VERSION = re.compile(r"^3\.\d{1,2}$")


def workflow_text(python_version: str = "3.11", timeout_minutes: int = 15,
                  site_url: str | None = None) -> str:
    """The workflow file's text for this Python version, job timeout and site address
    (None: the repository's own [tool.sourcewise] site-url, else no lesson links)."""
    if not _VERSION.match(python_version):
        raise ValueError(f"Python version {python_version!r} is not like '3.11'")
    if not 1 <= timeout_minutes <= 360:
        raise ValueError(f"timeout of {timeout_minutes} minutes is outside 1 to 360")
    template = (resources.files("sourcewise.export") / "templates" / "classroom.yml")
    return (template.read_text(encoding="utf-8")
            .replace("@PYTHON_VERSION@", python_version)
            .replace("@TIMEOUT_MINUTES@", str(timeout_minutes))
            .replace("@SITE_URL_OPTION@",
                     f' --site-url "{normalise(site_url)}"' if site_url else ""))


def write_workflow(repository: Path, python_version: str = "3.11",
                   timeout_minutes: int = 15, site_url: str | None = None) -> Path:
    """Write the workflow into ``repository`` and return its path."""
    path = repository / WORKFLOW
    text = workflow_text(python_version, timeout_minutes, site_url)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def export_classroom_command(args: argparse.Namespace) -> int:
    """``sourcewise export classroom --out DIR``."""
    try:
        site_url = (course_site_url(args.project, args.site_url)
                    or read_site_url(args.out))
        if site_url is None:
            print(unset_warning("sourcewise export classroom"), file=sys.stderr)
        path = write_workflow(args.out, args.python, args.timeout, site_url)
    except (ValueError, OSError) as error:
        print(f"sourcewise export classroom: {error}", file=sys.stderr)
        return 1
    print(f"wrote {path}\nCommit it to the assignment's template repository and turn on "
          "'Protected file paths' for .github/** and exercises/test_*.py.")
    return 0
