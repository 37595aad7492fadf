"""The glossary: terms with plain-text definitions, shown as a page and as tooltips.

``src/sourcewise/content/glossary.yaml`` is a list of entries::

    - term: lateral reading
      definition: Leaving a page to see what other sources say about it and about its author.
      lesson: lessons/unsourced-assertions.md   # optional, relative to docs/

Every occurrence of a term on the site gets its definition as a tooltip: the definitions are
appended to each page as Markdown abbreviations (``*[term]: definition``), which Material
shows as tooltips (feature ``content.tooltips``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from sourcewise.site.html import Linker, element, esc

PAGE = "glossary.md"


class GlossaryError(ValueError):
    """The glossary file is missing or malformed; the message names the entry and field."""


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    lesson: str | None  # a docs-relative page, e.g. "lessons/framing.md"

    @property
    def anchor(self) -> str:
        return "term-" + re.sub(r"[^a-z0-9]+", "-", self.term.lower()).strip("-")


def default_glossary_file() -> Path:
    """The glossary that ships with the package."""
    return Path(str(resources.files("sourcewise") / "content" / "glossary.yaml"))


def _field(path: Path, index: int, raw: dict, field: str) -> str:
    value = raw.get(field)
    if not isinstance(value, str) or not value.strip():
        raise GlossaryError(f"{path}: entry {index + 1}: '{field}' must be a non-empty string")
    return " ".join(value.split())


def load_glossary(path: str | Path | None = None) -> tuple[Term, ...]:
    """Read and check a glossary file, or raise GlossaryError saying what to fix."""
    path = Path(path) if path is not None else default_glossary_file()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GlossaryError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise GlossaryError(f"{path}: cannot be read as UTF-8 YAML: {err}") from None
    if not isinstance(data, list) or not data:
        raise GlossaryError(f"{path}: expected a non-empty list of entries (term, definition)")
    terms: list[Term] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(data):
        if not isinstance(raw, dict):
            raise GlossaryError(f"{path}: entry {index + 1}: expected a mapping")
        unknown = set(raw) - {"term", "definition", "lesson"}
        if unknown:
            raise GlossaryError(
                f"{path}: entry {index + 1}: unknown field(s) {', '.join(sorted(unknown))}; "
                "expected term, definition and optionally lesson"
            )
        term = _field(path, index, raw, "term")
        definition = _field(path, index, raw, "definition")
        lesson = _field(path, index, raw, "lesson") if "lesson" in raw else None
        if "[" in term or "]" in term:
            raise GlossaryError(f"{path}: entry {index + 1}: 'term' cannot contain [ or ]")
        if lesson is not None and not lesson.endswith(".md"):
            raise GlossaryError(
                f"{path}: entry {index + 1} ({term}): 'lesson' must be a page under docs/ "
                f"ending in .md, got {lesson!r}"
            )
        if term.lower() in seen:
            raise GlossaryError(
                f"{path}: entry {index + 1}: term {term!r} repeats entry {seen[term.lower()]}"
            )
        seen[term.lower()] = index + 1
        terms.append(Term(term, definition, lesson))
    return tuple(terms)


def missing_lessons(terms: tuple[Term, ...], linker: Linker) -> list[str]:
    """A message for each term whose lesson page is not part of the build."""
    return [
        f"glossary term {t.term!r} links to lesson {t.lesson!r}, which is not in docs/"
        for t in terms
        if t.lesson is not None and not linker.exists(t.lesson)
    ]


def render_glossary_page(terms: tuple[Term, ...], linker: Linker) -> str:
    """The Markdown of the glossary page, terms in alphabetical order."""
    entries = []
    for term in sorted(terms, key=lambda t: t.term.lower()):
        definition = esc(term.definition)
        if term.lesson is not None:
            definition += " " + linker.link(PAGE, term.lesson, "Read the lesson.")
        entries.append(element("dt", esc(term.term), id=term.anchor) + element("dd", definition))
    intro = (
        "The words this course uses, in plain language. Wherever one of these terms appears "
        "on the site, it is underlined with dots: hover over it to see its definition here."
    )
    return "\n\n".join(
        ["# Glossary", element("p", intro), element("dl", "".join(entries), class_="sw-glossary")]
    ) + "\n"


def _variants(term: str) -> list[str]:
    """The forms of a term that get a tooltip: as written, capitalised, and plural."""
    forms = [term, term[0].upper() + term[1:]]
    forms += [f + "s" for f in forms if not f.endswith("s")]
    return list(dict.fromkeys(forms))


def abbreviations(terms: tuple[Term, ...]) -> str:
    """Markdown abbreviation definitions for every term (appended to each page)."""
    return "\n".join(
        f"*[{form}]: {term.definition}" for term in terms for form in _variants(term.term)
    )
