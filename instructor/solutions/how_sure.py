"""Reference solution for exercise 4, "How sure are they?": find hedges and vague sources.

The method combines the CoNLL-2010 hedge cues with Wikipedia's "words to watch":

1. Hedge words ("reportedly", "apparent", "likely", "may", ...) and hedge phrases
   ("appears to", "seems to", "is believed", "it is thought", "the claim that").
   A passive "are shown" with no one doing the showing hides the source too.
2. Vague attributions: a source found by exercise 3's method whose head is an unnamed
   group ("officials", "experts", "sources", "some", or any bare plural such as
   "teachers") and which names no organisation or person ("U.S. defense officials" is vague; "Environment Agency officials" is not).
3. Traps: "May" the month is not a hedge; "claim" is only a hedge as "the claim of/that";
   a modal owned by a named source ("The central bank said rates would likely
   rise") is that source's attributed forecast, not the writer hedging.
"""

from __future__ import annotations

import re

from who_says_so import DOCUMENT_WORDS, find_attribution, head_noun

# Hedges that a named source can own as its forecast ("X said it could rain").
MODAL_HEDGES = {"could", "may", "might", "likely", "unlikely", "possibly", "probably", "perhaps"}
# Hedges that always hide who is unsure or that something is unproven.
HEDGE_WORDS = {
    "reportedly", "allegedly", "apparently", "apparent", "purportedly", "supposedly",
    "seemingly", "presumably", "arguably", "rumoured", "rumored",
}
EVIDENCE_WORDS = {"results", "evidence", "data", "findings", "signs", "figures", "research", "studies"}
VAGUE_HEADS = {
    "officials", "official", "experts", "sources", "source", "analysts", "critics", "observers",
    "witnesses", "researchers", "scientists", "insiders", "residents", "people", "person",
    "some", "many", "others", "authorities", "reports", "diplomats",
}
QUANTIFIERS = {"some", "many", "several", "various", "most", "few"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"}
MONTH_NEIGHBOURS = {"in", "on", "since", "until", "of", "from", "to", "early", "late", "mid",
                    "last", "next", "this", "by", "during"}

_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019.-]*")
_PHRASES = re.compile(
    r"\b(?:appears?|appeared|seems?|seemed) to\b"
    r"|\b(?:[Ii]t )?(?:is|are|was|were) (?:believed|thought|understood|rumou?red)\b"
    r"|\b(?:is|are|was|were) (?:said|reported|alleged) to\b"
    r"|\b(?:is|are|was|were) shown\b(?! (?:by|in|on)\b)"
    r"|\b[Tt]he claims? (?=of\b|that\b)"
)


def _is_month(words: list[str], index: int) -> bool:
    """'May' the month: capitalised mid-sentence, or next to a number or a date word."""
    word = words[index]
    before = words[index - 1].lower() if index else ""
    after = words[index + 1] if index + 1 < len(words) else ""
    return (
        (word == "May" and index > 0)
        or after[:1].isdigit()
        or before[:1].isdigit()
        or before in MONTH_NEIGHBOURS
    )


def _is_vague(source: str) -> bool:
    """True when a source's head is an unnamed group and it names no organisation or person."""
    words = source.split()
    head, first = head_noun(source), words[0].lower()
    # A bare plural ("Teachers say", "Local farmers fear") is a group nobody names; a bare
    # plural record ("Court records show") is a document, not a group.
    bare_plural = (first not in DETERMINERS and not first.endswith("'s") and head.endswith("s")
                   and head not in DOCUMENT_WORDS)
    unnamed_group = head in VAGUE_HEADS or first in QUANTIFIERS or bare_plural
    # A capitalised word after the first names someone ("Agency", "Kashmir"); country
    # abbreviations written with full stops ("U.S.") describe, they do not name.
    return unnamed_group and not any(w[:1].isupper() and "." not in w for w in words[1:])


def _vague_attribution(sentence: str, attribution: dict | None) -> list[tuple[int, str]]:
    if attribution is None or not _is_vague(attribution["source"]):
        return []
    source, cue = attribution["source"], attribution["cue"]
    start, cue_at = sentence.find(source), sentence.lower().find(cue.lower())
    first, last = sorted([(start, start + len(source)), (cue_at, cue_at + len(cue))])
    between = sentence[first[1] : last[0]].split()
    if first[0] < 0 or len(between) > 2:
        return [(start, source)]
    return [(first[0], sentence[first[0] : last[1]])]


def find_hedges(sentence: str) -> list[str]:
    """Return the hedges and vague attributions in ``sentence``, in reading order."""
    attribution = find_attribution(sentence)
    named_source = attribution is not None and not _is_vague(attribution["source"])
    found = [(m.start(), m.group().strip()) for m in _PHRASES.finditer(sentence)]
    words = list(_WORD.finditer(sentence))
    texts = [m.group() for m in words]
    for index, match in enumerate(words):
        word = match.group().lower()
        if word in HEDGE_WORDS:
            found.append((match.start(), match.group()))
        elif word in MODAL_HEDGES and not named_source:
            if word != "may" or not _is_month(texts, index):
                found.append((match.start(), match.group()))
        elif word in {"suggest", "suggests", "suggested"}:
            before = texts[index - 1].lower() if index else ""
            after = texts[index + 1].lower() if index + 1 < len(texts) else ""
            if after == "that" or before in EVIDENCE_WORDS:
                found.append((match.start(), match.group()))
    found += _vague_attribution(sentence, attribution)
    return [text for _, text in sorted(found)]
