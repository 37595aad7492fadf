"""Hidden checks for the exercise 'Trace the quote': new paragraphs written for Sourcewise."""

from dataclasses import replace
from pathlib import Path

import pytest

from sourcewise.exercises.answers import (
    OFFSETS_RULE,
    QUOTATIONS_RULE,
    SPEAKER_RULE,
    offsets_problems,
    quotations_problems,
)
from sourcewise.exercises.item_grading import grade_items
from sourcewise.exercises.items import Item, ItemFileError, load_items, texts
from sourcewise.exercises.scoring import control_outcome, discernment, target_outcome

pytestmark = [
    pytest.mark.exercise("trace_the_quote"),
    pytest.mark.lesson("exercises/trace-the-quote.md"),
    pytest.mark.visibility("hidden"),
]

ITEMS_FILE = Path(__file__).with_name("items") / "trace_the_quote.yaml"
ITEMS = load_items(ITEMS_FILE, exercise="trace_the_quote")


def with_offsets(item: Item) -> Item:
    """The item with each expected stray mark, given by the text around it, as an offset."""
    offsets = []
    for mark in item.expected:
        around = mark.get("before", "") + mark["mark"] + mark.get("after", "")
        if item.text.count(around) != 1:
            raise ItemFileError(f"{ITEMS_FILE}: item {item.id!r}: {around!r} must occur once")
        offsets.append(item.text.index(around) + len(mark.get("before", "")))
    return replace(item, expected=sorted(offsets))


QUOTATION_ITEMS = [i for i in ITEMS if i.extra["function"] == "find_quotations"]
STRAY_ITEMS = [with_offsets(i) for i in ITEMS if i.extra["function"] == "find_stray_marks"]


@pytest.mark.points(8)
@pytest.mark.hint("Pair each opening mark with the next closing mark of its kind; an "
                  "apostrophe (it’s, Taliban’s, 1990s’) is not a quotation mark.")
def test_quotations_are_found(student, grade):
    """Balanced quotations are found, and apostrophes are not taken for quotation marks."""
    grade_items(grade, QUOTATION_ITEMS, student.find_quotations.map(texts(QUOTATION_ITEMS)),
                lambda got, item: quotations_problems(got, item.expected, speakers=False),
                rule=QUOTATIONS_RULE)


@pytest.mark.points(12)
@pytest.mark.hint("Read the sentence around the quotation for 'according to X', 'X said' or "
                  "'said X'; scare quotes and 'it is said' have no speaker.")
def test_speakers_are_found(student, grade):
    """Each quotation is credited to the speaker its sentence names, or to nobody."""
    grade_items(grade, QUOTATION_ITEMS, student.find_quotations.map(texts(QUOTATION_ITEMS)),
                lambda got, item: quotations_problems(got, item.expected), rule=SPEAKER_RULE)


@pytest.mark.points(12)
@pytest.mark.hint("A closing mark with nothing open, or an opening mark never closed on its "
                  "line, is stray; straight marks open after a space and close otherwise.")
def test_stray_marks_are_found(student, grade):
    """Unbalanced quotation marks of every kind are found, and apostrophes are left alone.

    Scored for discernment, as the finding exercises are: paragraphs with a stray mark are
    targets, paragraphs without one are controls, so answering [] everywhere earns nothing.
    """
    answers = student.find_stray_marks.map(texts(STRAY_ITEMS))
    grade_items(grade, STRAY_ITEMS, answers, lambda got, item: offsets_problems(got, item.expected),
                rule=OFFSETS_RULE)
    outcomes = [
        target_outcome(0 if offsets_problems(got, item.expected) else 1, 1) if item.expected
        else control_outcome(bool(offsets_problems(got, [])))
        for item, got in zip(STRAY_ITEMS, answers, strict=True)
    ]
    result = discernment(outcomes)
    grade.set_score(result.score, reason=result.explain())
