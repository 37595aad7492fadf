"""``python -m sourcewise.site build-pages OUT``: the site's pages without MkDocs.

For a static-site generator that does not run MkDocs hooks (Zensical): OUT becomes a
complete docs folder, the hand-written pages of ``--docs`` (default ``docs``) with their
markers filled and glossary tooltips appended, plus the pages generated from data.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from sourcewise.casestudy import CaseStudyError
from sourcewise.site import pages
from sourcewise.site.audience import Audience
from sourcewise.site.glossary import GlossaryError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m sourcewise.site",
                                     description="Generate Sourcewise's site pages from data.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build = commands.add_parser("build-pages", help="write the generated pages into a folder")
    build.add_argument("out", type=Path, help="folder to write the pages into")
    build.add_argument("--audience", choices=[a.value for a in Audience], default="student",
                       help="which edition to generate (default: student)")
    build.add_argument("--docs", type=Path, default=Path("docs"),
                       help="the hand-written docs folder to copy, markers filled "
                            "(default: docs)")
    build.add_argument("--case", type=Path, help="a case-study folder (default: the bundled one)")
    build.add_argument("--glossary", type=Path, help="a glossary file (default: the bundled one)")
    return parser


def _written_pages(docs: Path) -> list[str]:
    if not docs.is_dir():
        raise ValueError(f"{docs}: no such docs folder; give the site's docs folder with --docs")
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))


def build_pages(args: argparse.Namespace) -> list[str]:
    """Write the pages; return the problems found (each one also fails a strict MkDocs build)."""
    if args.out.resolve() == args.docs.resolve():
        raise ValueError(f"{args.out}: the output folder must not be the docs folder itself")
    data = pages.prepare(Audience.parse(args.audience), args.case, args.glossary)
    written = _written_pages(args.docs)
    linker = pages.linker_for(data, written)
    found = pages.problems(data, linker)
    generated = pages.generated_pages(data, linker)
    for source in sorted(args.docs.rglob("*")):
        relative = source.relative_to(args.docs).as_posix()
        if not source.is_file() or relative in generated:
            continue
        target = args.out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".md":
            text, unknown = pages.expand_page(source.read_text(encoding="utf-8"), data,
                                              linker, relative)
            target.write_text(text, encoding="utf-8")
            found += unknown
        else:
            shutil.copyfile(source, target)
    for path, content in generated.items():
        text, unknown = pages.expand_page(content, data, linker, path)
        target = args.out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        found += unknown
    return found


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        found = build_pages(args)
    except (CaseStudyError, GlossaryError, ValueError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    for message in found:
        print(f"warning: {message}", file=sys.stderr)
    print(f"wrote the {args.audience} pages to {args.out}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
