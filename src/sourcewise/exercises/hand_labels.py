"""The rules of the exercise 'Label by hand': what a well-formed answer is, and how it is graded.

A student answers each hand-labelling sentence with a dictionary
``{"label": one of the six label ids, "evidence": [exact quotes from the sentence]}``.

* **Form** (public checks, which reveal nothing about the right answers): the label is one
  of the six ids; the evidence is a list of at most ``MAX_QUOTES`` quotes, each found word
  for word in the sentence and at most ``MAX_WORDS`` words long. An unsourced assertion is
  answered with an empty list, because its evidence is the absence of any source; any other
  label needs at least one quote.
* **Label** (hidden checks): right when it is the annotation's label, or one of the labels
  the annotation accepts as defensible (the feedback names both).
* **Evidence** (hidden checks): when the annotation names no source and no signal words, the
  right evidence is an empty list; otherwise at least one quote must overlap one of the
  annotation's signal words (an attribution, hedge, approximator or loaded cue) or the
  named source. Time cues ("two years ago") do not show a label, so they do not count.
"""

from __future__ import annotations

from typing import Any

from sourcewise.casestudy.model import Unit
from sourcewise.labels import LABEL_IDS

MAX_QUOTES = 3
MAX_WORDS = 8
NO_SOURCE = "unsourced_assertion"
SIGNAL_CUE_KINDS: tuple[str, ...] = ("attribution", "hedge", "approximator", "loaded")

# The rule each check applies, in words: every wrong item's feedback states it.
FORM_RULE = (f'each answer is {{"label": one of the six label ids, "evidence": a list of at '
             f'most {MAX_QUOTES} quotes}}; each quote is copied from the sentence word for word '
             f'and is at most {MAX_WORDS} words; an unsourced assertion has no quotes, every '
             f'other label at least one.')
LABEL_RULE = ("the label must be the annotation's label, or a second label the annotation "
              "accepts as defensible for that sentence.")
EVIDENCE_RULE = ("at least one quote must overlap the words that carry the label (the source, "
                 "an attribution verb, a hedge, an approximator or a loaded word); time words "
                 "do not count; when the sentence has none of these, no quotes is right.")


def form_problems(answer: Any, sentence: str) -> list[str]:
    """What is wrong with the form of one answer (an empty list when it is well formed)."""
    if not isinstance(answer, dict):
        return ['Each answer must be a dictionary {"label": ..., "evidence": [...]}.']
    label = answer.get("label")
    if label not in LABEL_IDS:
        return [f"The label is {label!r}, which is not one of the six label ids."]
    evidence = answer.get("evidence")
    if not isinstance(evidence, list) or not all(isinstance(q, str) for q in evidence):
        return ["The evidence must be a list of strings, each copied from the sentence."]
    if label == NO_SOURCE and evidence:
        return ["For an unsourced assertion, leave the evidence empty ([]): the evidence is "
                "that the sentence names no source at all."]
    if label != NO_SOURCE and not evidence:
        return ["Quote the words that show this label (for example the source and its verb, "
                "a hedge, or a loaded word)."]
    if len(evidence) > MAX_QUOTES:
        return [f"Quote at most {MAX_QUOTES} pieces: the words that matter most."]
    problems = []
    for quote in evidence:
        if not quote.strip() or quote not in sentence:
            problems.append(f"{quote!r} is not in the sentence word for word; copy it exactly, "
                            "with the same capitals and punctuation.")
        elif len(quote.split()) > MAX_WORDS:
            problems.append(f"{quote!r} is longer than {MAX_WORDS} words; quote only the words "
                            "that show the label.")
    return problems


def label_problems(label: Any, unit: Unit) -> list[str]:
    """What is wrong with the label for the unit: nothing when it is the annotation's label
    or one the annotation accepts."""
    if label == unit.label or label in unit.accept:
        return []
    return [f"The annotation's label is '{unit.label}', not {label!r}."]


def signal_spans(unit: Unit) -> list[tuple[int, int]]:
    """The article offsets of the words that carry the unit's label: cues and source."""
    spans = [(cue.start, cue.end) for cue in unit.cues if cue.kind in SIGNAL_CUE_KINDS]
    if unit.source is not None:
        spans.append((unit.source.start, unit.source.end))
    return spans


def signal_words(unit: Unit) -> list[str]:
    """The words that carry the unit's label, each once, in the order of the annotation."""
    return list(dict.fromkeys(_text(unit, span) for span in signal_spans(unit)))


def evidence_problems(answer: Any, unit: Unit) -> list[str]:
    """What is wrong with the evidence of an answer for the unit (empty when it is right).
    Evidence only counts once the sentence has a label: an empty starter earns nothing."""
    if not isinstance(answer, dict) or answer.get("label") not in LABEL_IDS:
        return ["This sentence has no valid label yet, so its evidence is not graded."]
    evidence = answer.get("evidence")
    if not isinstance(evidence, list) or not all(isinstance(q, str) for q in evidence):
        return ["The evidence must be a list of quotes from the sentence."]
    signals = signal_spans(unit)
    words = ", ".join(repr(word) for word in signal_words(unit))
    if not signals:
        if evidence:
            return ["Nothing in this sentence names a source or signals the label: the right "
                    "evidence is an empty list."]
        return []
    if any(_overlaps(quote, unit, signals) for quote in evidence):
        return []
    return [f"None of your quotes overlaps the words that carry the label: {words}."]


def _overlaps(quote: str, unit: Unit, signals: list[tuple[int, int]]) -> bool:
    at = unit.text.find(quote) if quote.strip() else -1
    while at != -1:
        start, end = unit.start + at, unit.start + at + len(quote)
        if any(start < signal_end and signal_start < end for signal_start, signal_end in signals):
            return True
        at = unit.text.find(quote, at + 1)
    return False


def _text(unit: Unit, span: tuple[int, int]) -> str:
    return unit.text[span[0] - unit.start:span[1] - unit.start]
