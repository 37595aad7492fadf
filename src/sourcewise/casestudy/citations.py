"""Citations as data: each record we cite, and what kind of link (if any) reaches it.

A case folder's ``citations.yaml`` (and the site's ``content/references.yaml``) is a list of
records. The fact-checks, the source ledger, the number audit and the publication date name
records by ``id``; the lessons name them with ``<!-- sourcewise:cite ID -->``. A record
names the original: its publisher, author where known, title (or a description where no
title was confirmed), date and identifier (``GAO-17-667R``). Its ``link`` says how a reader
can reach it:

- ``original``: the publisher's own page;
- ``copy``: a reputable copy or summary on another site, labelled as a copy
  (``text: AP's story as carried by Yahoo News``, ``publisher: Yahoo News``);
- ``reference``: a page we cite for teaching (a study, a guide), not as evidence;
- no ``link`` at all: we could not find the original online, and say so.

No link may go to a domain on the blocklist (``content/blocked_domains.yaml``): the content
farms, forum threads, unrelated pages and state-controlled or partisan outlets we dropped.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sourcewise.casestudy.errors import CaseStudyError
from sourcewise.casestudy.fields import Fields
from sourcewise.casestudy.files import read_yaml

LINK_KINDS: tuple[str, ...] = ("original", "copy", "reference")
CONTENT_FOLDER = Path(__file__).resolve().parent.parent / "content"
BLOCKLIST_FILE = CONTENT_FOLDER / "blocked_domains.yaml"
REFERENCES_FILE = CONTENT_FOLDER / "references.yaml"
NOT_ONLINE = "we could not find the original online"


@dataclass(frozen=True)
class Link:
    """A web address for a record, with what it is: the original, a copy or a reference."""

    url: str
    kind: str  # one of LINK_KINDS
    publisher: str  # who publishes the page at this address
    text: str | None  # for a copy: how the link reads ("AP's story as carried by Yahoo News")


@dataclass(frozen=True)
class Citation:
    """One cited record: who published it, when, under what title, and how to reach it."""

    id: str
    publisher: str
    author: str | None
    title: str | None  # the record's title, when confirmed
    description: str | None  # what the record is, when no title was confirmed
    date: str  # as precise as we know it: "16 August 2021", "June 2023"
    identifier: str | None  # "GAO-17-667R"
    link: Link | None  # None: we could not find the original online
    note: str | None


@dataclass(frozen=True)
class Blocked:
    """A dropped domain and why it may not be cited."""

    domain: str
    reason: str


def host_of(url: str) -> str:
    """The lower-case host of a URL without ``www.`` or a trailing dot."""
    return (urlsplit(url).hostname or "").rstrip(".").removeprefix("www.")


@functools.cache
def blocklist() -> tuple[Blocked, ...]:
    """The dropped domains, from ``content/blocked_domains.yaml``."""
    raw = read_yaml(BLOCKLIST_FILE, list)
    entries = []
    for index, item in enumerate(raw):
        fields = Fields(item, file=str(BLOCKLIST_FILE), what=f"blocked domain [{index}]")
        fields.only(("domain", "reason"))
        entries.append(Blocked(fields.text("domain").lower(), fields.text("reason")))
    return tuple(entries)


def blocked_reason(url: str) -> str | None:
    """Why a URL may not be cited (its domain or a parent domain is blocked), else None."""
    host = host_of(url)
    for entry in blocklist():
        if host == entry.domain or host.endswith("." + entry.domain):
            return f"{entry.domain} is on the blocklist: {entry.reason}"
    return None


def _link(fields: Fields) -> Link | None:
    raw = fields.raw.get("link")
    if raw is None:
        return None
    link = Fields(raw, file=fields.file, unit=fields.unit, prefix="link.", what="link")
    link.only(("url", "kind", "publisher", "text"))
    url = link.text("url")
    if not url.startswith(("https://", "http://")) or " " in url:
        raise link.error("url", f"{url!r} is not a web address.",
                         "Give the full URL, starting with https:// or http://.")
    reason = blocked_reason(url)
    if reason:
        raise link.error("url", f"{url!r} may not be cited: {reason}.",
                         "Link the original, or a reputable copy labelled as a copy; if there "
                         "is none, leave out 'link' (the page then says we could not find the "
                         "original online).")
    kind = link.choice("kind", LINK_KINDS)
    text = link.optional_text("text")
    if kind == "copy" and not text:
        raise link.error("text", "a copy needs the words its link reads, saying it is a copy.",
                         "For example: text: AP's story as carried by Yahoo News")
    return Link(url, kind, link.text("publisher"), text)


def parse_citations(raw: list[Any], file: str) -> dict[str, Citation]:
    """The records of a citations file, by id; every field checked."""
    citations: dict[str, Citation] = {}
    for index, item in enumerate(raw):
        fields = Fields(item, file=file, what=f"citation [{index}]")
        fields.only(("id", "publisher", "author", "title", "description", "date",
                     "identifier", "link", "note"))
        cid = fields.text("id")
        fields = Fields(item, file=file, unit=cid, what="citation")
        if cid in citations:
            raise fields.error("id", f"{cid!r} is used twice.", "Give each record its own id.")
        title, description = fields.optional_text("title"), fields.optional_text("description")
        if not (title or description):
            raise fields.error("title", "a record needs a title, or a description where no "
                               "title was confirmed.", "Add 'title' or 'description'.")
        citations[cid] = Citation(
            id=cid, publisher=fields.text("publisher"), author=fields.optional_text("author"),
            title=title, description=description, date=fields.text("date"),
            identifier=fields.optional_text("identifier"), link=_link(fields),
            note=fields.optional_text("note"),
        )
    return citations


def resolve(citations: Mapping[str, Citation], where: Fields, key: str, *,
            empty_ok: bool) -> tuple[str, ...]:
    """Check that each id names a record of ``citations``; return the ids."""
    values = where.texts(key)
    for index, value in enumerate(values):
        if value not in citations:
            hint = ("Cite records by id, not by URL: add a record to citations.yaml and use "
                    "its id." if value.startswith(("http://", "https://"))
                    else "Use the id of a record in citations.yaml, or add one.")
            raise where.error(f"{key}[{index}]", f"{value!r} is not a record in citations.yaml.",
                              hint)
    if not empty_ok and not values:
        raise where.error(key, "cites nothing.", "Cite at least one record by its id.")
    return values


def load_citations(path: Path) -> dict[str, Citation]:
    """Read and check a citations file."""
    return parse_citations(read_yaml(path, list), str(path))


@functools.cache
def site_references() -> Mapping[str, Citation]:
    """The records the hand-written pages cite that are not part of a case study."""
    return load_citations(REFERENCES_FILE)


def all_links(records: Iterable[Citation]) -> dict[str, Link]:
    """Every URL of some records, with its link; raise if one URL is two different links."""
    links: dict[str, Link] = {}
    for record in records:
        if record.link is None:
            continue
        known = links.get(record.link.url)
        if known is not None and (known.kind, known.publisher) != (record.link.kind,
                                                                   record.link.publisher):
            raise CaseStudyError(f"{record.link.url} is given two kinds or publishers.",
                                 file=record.id, fix="Give one URL one kind and publisher.")
        links[record.link.url] = record.link
    return links
