"""Build the Gradescope autograder zip (``sourcewise export gradescope``).

Layout of the zip, as Gradescope expects it (its root is unpacked into /autograder/source)::

    setup.sh          installs Python, bubblewrap and Sourcewise (once, at image build)
    run_autograder    grades /autograder/submission, writes /autograder/results/results.json
    project/          what grading needs: pyproject.toml, README.md, src/sourcewise/,
                      exercises/test_*.py (public checks), instructor/hidden/ (hidden checks
                      and items). Never the reference solutions.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from importlib import resources
from pathlib import Path

from sourcewise.batch.project import Project, ProjectError
from sourcewise.export.archive import zip_folder
from sourcewise.grading.api import GradingError, SandboxUnavailable
from sourcewise.grading.site_url import SiteUrlError, command_site_url, normalise
from sourcewise.grading.submission import course_helpers
from sourcewise.release.verify import verify_exercises

TEMPLATES = ("setup.sh", "run_autograder")


def build_gradescope_bundle(project: Project, destination: Path,
                            site_url: str | None = None,
                            allow_sandbox_fallback: bool = False) -> Path:
    """Write the autograder zip for ``project`` to ``destination`` and return its path.
    ``site_url`` (None: no lesson links) is written into ``run_autograder``.

    The autograder refuses to grade when bubblewrap cannot start, unless
    ``allow_sandbox_fallback`` (then results.json says the sandbox was missing)."""
    site_url = normalise(site_url) if site_url else ""
    checks = project.check_files(include_hidden=True)
    with tempfile.TemporaryDirectory(prefix="sourcewise-gradescope-") as scratch:
        stage = Path(scratch)
        templates = resources.files("sourcewise.export") / "templates"
        for name in TEMPLATES:
            target = stage / name
            text = (templates / name).read_text(encoding="utf-8")
            text = text.replace("@SANDBOX@", "auto" if allow_sandbox_fallback else "require")
            target.write_text(text.replace("@SITE_URL@", site_url), encoding="utf-8")
            target.chmod(0o755)
        payload = stage / "project"
        wanted = [Path("pyproject.toml"), Path("README.md"), *project.package_files()]
        wanted += [c.relative_to(project.root) for c in checks]
        wanted += [p.relative_to(project.root) for p in project.hidden.rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts]
        # The course's helper modules (exercises/textkit.py), for submissions without them.
        wanted += [(project.exercises / name).relative_to(project.root)
                   for name in course_helpers(project.exercises)]
        conftest = project.exercises / "conftest.py"
        if conftest.is_file():
            wanted.append(conftest.relative_to(project.root))
        for relative in sorted(set(wanted)):
            target = payload / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(project.root / relative, target)
        return zip_folder(stage, destination)


def export_gradescope_command(args: argparse.Namespace) -> int:
    """``sourcewise export gradescope --out ZIP``: verify the exercises, then build."""
    try:
        project = Project.locate(args.project)
        site_url = command_site_url(project.root, args.site_url, "sourcewise export gradescope")
        verification = verify_exercises(project, args.sandbox)
        if not verification.sound:
            print("sourcewise export gradescope: refusing to export: the exercises are not "
                  "sound.\n  " + "\n  ".join(verification.problems), file=sys.stderr)
            return 1
        path = build_gradescope_bundle(project, args.out, site_url,
                                       getattr(args, "allow_sandbox_fallback", False))
    except (ProjectError, SiteUrlError, SandboxUnavailable, GradingError, ValueError,
            OSError) as error:
        print(f"sourcewise export gradescope: {error}", file=sys.stderr)
        return 1
    print(f"wrote {path}\nUpload it as the autograder of a Gradescope programming "
          "assignment (base image: Ubuntu 24.04). Students submit their exercise files or "
          "a zip of them.")
    return 0
