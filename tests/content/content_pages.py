"""Read the hand-written lesson and instructor pages the way the content tests need them.

The pages are Markdown for MkDocs with Material's admonitions (``!!! type "Title"``) and
collapsible blocks (``??? type "Title"``, from pymdownx.details). These helpers find those
blocks, the links, the quotations and the tables, skipping fenced code.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
ARTICLE = ROOT / "src" / "sourcewise" / "cases" / "taliban-arms" / "article.txt"
UNITS = ARTICLE.with_name("units.yaml")
GLOSSARY = ROOT / "src" / "sourcewise" / "content" / "glossary.yaml"

# The lessons in reading order (docs-relative), then the instructor pages written by hand.
LESSON_INDEX = "lessons/index.md"
LESSONS: tuple[str, ...] = (
    "lessons/sourced-facts.md",
    "lessons/official-estimates.md",
    "lessons/attributed-claims.md",
    "lessons/vague-attribution.md",
    "lessons/unsourced-assertions.md",
    "lessons/framing.md",
    "lessons/tracing-upstream.md",
    "lessons/sloppy-is-not-false.md",
)
INSTRUCTOR_PAGES: tuple[str, ...] = (
    "instructors/index.md",
    "instructors/lesson-plan.md",
    "instructors/assign-grade-release.md",
    "instructors/rubric.md",
    "instructors/add-a-case-study.md",
)
OWN_PAGES: tuple[str, ...] = (LESSON_INDEX, *LESSONS, *INSTRUCTOR_PAGES)
# The grading reference sits among the instructor pages but belongs to the grading
# commands (its own tests live with them), so the lesson rules above don't apply to it.
GRADING_REFERENCE = "instructors/grading.md"

# Pages other parts of the project generate or write; links from our pages may point at them.
GENERATED_PAGES: tuple[str, ...] = (
    "index.md",
    "case-study.md",
    "sources.md",
    "numbers.md",
    "glossary.md",
    "exercises/index.md",
    GRADING_REFERENCE,
)
# Exists only in the instructor build, so a page of the student build must not link to it.
INSTRUCTOR_ONLY_PAGES: tuple[str, ...] = ("instructors/answer-key.md",)

_FENCE = re.compile(r"^\s*(```|~~~)")
_BLOCK_START = re.compile(r"^(?P<indent> *)(?P<marker>!!!|\?\?\?\+?) (?P<kind>[\w-]+)(?: \"(?P<title>[^\"]*)\")?\s*$")
_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]+)\)")
_AUTOLINK = re.compile(r"<(?P<target>https?://[^>\s]+)>")
_BARE_URL = re.compile(r"https?://[^\s)>\]]+")
_INLINE_CODE = re.compile(r"`[^`]*`")
_QUOTED = re.compile(r"\"([^\"]+)\"|\u201c([^\u201c\u201d]+)\u201d")


def read(page: str) -> str:
    """The Markdown source of a docs-relative page."""
    return (DOCS / page).read_text(encoding="utf-8")


def prose_lines(markdown: str) -> list[str]:
    """The lines of ``markdown`` outside fenced code blocks, with inline code blanked out."""
    lines, in_fence = [], False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            lines.append(_INLINE_CODE.sub(" ", line))
    return lines


@dataclass(frozen=True)
class Block:
    """An admonition or collapsible block: its marker, type, title, indent and body lines."""

    marker: str
    kind: str
    title: str
    indent: int
    body: tuple[str, ...]

    @property
    def collapsible(self) -> bool:
        return self.marker.startswith("???")

    def children(self) -> list[Block]:
        """The blocks nested directly inside this one."""
        inner = [line[self.indent + 4:] if line.strip() else "" for line in self.body]
        return [b for b in blocks("\n".join(inner)) if b.indent == 0]

    def bullets(self) -> list[str]:
        return [line.strip()[2:] for line in self.body if line.strip().startswith("- ")]


def blocks(markdown: str) -> list[Block]:
    """Every admonition or collapsible block in reading order (nested ones included)."""
    lines = prose_lines(markdown)
    found = []
    for number, line in enumerate(lines):
        match = _BLOCK_START.match(line)
        if not match:
            continue
        indent = len(match["indent"])
        body = []
        for following in lines[number + 1:]:
            if following.strip() and len(following) - len(following.lstrip(" ")) <= indent:
                break
            body.append(following)
        while body and not body[-1].strip():
            body.pop()
        found.append(Block(match["marker"], match["kind"], match["title"] or "", indent, tuple(body)))
    return found


def top_level_sequence(markdown: str) -> list[tuple[str, str | Block]]:
    """The page's top-level items in order: ("heading", text), ("text", line) or ("block", Block)."""
    items: list[tuple[str, str | Block]] = []
    lines = prose_lines(markdown)
    skip_until = -1
    for number, line in enumerate(lines):
        if number <= skip_until or not line.strip():
            continue
        match = _BLOCK_START.match(line)
        if match and not match["indent"]:
            block = next(b for b in blocks("\n".join(lines[number:])) if b.indent == 0)
            items.append(("block", block))
            skip_until = number + len(block.body)
        elif line.startswith("#"):
            items.append(("heading", line.lstrip("#").strip()))
        else:
            items.append(("text", line))
    return items


