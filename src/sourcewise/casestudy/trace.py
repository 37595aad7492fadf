"""The "Trace it yourself" activity of a case study: its data, loaded and checked.

``trace.yaml`` in a case folder lists the earlier reports a sentence may come from, and for
each traced sentence three or four short candidate excerpts, the one it came from (or none)
and what changed in the copying. ``load_trace`` checks every field and every reference to
the case study, raising :class:`CaseStudyError` with the file, the item and the field.

    >>> from sourcewise.casestudy import default_case_study
    >>> activity = load_trace(default_case_study())
    >>> len(activity.items) >= 6
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sourcewise.casestudy.errors import CaseStudyError
from sourcewise.casestudy.fields import Fields
from sourcewise.casestudy.files import read_yaml
from sourcewise.casestudy.loader import DEFAULT_CASE_FOLDER
from sourcewise.casestudy.model import CaseStudy

FILE = "trace.yaml"
MIN_ITEMS = 6
CANDIDATES = (3, 4)  # fewest and most candidate excerpts per item
LONGEST_EXCERPT = 220  # characters: short enough to quote for teaching
CHANGE_IDS = ("credit_dropped", "verb_strengthened", "period_or_scope_dropped",
              "hedge_removed", "words_added")
LINK_KINDS = ("original", "copy")


@dataclass(frozen=True)
class TraceSource:
    """An earlier report, named by its original record, with where it can be read."""

    id: str
    publisher: str
    title: str
    date: str
    author: str | None
    identifier: str | None
    link: str | None  # None: no reputable copy online
    link_kind: str | None  # "original" or "copy"
    copy: str | None  # whose copy it is, for a copy

    def citation(self) -> str:
        """Publisher, author, title, identifier and date, as one line of text."""
        parts = [self.publisher]
        if self.author:
            parts.append(self.author)
        parts.append(f"“{self.title}”")
        if self.identifier:
            parts.append(self.identifier)
        parts.append(self.date)
        return ", ".join(parts)


@dataclass(frozen=True)
class Candidate:
    source: TraceSource
    kind: str  # "quote" (the source's words) or "summary" (ours)
    text: str


@dataclass(frozen=True)
class TraceItem:
    id: str
    unit: str
    candidates: tuple[Candidate, ...]
    answer: str | None  # the id of the source the sentence came from; None: none of these
    changes: tuple[str, ...]  # accepted answers to "what changed"
    explanation: str


@dataclass(frozen=True)
class Search:
    query: str
    look_for: str


@dataclass(frozen=True)
class OutletStep:
    question: str
    known: tuple[str, ...]
    searches: tuple[Search, ...]
    advice: str


@dataclass(frozen=True)
class TraceActivity:
    changes: dict[str, str]  # id -> the words shown to students
    sources: dict[str, TraceSource]
    items: tuple[TraceItem, ...]
    outlet: OutletStep


def _source(source_id: str, raw: object, file: str) -> TraceSource:
    fields = Fields(raw, file=file, unit=f"sources.{source_id}", what="source")
    fields.only(("publisher", "author", "title", "date", "identifier", "link", "link_kind",
                 "copy"))
    link = fields.optional_text("link")
    kind = copy = None
    if link is not None:
        if not link.startswith("https://") or " " in link:
            raise fields.error("link", f"{link!r} is not an https address.",
                               "Give the full address, starting with https://.")
        kind = fields.choice("link_kind", LINK_KINDS)
        copy = fields.optional_text("copy")
        if kind == "copy" and copy is None:
            raise fields.error("copy", "is missing for a copy.",
                               "Say whose copy it is, e.g. \"AP's story as carried by Yahoo News\".")
    elif fields.has("link_kind") or fields.has("copy"):
        raise fields.error("link_kind", "is given without a link.",
                           "Remove it, or give the link it describes.")
    return TraceSource(source_id, fields.text("publisher"), fields.text("title"),
                       str(fields.text("date")), fields.optional_text("author"),
                       fields.optional_text("identifier"), link, kind, copy)


def _item(index: int, raw: object, file: str, case: CaseStudy,
          sources: dict[str, TraceSource]) -> TraceItem:
    fields = Fields(raw, file=file, unit=f"items[{index}]", what="item")
    fields.only(("id", "unit", "candidates", "answer", "changes", "explanation"))
    item_id = fields.text("id")
    fields.unit = f"item {item_id!r}"
    unit_id = fields.text("unit")
    if unit_id not in {u.id for u in case.units}:
        raise fields.error("unit", f"{unit_id!r} is not a unit of case {case.id!r}.",
                           "Use a unit id from units.yaml, e.g. p02s01.")
    candidates = []
    for n, entry in enumerate(fields.items("candidates")):
        sub = Fields(entry, file=file, unit=fields.unit, prefix=f"candidates[{n}].",
                     what="candidate")
        sub.only(("source", "kind", "text"))
        source = sub.choice("source", sources)
        kind = sub.choice("kind", ("quote", "summary"))
        text = sub.text("text").strip()
        if len(text) > LONGEST_EXCERPT:
            raise sub.error("text", f"is {len(text)} characters long.",
                            f"Cut it to at most {LONGEST_EXCERPT}: quote only what teaches.")
        candidates.append(Candidate(sources[source], kind, text))
    if not CANDIDATES[0] <= len(candidates) <= CANDIDATES[1]:
        raise fields.error("candidates", f"has {len(candidates)} excerpts.",
                           f"Give {CANDIDATES[0]} or {CANDIDATES[1]}.")
    used = [c.source.id for c in candidates]
    if len(set(used)) != len(used):
        raise fields.error("candidates", f"names a source twice: {used}.",
                           "Each candidate must come from a different source.")
    answer = fields.raw.get("answer")
    if answer is not None and answer not in used:
        raise fields.error("answer", f"{answer!r} is not one of this item's candidates {used}.",
                           "Name a candidate's source, or write null for none of them.")
    changes = fields.choices("changes", CHANGE_IDS)
    if not changes:
        raise fields.error("changes", "is empty.", "Give at least one accepted change.")
    return TraceItem(item_id, unit_id, tuple(candidates), answer, changes,
                     " ".join(fields.text("explanation").split()))


def _outlet(raw: object, file: str) -> OutletStep:
    fields = Fields(raw, file=file, unit="outlet", what="outlet step")
    fields.only(("question", "known", "searches", "advice"))
    searches = []
    for n, entry in enumerate(fields.items("searches", empty_ok=False)):
        sub = Fields(entry, file=file, unit="outlet", prefix=f"searches[{n}].", what="search")
        sub.only(("query", "look_for"))
        searches.append(Search(sub.text("query"), sub.text("look_for")))
    return OutletStep(fields.text("question"), fields.texts("known", empty_ok=False),
                      tuple(searches), " ".join(fields.text("advice").split()))


def load_trace(case: CaseStudy, folder: str | Path | None = None) -> TraceActivity:
    """Load and check ``trace.yaml`` of a case folder against the case study."""
    path = Path(folder if folder is not None else DEFAULT_CASE_FOLDER) / FILE
    file = str(path)
    top = Fields(read_yaml(path, dict), file=file, what="file")
    top.only(("changes", "sources", "items", "outlet"))
    changes = top.raw.get("changes")
    if not isinstance(changes, dict) or sorted(changes) != sorted(CHANGE_IDS):
        raise top.error("changes", f"must name exactly these changes: {', '.join(CHANGE_IDS)}.")
    raw_sources = top.raw.get("sources")
    if not isinstance(raw_sources, dict) or not raw_sources:
        raise top.error("sources", "must be a mapping of source ids to sources.")
    sources = {str(k): _source(str(k), v, file) for k, v in raw_sources.items()}
    items = tuple(_item(n, raw, file, case, sources)
                  for n, raw in enumerate(top.items("items", empty_ok=False)))
    if len(items) < MIN_ITEMS:
        raise top.error("items", f"has {len(items)} items.", f"Trace at least {MIN_ITEMS} sentences.")
    ids = [item.id for item in items]
    if len(set(ids)) != len(ids):
        raise top.error("items", f"gives an id twice: {ids}.")
    unused = set(sources) - {c.source.id for item in items for c in item.candidates}
    if unused:
        raise top.error("sources", f"lists sources no item uses: {sorted(unused)}.",
                        "Remove them, or use them as candidates.")
    return TraceActivity({k: str(v) for k, v in changes.items()}, sources, items,
                         _outlet(top.raw.get("outlet"), file))


__all__ = ["CaseStudyError", "TraceActivity", "TraceItem", "load_trace"]
