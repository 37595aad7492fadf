"""Parse and check ``units.yaml``: the segmentation of the article and every unit's annotation.

The segmentation rules: units come in reading order, do not overlap, each unit's ``text`` is
exactly ``article[start:end]`` with no whitespace at either edge, and only whitespace lies
between units (or before the first and after the last), so that joining the units with the
text between them reproduces the article. A unit never spans a blank line; the blank lines
between units count the paragraphs (the first unit, the title, is paragraph 0).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sourcewise.casestudy.citations import Citation, resolve
from sourcewise.casestudy.errors import CaseStudyError
from sourcewise.casestudy.fields import Fields
from sourcewise.casestudy.model import (
    CUE_KINDS,
    UNIT_KINDS,
    VERDICTS,
    Cue,
    FactCheck,
    Quantity,
    Span,
    Unit,
)
from sourcewise.casestudy.points import POINT_IDS
from sourcewise.labels import LABEL_IDS

# The fields the student release removes from hand-labelling units: their answers.
ANSWER_FIELDS: tuple[str, ...] = (
    "label", "accept", "cues", "source", "source_note", "rationale", "factchecks", "points",
)
UNIT_FIELDS: tuple[str, ...] = (
    "id", "kind", "start", "end", "text", *ANSWER_FIELDS, "quantities", "hand_label",
)
_MISSING_FIX = {
    "rationale": "Write one or two plain sentences, specific to this unit, saying why it "
                 "gets its label.",
    "source": "Give the source as {text: ..., at: ...}, or null if the article names none.",
}
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


def _occurrences(haystack: str, needle: str) -> list[int]:
    found, at = [], haystack.find(needle)
    while at != -1:
        found.append(at)
        at = haystack.find(needle, at + 1)
    return found


def _span(fields: Fields, unit_text: str, unit_start: int) -> tuple[str, int]:
    """Read ``text`` and ``at`` and check that the text really is at that offset."""
    text = fields.text("text")
    at = fields.integer("at")
    found = unit_text[at:at + len(text)]
    if found != text:
        places = _occurrences(unit_text, text)
        if places:
            fix = f"It occurs at offset {', '.join(map(str, places))}: set 'at' to that."
        else:
            fix = ("It does not occur in the unit's text at all: copy it exactly "
                   "(curly quotes and non-breaking spaces count).")
        reads = f"reads {found!r}" if found else "is past the end of the unit's text"
        raise fields.error("at", f"{text!r} is not at offset {at} of the unit's text; "
                           f"there the text {reads}.", fix)
    return text, unit_start + at


def _cue(fields: Fields, unit_text: str, unit_start: int) -> Cue:
    fields.only(("text", "at", "kind"))
    text, start = _span(fields, unit_text, unit_start)
    return Cue(text, start, fields.choice("kind", CUE_KINDS))


def _source(raw: Any, file: str, unit_id: str, unit_text: str, unit_start: int) -> Span | None:
    if raw is None:
        return None
    fields = Fields(raw, file=file, unit=unit_id, prefix="source.", what="source")
    fields.only(("text", "at"))
    return Span(*_span(fields, unit_text, unit_start))


def _quantity(fields: Fields, unit_text: str, unit_start: int) -> Quantity:
    fields.only(("text", "at", "value", "high", "unit", "approximator", "owner"))
    text, start = _span(fields, unit_text, unit_start)
    value, high = fields.number("value"), fields.optional_number("high")
    if high is not None and high < value:
        raise fields.error("high", f"the high end {high:g} is below the value {value:g}.",
                           "'value' is the low end of a range, 'high' the high end.")
    approximator = fields.optional_text("approximator")
    if approximator is not None:
        before = unit_text[:start - unit_start]
        if approximator != approximator.lower() or not before.lower().endswith(
            approximator + " "
        ):
            raise fields.error(
                "approximator",
                f"{approximator!r} is not the lower-case word(s) right before the figure; "
                f"the text before it ends {before[-20:]!r}.",
                "Give the exact words in lower case, or null if there are none.",
            )
    return Quantity(Span(text, start), value, high, fields.text("unit"), approximator,
                    fields.text("owner"))


def _factcheck(fields: Fields, citations: Mapping[str, Citation]) -> FactCheck:
    fields.only(("finding", "verdict", "citations"))
    return FactCheck(
        fields.text("finding"),
        fields.choice("verdict", VERDICTS),
        resolve(citations, fields, "citations", empty_ok=False),
    )


def _nested(fields: Fields, key: str, unit_id: str) -> list[Fields]:
    return [
        Fields(raw, file=fields.file, unit=unit_id, prefix=f"{key}[{index}].", what=key)
        for index, raw in enumerate(fields.items(key))
    ]


class _Segmenter:
    """Walks the units in order, checking offsets and gaps and counting paragraphs."""

    def __init__(self, article: str, file: str) -> None:
        self.article = article
        self.file = file
        self.end = 0
        self.previous: str | None = None
        self.paragraph = -1

    def place(self, fields: Fields) -> tuple[int, int, str, int]:
        article, unit_id = self.article, fields.unit
        start, end = fields.integer("start"), fields.integer("end")
        text = fields.text("text")
        if end <= start or end > len(article):
            raise fields.error("end", f"must lie after start ({start}) and within the "
                               f"article ({len(article)} characters), got {end}.")
        if article[start:end] != text:
            places = _occurrences(article, text)
            fix = (f"The text occurs at offset {places[0]}: set start: {places[0]} and "
                   f"end: {places[0] + len(text)}." if places else
                   "Copy the text exactly from article.txt (curly quotes, spacing and "
                   "typos included).")
            raise fields.error("text", "is not the article's text between start and end; "
                               f"article[{start}:{end}] reads {article[start:end]!r}.", fix)
        if text != text.strip():
            raise fields.error("start" if text[0].isspace() else "end",
                               "the unit's text begins or ends with whitespace.",
                               "Move the offsets so the unit starts and ends on a character.")
        if _PARAGRAPH_BREAK.search(text):
            raise fields.error("text", "spans a blank line (a paragraph break).",
                               "Split it into one unit per paragraph.")
        if start < self.end:
            raise fields.error("start", f"the unit starts at {start}, before the previous "
                               f"unit {self.previous!r} ends at {self.end}: units overlap or "
                               "are out of order.", "List units in reading order, without overlap.")
        gap = article[self.end:start]
        if gap.strip():
            after = f"unit {self.previous!r}" if self.previous else "the start of the article"
            raise fields.error("start", f"text between {after} and this unit is not whitespace: "
                               f"{gap.strip()[:60]!r}.",
                               "Every character of the article must belong to a unit: "
                               "extend a unit or add one.")
        if self.previous is None or _PARAGRAPH_BREAK.search(gap):
            self.paragraph += 1
        self.end, self.previous = end, unit_id
        return start, end, text, self.paragraph

    def finish(self) -> None:
        rest = self.article[self.end:]
        if rest.strip():
            raise CaseStudyError(
                f"the article continues after the last unit {self.previous!r}: "
                f"{rest.strip()[:60]!r}.",
                file=self.file, fix="Add units for the rest of the article.",
            )


def parse_units(raw_units: list[Any], article: str, file: str, *, redacted: bool,
                citations: Mapping[str, Citation]) -> tuple[Unit, ...]:
    """Turn the list read from ``units.yaml`` into checked units, in reading order."""
    if not raw_units:
        raise CaseStudyError("has no units.", file=file,
                             fix="List every heading and sentence of the article.")
    segmenter = _Segmenter(article, file)
    seen: dict[str, int] = {}
    units: list[Unit] = []
    for number, raw in enumerate(raw_units, start=1):
        unit_id = Fields(raw, file=file, unit=f"#{number} in the list", what="unit").text("id")
        fields = Fields(raw, file=file, unit=unit_id, what="unit")
        if unit_id in seen:
            raise fields.error("id", f"the id is used twice (units #{seen[unit_id]} and "
                               f"#{number}).", "Give every unit its own id; never renumber "
                               "released ids.")
        seen[unit_id] = number
        fields.only(UNIT_FIELDS)
        kind = fields.choice("kind", UNIT_KINDS)
        start, end, text, paragraph = segmenter.place(fields)
        hand_label = fields.flag("hand_label", default=False)
        quantities = tuple(_quantity(q, text, start) for q in _nested(fields, "quantities", unit_id))
        if redacted and hand_label:
            for key in ANSWER_FIELDS:
                if fields.has(key):
                    raise fields.error(key, "a redacted case must not carry the answers of a "
                                       "hand-labelling unit.", "Rebuild the student copy with "
                                       "sourcewise.casestudy.redact.")
            units.append(Unit(unit_id, kind, start, end, text, paragraph, None, (), (), None,
                              "", quantities, (), (), hand_label))
            continue
        for key in ("rationale", "source"):
            if not fields.has(key):
                raise fields.error(key, "is missing.", _MISSING_FIX[key])
        label = fields.choice("label", LABEL_IDS)
        accept = fields.choices("accept", LABEL_IDS)
        if label in accept:
            raise fields.error("accept", f"repeats the label {label!r}.",
                               "List only the other labels a careful reader could defend.")
        units.append(Unit(
            id=unit_id, kind=kind, start=start, end=end, text=text, paragraph=paragraph,
            label=label, accept=accept,
            cues=tuple(_cue(c, text, start) for c in _nested(fields, "cues", unit_id)),
            source=_source(fields.raw.get("source"), file, unit_id, text, start),
            rationale=fields.text("rationale").strip(),
            quantities=quantities,
            factchecks=tuple(_factcheck(f, citations)
                             for f in _nested(fields, "factchecks", unit_id)),
            points=fields.choices("points", POINT_IDS),
            hand_label=hand_label,
            source_note=fields.optional_text("source_note"),
        ))
    segmenter.finish()
    return tuple(units)
