"""Hidden checks for the exercise 'Split into sentences': new texts written for Sourcewise."""

from pathlib import Path

import pytest

from sourcewise.exercises.answers import PIECES_RULE, pieces_problems
from sourcewise.exercises.item_grading import grade_items
from sourcewise.exercises.items import load_items, texts

pytestmark = [
    pytest.mark.exercise("split_sentences"),
    pytest.mark.lesson("exercises/split-sentences.md"),
    pytest.mark.visibility("hidden"),
]

ITEMS = load_items(Path(__file__).with_name("items") / "split_sentences.yaml",
                   exercise="split_sentences")


def grade_trap(student, grade, trap):
    """Grade every item that tests one trap."""
    items = [i for i in ITEMS if i.extra["trap"] == trap]
    grade_items(grade, items, student.split_sentences.map(texts(items)),
                lambda got, item: pieces_problems(got, item.expected), rule=PIECES_RULE)


@pytest.mark.points(12)
@pytest.mark.hint("Letters with full stops between them (U.S., e.g., a.m.), initials, titles "
                  "and short month names do not end a sentence; nor does a decimal point.")
def test_abbreviations_and_decimals(student, grade):
    """Abbreviations, initials, titles, months and decimal numbers do not end a sentence."""
    grade_trap(student, grade, "abbreviation")


@pytest.mark.points(8)
@pytest.mark.hint("A closing quotation mark after the end punctuation stays with its "
                  "sentence; a small letter after '?”' means the sentence goes on.")
def test_sentences_ending_inside_quotations(student, grade):
    """A sentence that ends inside a quotation keeps its closing mark."""
    grade_trap(student, grade, "quotation")


@pytest.mark.points(8)
@pytest.mark.hint("'overnight.Residents': end punctuation glued to a capitalised word is a "
                  "sentence end with a missing space.")
def test_missing_spaces(student, grade):
    """A missing space after end punctuation still ends the sentence."""
    grade_trap(student, grade, "missing_space")


@pytest.mark.points(8)
@pytest.mark.hint("Question marks, exclamation marks and ellipses end sentences too, when a "
                  "capital letter follows.")
def test_question_marks_exclamations_and_ellipses(student, grade):
    """Question marks, exclamation marks and ellipses end a sentence when a new one follows."""
    grade_trap(student, grade, "punctuation")


@pytest.mark.points(4)
@pytest.mark.hint("Split each line on its own: a line without final punctuation is a heading "
                  "and one item; blank lines give nothing.")
def test_headings_and_lines(student, grade):
    """Each heading is an item of its own, and blank lines give nothing."""
    grade_trap(student, grade, "heading")
