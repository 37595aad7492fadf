"""The case study as typed, immutable data.

Offsets are character offsets into the verbatim article text (``CaseStudy.text``), so that
``case.text[unit.start:unit.end] == unit.text`` and likewise for every span.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from sourcewise.casestudy.citations import Citation

VERDICTS: tuple[str, ...] = (
    "supported", "misleading: wrong period", "misleading: wrong scope", "misleading",
    "out of date", "unverified", "wrong",
)  # defined on the number audit page and in CONTRIBUTING.md ("The verdict scale")
SOURCE_KINDS: tuple[str, ...] = (
    "document",
    "official body",
    "named person",
    "interested party",
    "anonymous",
    "vague",
    "upstream outlet",
)
UNIT_KINDS: tuple[str, ...] = ("heading", "sentence")
CUE_KINDS: tuple[str, ...] = (
    "attribution",  # a verb or phrase that credits a source: said, claimed, according to, estimated
    "hedge",  # softened certainty or sourceless attribution: reportedly, appear to, are believed
    "approximator",  # roughly, nearly, about, up to, more than, over, as little as
    "loaded",  # evaluative or loaded wording: killing machine, thriving, staggering, onslaught
    "time",  # a relative or yearless time expression: two years ago, this year, June 19
)


@dataclass(frozen=True)
class Span:
    """An exact piece of the article: ``text`` starts at character ``start``."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Cue:
    """Words in a unit that signal its label, typed by what they signal (one of CUE_KINDS)."""

    text: str
    start: int
    kind: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Quantity:
    """A figure in a sentence, with what a careful reader must carry along with it."""

    span: Span  # the exact words of the figure, e.g. "$7.12 billion"
    value: float  # the number (the low end of a range)
    high: float | None  # the high end of a range ("$500 to $1,000"), else None
    unit: str  # "USD", "weapons", "vehicles", "aircraft", "years", ...
    approximator: str | None  # "roughly", "up to", "nearly", "more than", "about", ...
    owner: str  # who produced the figure, as far as the article lets us tell


@dataclass(frozen=True)
class FactCheck:
    """What reliable sources say about a claim; separate from how the claim is sourced."""

    finding: str
    verdict: str  # one of VERDICTS
    citations: tuple[str, ...]  # ids of records in CaseStudy.citations, at least one


@dataclass(frozen=True)
class Unit:
    """One sentence or heading of the article and its annotation."""

    id: str
    kind: str  # one of UNIT_KINDS
    start: int
    end: int
    text: str
    paragraph: int  # 0 is the title; body paragraphs count from 1
    label: str | None  # one of sourcewise.labels.LABEL_IDS; None only in a redacted case
    accept: tuple[str, ...]  # other labels a careful reader could defend
    cues: tuple[Cue, ...]
    source: Span | None
    rationale: str
    quantities: tuple[Quantity, ...]
    factchecks: tuple[FactCheck, ...]
    points: tuple[str, ...]  # teaching-point tags
    hand_label: bool  # used by the hand-labelling exercise; hidden in the student build
    source_note: str | None = None  # who the source is, where no words of the unit name it


@dataclass(frozen=True)
class Source:
    """An entry of the source ledger: a source the article credits, leans on or copied."""

    id: str
    name: str
    kind: str  # one of SOURCE_KINDS
    credited: bool  # does the article name it?
    units: tuple[str, ...]  # ids of the units that rest on it
    note: str
    citations: tuple[str, ...]


@dataclass(frozen=True)
class AuditedNumber:
    """An entry of the number audit: one figure, its owner, scope and period, and the record."""

    id: str
    unit: str  # id of the unit the figure appears in
    figure: str  # the exact words of the figure
    owner: str
    scope: str
    period: str
    official: str  # what official or best sources say
    verdict: str  # one of VERDICTS
    citations: tuple[str, ...]


@dataclass(frozen=True)
class Publication:
    """Where and when the article appeared, with the reasoning behind an estimated date."""

    title: str
    outlet: str
    url: str
    date: date  # the estimated publication date (the dateline exercises resolve against)
    date_is_estimate: bool
    date_reasoning: str
    date_citations: tuple[str, ...]


@dataclass(frozen=True)
class CaseStudy:
    """An article, every unit of it annotated, and the two derived views."""

    id: str
    publication: Publication
    text: str
    units: tuple[Unit, ...]
    sources: tuple[Source, ...]
    numbers: tuple[AuditedNumber, ...]
    redacted: bool = False  # True in the student release: hand-labelling answers removed
    citations: Mapping[str, Citation] = field(default_factory=dict)  # cited records by id

    def cited(self, ids: Iterable[str]) -> tuple[Citation, ...]:
        """The records of some citation ids, in order."""
        return tuple(self.citations[cid] for cid in ids)

    def unit(self, unit_id: str) -> Unit:
        for unit in self.units:
            if unit.id == unit_id:
                return unit
        raise KeyError(f"no unit with id {unit_id!r} in case study {self.id!r}")

    @property
    def sentences(self) -> tuple[Unit, ...]:
        return tuple(u for u in self.units if u.kind == "sentence")

    @property
    def hand_label_units(self) -> tuple[Unit, ...]:
        return tuple(u for u in self.units if u.hand_label)

    def label_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for unit in self.units:
            if unit.label is not None:
                counts[unit.label] = counts.get(unit.label, 0) + 1
        return counts
