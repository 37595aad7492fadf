"""The ``sourcewise`` command line."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from sourcewise import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sourcewise",
        description="Sourcewise: grade, release and export the media-literacy exercises.",
    )
    parser.add_argument("--version", action="version", version=f"sourcewise {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_grade(commands)
    _add_release(commands)
    _add_export(commands)
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number")
    return value


def _project_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--project", type=Path, default=Path.cwd(), metavar="DIR",
                        help="the course repository (default: the current folder)")


def _site_url_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site-url", default=None, metavar="URL",
                        help="where students read the site, for the links they get (default: "
                             "site-url under [tool.sourcewise] in the project's pyproject.toml)")


def _add_grade(commands: argparse._SubParsersAction) -> None:
    grade = commands.add_parser(
        "grade", help="grade a folder of submissions",
        description="Grade every submission in SUBMISSIONS (one folder or .zip per student) "
                    "in the sandbox, in parallel, and write the gradebook, per-student "
                    "feedback, Gradescope results, JUnit XML and the class item analysis "
                    "to --out. Interrupted runs resume where they stopped.")
    grade.add_argument("submissions", type=Path, metavar="SUBMISSIONS")
    grade.add_argument("--out", type=Path, required=True, metavar="DIR",
                       help="output folder (results are kept here between runs)")
    grade.add_argument("--roster", type=Path, metavar="CSV",
                       help="class roster, e.g. the gradebook CSV exported from Canvas")
    grade.add_argument("--jobs", type=_positive, default=os.cpu_count() or 1, metavar="N",
                       help="submissions graded at once (default: one per core)")
    grade.add_argument("--force", action="store_true",
                       help="grade every submission again, even those already graded")
    grade.add_argument("--sandbox", choices=("auto", "require"), default="require",
                       help="'require' (default) refuses to grade without bubblewrap; "
                            "'auto' falls back to a weaker sandbox with a warning")
    grade.add_argument("--public-only", action="store_true",
                       help="grade with the public checks only (no instructor folder)")
    grade.add_argument("--columns", choices=("exercises", "total"), default="exercises",
                       help="gradebook columns: one per exercise (default) or one total")
    _site_url_option(grade)
    _project_option(grade)


def _add_release(commands: argparse._SubParsersAction) -> None:
    release = commands.add_parser(
        "release", help="build the student bundle (folder and zip)",
        description="Check that every reference solution scores full marks and every "
                    "starter zero, then build the student bundle in --out: starters, public "
                    "checks, the package with the hand-labelling answers removed, the "
                    "student site, a README and a pyproject.toml. Refuses if a check fails.")
    release.add_argument("--out", type=Path, required=True, metavar="DIR")
    release.add_argument("--sandbox", choices=("auto", "require"), default="require")
    release.add_argument("--reveal", action="store_true",
                         help="after grading: build the answers edition (sourcewise-revealed), "
                              "with the hand-labelling notes shown and the reference solutions "
                              "published as worked answers")
    _site_url_option(release)
    _project_option(release)


def _add_export(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser("export", help="build files for Gradescope or GitHub Classroom")
    targets = export.add_subparsers(dest="target", metavar="TARGET", required=True)
    gradescope = targets.add_parser(
        "gradescope", help="the Gradescope autograder zip",
        description="Write the Gradescope autograder zip (setup.sh, run_autograder and the "
                    "checks, public and hidden; never the solutions).")
    gradescope.add_argument("--out", type=Path, default=Path("sourcewise-gradescope.zip"),
                            metavar="ZIP")
    _site_url_option(gradescope)
    gradescope.add_argument("--sandbox", choices=("auto", "require"), default="require",
                            help="sandbox for checking the solutions and starters here")
    gradescope.add_argument("--allow-sandbox-fallback", action="store_true",
                            help="let the autograder grade without bubblewrap when the "
                                 "container cannot create namespaces (student code then "
                                 "runs without isolation; results.json says so). Default: "
                                 "refuse and say why in results.json")
    _project_option(gradescope)
    classroom = targets.add_parser(
        "classroom", help="the GitHub Classroom workflow",
        description="Write .github/workflows/classroom.yml into --out (a student repository "
                    "made from the release): it grades the public checks on every push and "
                    "reports points to GitHub Classroom.")
    classroom.add_argument("--out", type=Path, required=True, metavar="DIR")
    classroom.add_argument("--python", default="3.11", metavar="VERSION")
    classroom.add_argument("--timeout", type=int, default=15, metavar="MINUTES")
    _site_url_option(classroom)
    _project_option(classroom)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    """Run the chosen command; the command modules are imported only when used."""
    if args.command == "grade":
        from sourcewise.batch.run import grade_command

        return grade_command(args)
    if args.command == "release":
        from sourcewise.release.build import release_command

        return release_command(args)
    if args.target == "gradescope":
        from sourcewise.export.gradescope_bundle import export_gradescope_command

        return export_gradescope_command(args)
    from sourcewise.export.classroom import export_classroom_command

    return export_classroom_command(args)


if __name__ == "__main__":
    sys.exit(main())
