"""Public checks for the exercise 'Trace the quote', on the case-study article."""

import re
from itertools import groupby

import pytest

from sourcewise.casestudy import default_case_study
from sourcewise.exercises.answers import (
    OFFSETS_RULE,
    QUOTATIONS_RULE,
    SPEAKER_RULE,
    offsets_problems,
    quotations_problems,
)
from sourcewise.exercises.item_grading import grade_items
from sourcewise.exercises.items import Item, texts
from sourcewise.grading import Failure

pytestmark = [
    pytest.mark.exercise("trace_the_quote"),
    pytest.mark.lesson("exercises/trace-the-quote.md"),
]

CASE = default_case_study()
# The article's two quotations: one attributed (its speaker is the sentence's annotated
# source) and one whose opening mark and speaker were lost (a stray closing mark).
ATTRIBUTED = CASE.unit("p19s01")
QUOTE = "emerging as a new challenge"
LOST = CASE.unit("p15s01")
if f"“{QUOTE}”" not in ATTRIBUTED.text or ATTRIBUTED.source is None:
    raise RuntimeError("the case study changed: p19s01 no longer holds the attributed quotation")
if "lost-attribution" not in LOST.points or LOST.text.count("”") != 1:
    raise RuntimeError("the case study changed: p15s01 no longer holds the stray mark")
STRAY_AT = LOST.start + LOST.text.index("”")

APOSTROPHES = ("Every ’ here is an apostrophe (as in America’s, It’s, Taliban’s), not a "
               "quotation mark: there is no quotation to report.")


def paragraphs():
    """(number, first offset, text) for each paragraph of the article with a quotation mark
    or an apostrophe in it (the others have nothing to find)."""
    for number, units in groupby(CASE.units, key=lambda unit: unit.paragraph):
        units = list(units)
        text = CASE.text[units[0].start:units[-1].end]
        if re.search("[“”‘’\"']", text):
            yield number, units[0].start, text


def quotation_items():
    items = []
    for number, _, text in paragraphs():
        if number == ATTRIBUTED.paragraph:
            expected = [{"quote": QUOTE, "speaker": ATTRIBUTED.source.text}]
            why = ATTRIBUTED.rationale
        elif number == LOST.paragraph:
            expected, why = [], ("A closing mark with no opening mark does not make a "
                                 f"quotation. {LOST.rationale}")
        else:
            expected, why = [], APOSTROPHES
        items.append(Item(f"paragraph-{number}", text, expected, why))
    return items


def stray_items():
    items = []
    for number, start, text in paragraphs():
        if start <= STRAY_AT < start + len(text):
            expected, why = [STRAY_AT - start], LOST.rationale
        else:
            expected, why = [], ("Every quotation mark here has its partner, and apostrophes "
                                 "are not quotation marks.")
        items.append(Item(f"paragraph-{number}", text, expected, why))
    return items


QUOTATION_ITEMS = quotation_items()
STRAY_ITEMS = stray_items()


@pytest.mark.points(1)
@pytest.mark.hint("find_quotations returns a list of dictionaries with the keys quote and "
                  "speaker; find_stray_marks returns a list of whole numbers.")
def test_returns_the_right_types(student):
    """find_quotations gives dictionaries and find_stray_marks gives offsets."""
    expected = [{"quote": "Yes,", "speaker": "she"}]
    got = student.find_quotations("“Yes,” she said.")
    if quotations_problems(got, expected):
        raise Failure(" ".join(quotations_problems(got, expected)), expected=expected, got=got)
    got = student.find_stray_marks("Profits rose by 5%.” Shares fell.")
    if offsets_problems(got, [19]):
        raise Failure(" ".join(offsets_problems(got, [19])), expected=[19], got=got)


@pytest.mark.points(3)
@pytest.mark.depends("test_returns_the_right_types")
@pytest.mark.hint("Pair each opening mark with the next closing mark of its kind; an "
                  "apostrophe inside a word is not a quotation mark.")
def test_quotations_in_each_paragraph(student, grade):
    """Each paragraph gives its balanced quotations, and apostrophes give none."""
    grade_items(grade, QUOTATION_ITEMS, student.find_quotations.map(texts(QUOTATION_ITEMS)),
                lambda got, item: quotations_problems(got, item.expected, speakers=False),
                rule=QUOTATIONS_RULE)


@pytest.mark.points(2)
@pytest.mark.depends("test_returns_the_right_types")
@pytest.mark.hint("Read the sentence to its end: 'X said' can come after the quotation, with "
                  "a lot of text in between.")
def test_the_attributed_quotation_has_its_speaker(student, grade):
    """The quotation in the Kakar paragraph is credited to the prime minister."""
    items = [item for item in QUOTATION_ITEMS if item.expected]
    grade_items(grade, items, student.find_quotations.map(texts(items)),
                lambda got, item: quotations_problems(got, item.expected), rule=SPEAKER_RULE)


@pytest.mark.points(3)
@pytest.mark.depends("test_returns_the_right_types")
@pytest.mark.hint("A closing mark with no quotation open is stray; apostrophes never are.")
def test_stray_marks_in_each_paragraph(student, grade):
    """The one stray closing mark is found, and no apostrophe is reported."""
    grade_items(grade, STRAY_ITEMS, student.find_stray_marks.map(texts(STRAY_ITEMS)),
                lambda got, item: offsets_problems(got, item.expected),
                rule=OFFSETS_RULE)


@pytest.mark.points(1)
@pytest.mark.depends("test_returns_the_right_types")
@pytest.mark.hint("Offsets count from the start of the whole text, line breaks included.")
def test_stray_marks_in_the_whole_article(student):
    """On the whole article, the stray mark is reported at its offset in the article."""
    got = student.find_stray_marks(CASE.text)
    problems = offsets_problems(got, [STRAY_AT])
    if problems:
        raise Failure(" ".join(problems), expected=[STRAY_AT], got=got)
