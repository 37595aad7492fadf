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

from sourcewise.casestudy.citations import Citation
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


@dataclass(frozen=True)
class Candidate:
    source: Citation  # the record of the earlier report, from the case's citations.yaml
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
    sources: dict[str, Citation]  # every record a candidate quotes, in order of first use
    items: tuple[TraceItem, ...]
    outlet: OutletStep


def _item(index: int, raw: object, file: str, case: CaseStudy) -> TraceItem:
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
        source = sub.text("source")
        if source not in case.citations:
            raise sub.error("source", f"{source!r} is not a record of citations.yaml.",
                            "Add the report's record to citations.yaml, or use its id.")
        kind = sub.choice("kind", ("quote", "summary"))
        text = sub.text("text").strip()
        if len(text) > LONGEST_EXCERPT:
            raise sub.error("text", f"is {len(text)} characters long.",
                            f"Cut it to at most {LONGEST_EXCERPT}: quote only what teaches.")
        candidates.append(Candidate(case.citations[source], kind, text))
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
    top.only(("changes", "items", "outlet"))
    changes = top.raw.get("changes")
    if not isinstance(changes, dict) or sorted(changes) != sorted(CHANGE_IDS):
        raise top.error("changes", f"must name exactly these changes: {', '.join(CHANGE_IDS)}.")
    items = tuple(_item(n, raw, file, case)
                  for n, raw in enumerate(top.items("items", empty_ok=False)))
    if len(items) < MIN_ITEMS:
        raise top.error("items", f"has {len(items)} items.", f"Trace at least {MIN_ITEMS} sentences.")
    ids = [item.id for item in items]
    if len(set(ids)) != len(ids):
        raise top.error("items", f"gives an id twice: {ids}.")
    sources = {c.source.id: c.source for item in items for c in item.candidates}
    return TraceActivity({k: str(v) for k, v in changes.items()}, sources, items,
                         _outlet(top.raw.get("outlet"), file))


__all__ = ["CaseStudyError", "TraceActivity", "TraceItem", "load_trace"]
