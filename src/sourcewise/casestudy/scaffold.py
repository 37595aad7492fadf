"""Turn an article into a skeleton ``units.yaml`` for an author to check and annotate by hand.

The segmentation is a first guess, never the final word: it splits blocks at blank lines,
treats a block without closing punctuation as a heading, and splits sentences after ``.``,
``!`` or ``?`` (and any closing quotation marks) when the next word starts with a capital
letter, except after a known abbreviation such as ``U.S.``. A full stop glued to a capital
("sights.The") also splits. The author then fixes the cases a rule cannot see, adds the
annotation, and runs the loader, which checks every offset.

    >>> from sourcewise.casestudy.scaffold import skeleton_units_yaml
    >>> print(skeleton_units_yaml("A title\\n\\nOne. Two."))  # doctest: +ELLIPSIS
    - id: h0
    ...
"""

from __future__ import annotations

import re
from typing import Any

import yaml

ABBREVIATIONS: tuple[str, ...] = (
    "U.S.", "U.K.", "U.N.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Jr.", "Sr.", "Gen.", "Col.",
    "Lt.", "Sgt.", "Capt.", "Gov.", "Sen.", "Rep.", "Prof.", "No.", "vs.", "e.g.", "i.e.",
    "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
)
_CLOSERS = "\"'\u201d\u2019)"
_SENTENCE_END = re.compile(
    rf"[.!?][{_CLOSERS}]*(?=\s+[\"\u201c'\u2018(]?[A-Z0-9])"  # ". Next"
    r"|(?<=[a-z]{2})[.!?](?=[A-Z][a-z])"  # "sights.The": a word, then a glued capital
)
_BLOCK = re.compile(r"\S(?:.*?\S)?(?=\s*(?:\n\s*\n|\Z))", re.DOTALL)

# The annotation fields every unit needs; the skeleton leaves them for the author to fill.
_EMPTY_ANNOTATION: dict[str, Any] = {
    "label": None,
    "accept": [],
    "cues": [],
    "source": None,
    "rationale": "",
    "quantities": [],
    "factchecks": [],
    "points": [],
    "hand_label": False,
}


def _ends_with_abbreviation(text: str, end: int) -> bool:
    """Does the full stop ending at ``end`` close one of the known abbreviations?"""
    return any(
        text.endswith(abbreviation, 0, end)
        and (end == len(abbreviation) or not text[end - len(abbreviation) - 1].isalpha())
        for abbreviation in ABBREVIATIONS
    )


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentence spans (absolute offsets, whitespace trimmed)."""
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.end()
        if _ends_with_abbreviation(text, match.start() + 1):
            continue
        spans.append((begin, stop))
        begin = stop
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        spans.append((begin, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[str]:
    """Split running text into sentences with the scaffold's rule (see the module docstring)."""
    return [text[s:e] for s, e in _sentence_spans(text, *_trimmed(text, 0, len(text)))]


def skeleton_units(text: str) -> list[dict[str, Any]]:
    """Return one unit mapping per heading and sentence of ``text``, in reading order.

    Ids follow the bundled case: ``h<n>`` for headings (``h0`` is the title) and
    ``p<paragraph>s<sentence>`` for sentences, where paragraphs are the blank-line-separated
    blocks counted from 0. Offsets are exact; the annotation fields are left empty.
    """
    units: list[dict[str, Any]] = []
    headings = 0
    for paragraph, block in enumerate(_BLOCK.finditer(text)):
        start, end = _trimmed(text, block.start(), block.end())
        is_heading = paragraph == 0 or text[end - 1] not in ".!?" + _CLOSERS
        spans = [(start, end)] if is_heading else _sentence_spans(text, start, end)
        for number, (s, e) in enumerate(spans, start=1):
            if is_heading:
                unit_id, kind = f"h{headings}", "heading"
                headings += 1
            else:
                unit_id, kind = f"p{paragraph:02d}s{number:02d}", "sentence"
            units.append(
                {"id": unit_id, "kind": kind, "start": s, "end": e, "text": text[s:e]}
                | _EMPTY_ANNOTATION
            )
    return units


def skeleton_units_yaml(text: str) -> str:
    """The skeleton of :func:`skeleton_units` as YAML text, ready to save as ``units.yaml``."""
    return yaml.safe_dump(
        skeleton_units(text), allow_unicode=True, sort_keys=False, width=100
    )
