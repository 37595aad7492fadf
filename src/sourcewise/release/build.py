"""``sourcewise release --out DIR``: verify, build, search for leaks, then zip.

The order matters: nothing is written to ``DIR`` unless the exercises are sound, and the
bundle is removed again if any instructor-only text is found in it. On success ``DIR``
holds ``sourcewise-student/`` and ``sourcewise-student.zip`` (the same files, under one
top folder).

``--reveal`` (after grading) builds ``sourcewise-revealed/`` and its zip instead: the same
bundle, with a site that shows the hand-labelling units' notes and publishes the reference
solutions as worked answers. The hidden checks and hidden items stay out of it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sourcewise.batch.project import Project, ProjectError
from sourcewise.export.archive import zip_folder
from sourcewise.grading.api import GradingError, SandboxUnavailable
from sourcewise.grading.site_url import SiteUrlError, command_site_url
from sourcewise.release.bundle import ReleaseError, assemble, build_site
from sourcewise.release.leaks import find_leaks
from sourcewise.release.verify import verify_exercises

BUNDLE = "sourcewise-student"
REVEALED = "sourcewise-revealed"


@dataclass(frozen=True)
class Release:
    folder: Path
    archive: Path


def build_release(project: Project, out: Path, sandbox: str = "require",
                  site_url: str | None = None, reveal: bool = False) -> Release:
    """Build the student release of ``project`` into ``out`` or raise ReleaseError.
    ``site_url``: where students read the site (see sourcewise.grading.site_url);
    ``reveal``: the answers edition (see the module docstring)."""
    try:
        import mkdocs  # noqa: F401  (the site extra)
    except ImportError:
        raise ReleaseError("building the student site needs MkDocs, which is not installed "
                           "here: run python -m pip install -e '.[site]' in the course "
                           "repository (grading alone does not need it)") from None
    verification = verify_exercises(project, sandbox)
    if not verification.sound:
        raise ReleaseError("refusing to release: the exercises are not sound.\n  "
                           + "\n  ".join(verification.problems))
    name = REVEALED if reveal else BUNDLE
    folder = out / name
    with tempfile.TemporaryDirectory(prefix="sourcewise-site-") as scratch:
        site = build_site(project, Path(scratch) / "site", reveal=reveal)
        out.mkdir(parents=True, exist_ok=True)
        (out / f"{name}.zip").unlink(missing_ok=True)  # never leave an older release
        assemble(project, folder, site, site_url)
    leaks = find_leaks(project, folder, revealed=reveal)
    if leaks:
        shutil.rmtree(folder)
        lines = [f"{leak.secret.kind} from {leak.secret.origin} found in {leak.found_in}: "
                 f"\"{leak.piece}\"" for leak in leaks[:20]]
        raise ReleaseError("refusing to release: instructor-only text is in the bundle.\n  "
                           + "\n  ".join(lines))
    archive = zip_folder(folder, out / f"{name}.zip", prefix=f"{name}/")
    return Release(folder, archive)


def release_command(args: argparse.Namespace) -> int:
    """Run ``sourcewise release`` with parsed arguments; return the exit code."""
    try:
        project = Project.locate(args.project)
        site_url = command_site_url(project.root, args.site_url, "sourcewise release")
        release = build_release(project, args.out, args.sandbox, site_url,
                                reveal=getattr(args, "reveal", False))
    except (ProjectError, SiteUrlError, ReleaseError, SandboxUnavailable,
            GradingError) as error:
        print(f"sourcewise release: {error}", file=sys.stderr)
        return 1
    print("The exercises are sound: every reference solution scores full marks and every "
          "starter zero.")
    if getattr(args, "reveal", False):
        print(f"Wrote {release.folder} and {release.archive}: the answers edition, with the "
              "hand-labelling notes and the worked answers. Publish it only after grading; "
              "no hidden check or hidden item is in it.")
    else:
        print(f"Wrote {release.folder} and {release.archive}; no solution, hidden check, "
              "hidden item or instructor answer is in them.")
    return 0
