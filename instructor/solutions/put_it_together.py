"""Reference solution for exercise 7, "Put it together": one of the six labels per sentence.

It combines the methods of exercises 3, 4 and 6 in the decision order annotators use:

1. Framing first: if the sentence's point is a judgement, stop there.
2. No source and no hedge: an unsourced assertion.
3. A hedge or an unnamed source: vague attribution.
4. A named source: an official estimate when the figure is estimated or approximate; a
   sourced fact when the source is a record or document; otherwise an attributed claim.
"""

from __future__ import annotations

import re

from how_sure import find_hedges
from loaded_language import is_framing
from who_says_so import DOCUMENT_WORDS, find_attribution

ESTIMATE_CUES = {
    "estimated", "estimates", "estimate", "forecast", "forecasts", "projected", "projects",
    "calculated", "calculates",
}
APPROXIMATORS = re.compile(
    r"\b(?:about|around|roughly|nearly|almost|approximately|some|more than|over|up to|"
    r"as (?:many|much|little) as)\s+[$\u00a3\u20ac]?\d"
)


def _words(text: str) -> set[str]:
    """Lower-case words without edge punctuation or a possessive 's."""
    cleaned = (w.strip(".,;:\"").lower().replace("\u2019", "'") for w in text.split())
    return {w.removesuffix("'s") for w in cleaned}


def classify(sentence: str) -> str:
    """Return the label id of ``sentence``'s main claim."""
    if is_framing(sentence):
        return "framing"
    attribution = find_attribution(sentence)
    if find_hedges(sentence):
        return "vague_attribution"
    if attribution is None:
        return "unsourced_assertion"
    source_words = _words(attribution["source"])
    if attribution["cue"].lower() in ESTIMATE_CUES or source_words & ESTIMATE_CUES:
        return "official_estimate"
    if APPROXIMATORS.search(sentence) and not source_words & DOCUMENT_WORDS:
        return "official_estimate"
    if source_words & DOCUMENT_WORDS:
        return "sourced_fact"
    return "attributed_claim"
