"""Public checks for the exercise 'Split into sentences', on the case-study article."""

import re
from itertools import groupby

import pytest

from sourcewise.casestudy import default_case_study
from sourcewise.exercises.answers import HEADING_RULE, PIECES_RULE, pieces_problems
from sourcewise.exercises.item_grading import grade_items
from sourcewise.exercises.items import Item, texts
from sourcewise.grading import Failure
from sourcewise.grading.display import plural

pytestmark = [
    pytest.mark.exercise("split_sentences"),
    pytest.mark.lesson("exercises/split-sentences.md"),
]

CASE = default_case_study()

# What makes a paragraph of the article tricky, with the rule that handles it.
TRAPS = (
    (r"\b(?:[A-Z]\.){2,}", "'U.S.' is an abbreviation: its full stops do not end a sentence."),
    (r"[a-z][.?!][A-Z][a-z]",
     "A full stop glued to a capitalised word ('sights.The') is a sentence end with a "
     "missing space."),
    (r"[.?!][”\"]", "The closing quotation mark after the full stop belongs to its sentence."),
    (r"\d\.\d", "A full stop between digits is a decimal point, not a sentence end."),
)


def paragraph_items():
    """One item per paragraph of the article: its text and its sentences or heading."""
    items = []
    for number, units in groupby(CASE.units, key=lambda unit: unit.paragraph):
        units = list(units)
        text = CASE.text[units[0].start:units[-1].end]
        reasons = [why for pattern, why in TRAPS if re.search(pattern, text)]
        if units[0].kind == "heading":
            reasons.append("A heading has no final punctuation: it is one item on its own.")
        reasons.append(f"This paragraph has {plural(len(units), 'item')}, each ending where "
                       "a new sentence starts.")
        items.append(Item(f"paragraph-{number}", text, [unit.text for unit in units],
                          " ".join(reasons)))
    return items


PARAGRAPHS = paragraph_items()


@pytest.mark.points(1)
@pytest.mark.hint("Return a list of strings, one per sentence or heading.")
def test_returns_a_list_of_strings(student):
    """split_sentences returns a list of strings."""
    got = student.split_sentences("The ferry was late. Nobody knew why.")
    if not (isinstance(got, list) and all(isinstance(piece, str) for piece in got)):
        raise Failure("split_sentences must return a list of strings.",
                      expected=["The ferry was late.", "Nobody knew why."], got=got)


@pytest.mark.points(4)
@pytest.mark.depends("test_returns_a_list_of_strings")
@pytest.mark.hint("Look at the first piece that differs: is a full stop part of an "
                  "abbreviation, or is a space missing after it?")
def test_each_paragraph_of_the_article(student, grade):
    """Each paragraph of the article splits into the sentences of the annotated case study."""
    grade_items(grade, PARAGRAPHS, student.split_sentences.map(texts(PARAGRAPHS)),
                lambda got, item: pieces_problems(got, item.expected), rule=PIECES_RULE)


@pytest.mark.points(1)
@pytest.mark.depends("test_returns_a_list_of_strings")
@pytest.mark.hint("Split each line on its own: a line without final punctuation is a heading.")
def test_headings_are_their_own_items(student, grade):
    """The title and the section headings come out as items of their own."""
    headings = [u for u in CASE.units if u.kind == "heading"]
    items = [Item(u.id, u.text, u.text, "A heading is a line on its own with no final "
                  "punctuation, so it is one item.") for u in headings]
    got = student.split_sentences(CASE.text)

    def heading_problems(answer, item):
        if isinstance(answer, list) and item.text in answer:
            return []
        return [f"{item.text!r} is not one of the items you returned for the whole article."]

    grade_items(grade, items, [got] * len(items), heading_problems, rule=HEADING_RULE)


@pytest.mark.points(2)
@pytest.mark.depends("test_returns_a_list_of_strings")
@pytest.mark.hint("Blank lines separate paragraphs: skip lines that are empty once stripped.")
def test_the_whole_article(student):
    """The whole article, in one call, splits into every sentence and heading in order."""
    expected = [unit.text for unit in CASE.units]
    got = student.split_sentences(CASE.text)
    problems = pieces_problems(got, expected)
    if problems:
        raise Failure(" ".join(problems), expected=f"{len(expected)} pieces",
                      got=f"{len(got)} pieces" if isinstance(got, list) else got)
