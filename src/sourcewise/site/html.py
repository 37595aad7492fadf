"""Small helpers for writing escaped HTML and links between site pages.

Generated pages are Markdown files whose bodies are mostly raw HTML blocks. MkDocs does not
rewrite links inside raw HTML, so links there are computed here, for the directory URLs
MkDocs and Zensical use by default (``lessons/framing.md`` is served at ``lessons/framing/``).
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sourcewise.casestudy.citations import NOT_ONLINE, Citation


def esc(text: object) -> str:
    """Escape text for HTML content and attribute values."""
    return html.escape(str(text), quote=True)


def attrs(values: Mapping[str, object | None]) -> str:
    """Render HTML attributes; ``None`` and ``False`` drop the attribute, ``True`` writes it bare."""
    parts = []
    for name, value in values.items():
        if value is None or value is False:
            continue
        parts.append(f" {name}" if value is True else f' {name}="{esc(value)}"')
    return "".join(parts)


def element(name: str, content: str = "", **values: object | None) -> str:
    """An element with escaped attributes around already-escaped ``content``.

    Attribute names use ``_`` for ``-`` and a trailing ``_`` for Python keywords
    (``class_`` -> ``class``, ``aria_label`` -> ``aria-label``).
    """
    names = {key.rstrip("_").replace("_", "-"): value for key, value in values.items()}
    return f"<{name}{attrs(names)}>{content}</{name}>"


def cite(record: Citation) -> str:
    """One record as the page shows it: who, title, date, identifier, and how to reach it.

    The original's own page links its title; a copy is linked by words saying it is a copy
    ("AP's story as carried by Yahoo News"); a record with no link says we could not find it.
    """
    parts = [esc(record.author)] if record.author else []
    parts.append(esc(record.publisher))
    link = record.link
    if record.title:
        title = esc(record.title)
        if link is not None and link.kind != "copy":
            title = element("a", title, href=link.url)
        parts.append(f"“{title}”")
    else:
        description = esc(record.description)
        if link is not None and link.kind != "copy":
            description = element("a", description, href=link.url)
        parts.append(description)
    parts.append(esc(record.date))
    if record.identifier:
        parts.append(esc(record.identifier))
    text = ", ".join(parts)
    if link is None:
        text += f" ({NOT_ONLINE})"
    elif link.kind == "copy":
        text += f" (copy: {element('a', esc(link.text), href=link.url)})"
    if record.note:
        text += f". {esc(record.note.rstrip('.'))}."
    return element("cite", text, class_="sw-cite", id=None)


def citation_list(records: Iterable[Citation]) -> str:
    """Several records as a list, each a full citation."""
    return element("ul", "".join(element("li", cite(r)) for r in records), class_="sw-cites")


def page_url(src_path: str, *, directory_urls: bool = True) -> str:
    """The URL path (relative to the site root) at which a docs page is served."""
    stem = src_path.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


@dataclass(frozen=True)
class Linker:
    """Relative links between docs pages, knowing which pages exist in this build."""

    pages: frozenset[str]  # docs-relative paths of every page in the build
    directory_urls: bool = True

    def exists(self, src_path: str) -> bool:
        return src_path in self.pages

    def url(self, from_page: str, to_page: str, anchor: str | None = None) -> str:
        """The relative URL from one page to another (or to an anchor on it)."""
        if self.directory_urls:
            here = page_url(from_page).rstrip("/")
        else:
            here = posixpath.dirname(page_url(from_page, directory_urls=False))
        there = page_url(to_page, directory_urls=self.directory_urls)
        relative = posixpath.relpath(there.rstrip("/") or ".", here or ".")
        if there == "" or there.endswith("/"):
            relative += "/"
        return relative + (f"#{anchor}" if anchor else "")

    def link(self, from_page: str, to_page: str, text: str, anchor: str | None = None) -> str:
        """A link if the target page is part of this build, else just the (escaped) text."""
        if not self.exists(to_page):
            return esc(text)
        return element("a", esc(text), href=self.url(from_page, to_page, anchor))


def plural(count: int, noun: str) -> str:
    """``count`` and the noun, with an ``s`` unless the count is one: "3 sources"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
