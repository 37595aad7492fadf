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
                  reveal: bool = False) -> Release:
    """Build the student release of ``project`` into ``out`` or raise ReleaseError."""
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
        assemble(project, folder, site)
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
        release = build_release(Project.locate(args.project), args.out, args.sandbox,
                                reveal=getattr(args, "reveal", False))
    except (ProjectError, ReleaseError, SandboxUnavailable, GradingError) as error:
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