def links(markdown: str) -> list[str]:
    """Every link target in the prose: Markdown links and <autolinks>."""
    text = "\n".join(prose_lines(markdown))
    return [m["target"] for m in _LINK.finditer(text)] + [m["target"] for m in _AUTOLINK.finditer(text)]


def external_urls(markdown: str) -> list[str]:
    """Every http(s) address written in the prose, linked or not."""
    return _BARE_URL.findall("\n".join(prose_lines(markdown)))


def relative_links(page: str) -> list[tuple[str, str]]:
    """(docs-relative target path, anchor) for every relative link of a page."""
    found = []
    for target in links(read(page)):
        if re.match(r"^[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        resolved = (Path(page).parent / path).as_posix() if path else page
        found.append((normalise_path(resolved), anchor))
    return found


def normalise_path(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space (quotes in the pages wrap across lines)."""
    return " ".join(text.split())


def paragraphs(markdown: str) -> list[str]:
    """Prose paragraphs with their lines joined, list markers and quote markers removed."""
    chunks, current = [], []
    for line in prose_lines(markdown) + [""]:
        stripped = line.strip()
        if not stripped or _BLOCK_START.match(line) or re.match(r"^(- |\d+\. |\|)", stripped):
            if current:
                chunks.append(squash(" ".join(current)))
            current = []
            if stripped and not _BLOCK_START.match(line):
                current.append(re.sub(r"^(- |\d+\. )", "", stripped))
            continue
        current.append(stripped.removeprefix("> "))
    return chunks


def quotations(markdown: str) -> list[str]:
    """Every passage in double quotation marks, and every blockquote, whitespace squashed."""
    found = []
    for paragraph in paragraphs(markdown):
        for match in _QUOTED.finditer(paragraph):
            found.append(squash(match[1] or match[2]))
    quote_lines: list[str] = []
    for line in prose_lines(markdown) + [""]:
        if line.lstrip().startswith("> "):
            quote_lines.append(line.lstrip()[2:])
        elif quote_lines:
            found.append(squash(" ".join(quote_lines)))
            quote_lines = []
    return found


def table_rows(markdown: str, heading: str) -> list[list[str]]:
    """The body rows of the first table under the level-2 heading that starts with ``heading``."""
    lines = prose_lines(markdown)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"## {heading}"))
    rows = []
    for line in lines[start + 1:]:
        if line.startswith("## "):
            break
        if line.startswith("|"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif rows:
            break
    header_and_rule = 2
    return rows[header_and_rule:]


def heading_anchors(markdown: str) -> set[str]:
    """The anchors Python-Markdown's toc extension gives the headings of a page."""
    anchors = set()
    for line in prose_lines(markdown):
        if line.startswith("#"):
            text = unicodedata.normalize("NFKD", line.lstrip("#").strip())
            text = text.encode("ascii", "ignore").decode("ascii")
            text = re.sub(r"[^\w\s-]", "", text).strip().lower()
            anchors.add(re.sub(r"[-\s]+", "-", text))
    return anchors


def article_text() -> str:
    return ARTICLE.read_text(encoding="utf-8")


def mkdocs_nav() -> list:
    """The nav of mkdocs.yml (python tags such as !!python/name are read as None)."""

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    return config["nav"]


_CITE = re.compile(r"<!--\s*sourcewise:cite\s+([A-Za-z0-9_.-]+)\s*-->")


def cited_records(markdown: str) -> list[str]:
    """The ids of the records a page cites with ``<!-- sourcewise:cite ID -->``."""
    return _CITE.findall(markdown)
