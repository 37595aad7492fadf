"""The pages students can read do not give away the sentences they must label by hand.

Lessons and instructor pages are in the student build. A page that quoted a hand-labelling
sentence, and explained it, would hand students a graded answer. So no page may quote such
a sentence in full, nor repeat half or more of its words in one run.
"""

from __future__ import annotations

import math

import content_pages as cp
import pytest

from sourcewise.casestudy import default_case_study
from sourcewise.casestudy.model import Unit

_STRAIGHT = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_EDGES = ".,;:!?\"'()[]{}<>|*`>\u2014\u2013-\u2026"


def _words(text: str) -> list[str]:
    """Lower-case words with quotes straightened and Markdown and punctuation at the edges dropped."""
    tokens = (token.strip(_EDGES).lower() for token in text.translate(_STRAIGHT).split())
    return [token for token in tokens if token]


def _longest_shared_run(sentence: list[str], page: list[str]) -> int:
    """The length of the longest run of consecutive words found in both lists."""
    best, previous = 0, [0] * (len(page) + 1)
    for word in sentence:
        current = [0] * (len(page) + 1)
        for j, other in enumerate(page, start=1):
            if word == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


@pytest.fixture(scope="module")
def hand_labelled() -> tuple[Unit, ...]:
    units = default_case_study().hand_label_units
    assert units, "the case study marks no sentence for the hand-labelling exercise"
    return units


@pytest.mark.parametrize("page", cp.OWN_PAGES)
def test_page_does_not_quote_a_hand_labelling_sentence_in_full(page, hand_labelled):
    """No lesson or instructor page contains the whole of a hand-labelling sentence."""
    text = " ".join(_words(cp.read(page)))
    leaked = [unit.id for unit in hand_labelled if " ".join(_words(unit.text)) in text]
    assert leaked == [], f"{page} quotes hand-labelling sentences in full: {leaked}"


@pytest.mark.parametrize("page", cp.OWN_PAGES)
def test_page_repeats_less_than_half_of_any_hand_labelling_sentence(page, hand_labelled):
    """No page repeats, in one run of words, half or more of a hand-labelling sentence."""
    words = _words(cp.read(page))
    for unit in hand_labelled:
        sentence = _words(unit.text)
        run = _longest_shared_run(sentence, words)
        assert run < max(3, math.ceil(len(sentence) / 2)), (
            f"{page} repeats {run} consecutive words of hand-labelling sentence {unit.id} "
            f"({len(sentence)} words): {unit.text!r}"
        )
