"""The hidden item sets of the judgment exercises 3, 4, 6 and 7 are big, balanced and fair."""

from collections import Counter
from pathlib import Path

import pytest

from sourcewise.casestudy import default_case_study
from sourcewise.exercises.items import load_items
from sourcewise.exercises.scoring import MAX_EXTRA_WORDS, phrases_match, words
from sourcewise.labels import LABEL_IDS

ITEMS_DIR = Path(__file__).parents[2] / "instructor" / "hidden" / "items"
NAMES = ("who_says_so", "how_sure", "loaded_language", "put_it_together")


def items_of(name):
    return load_items(ITEMS_DIR / f"{name}.yaml", exercise=name)


def gold_phrases(name, item):
    """Every phrase an item expects a student to find."""
    expected = item.expected
    if name == "who_says_so":
        if expected is None:
            return []
        return [p for slot in ("source", "cue") for p in
                (expected[slot] if isinstance(expected[slot], list) else [expected[slot]])]
    if name == "how_sure":
        return list(expected)
    if name == "loaded_language":
        return list(expected["words"])
    return []


FIELDS = {"health", "sport", "local government", "science", "business", "courts", "weather"}
DETERMINISTIC = ("split_sentences", "numbers_need_owners", "trace_the_quote", "when_was_now")


@pytest.mark.parametrize("name", NAMES)
def test_at_least_sixty_items_with_neutral_controls(name):
    """Each judgment set has 60 or more items, and at least a quarter are neutral controls."""
    items = items_of(name)
    assert len(items) >= 60
    assert sum(item.control for item in items) >= len(items) / 4


@pytest.mark.parametrize("name", NAMES)
def test_items_come_from_seven_fields(name):
    """Each judgment set draws on all seven fields, at least six items from each."""
    fields = Counter(item.extra["field"] for item in items_of(name))
    assert set(fields) == FIELDS
    assert min(fields.values()) >= 6


@pytest.mark.parametrize("name", DETERMINISTIC)
def test_deterministic_sets_have_texts_unlike_the_article(name):
    """Exercises 2, 5, 8 and 9 have at least eight items from other kinds of text."""
    items = load_items(ITEMS_DIR / f"{name}.yaml", exercise=name)
    assert sum("field" in item.extra for item in items) >= 8


@pytest.mark.parametrize("name", NAMES)
def test_items_are_new_sentences(name):
    """No hidden item repeats a sentence of the case study or another item."""
    case_texts = {" ".join(words(unit.text)) for unit in default_case_study().units}
    texts = [" ".join(words(item.text)) for item in items_of(name)]
    assert len(set(texts)) == len(texts)
    assert not case_texts & set(texts)


@pytest.mark.parametrize("name", ["who_says_so", "how_sure", "loaded_language"])
def test_every_gold_phrase_is_in_its_sentence_and_the_sentence_is_no_match(name):
    """Gold phrases occur in their sentence, and returning the whole sentence matches none."""
    for item in items_of(name):
        for phrase in gold_phrases(name, item):
            assert phrase.lower() in item.text.lower(), (item.id, phrase)
            assert len(words(item.text)) - len(words(phrase)) > MAX_EXTRA_WORDS, item.id
            assert not phrases_match(item.text, phrase), item.id


def test_who_says_so_is_balanced_across_source_kinds():
    """Exercise 3 has at least eight items of each source kind, and controls have no answer."""
    items = items_of("who_says_so")
    kinds = Counter(item.extra["kind"] for item in items)
    assert set(kinds) == {"named person", "organisation", "document", "vague", "none"}
    assert min(kinds.values()) >= 8
    assert all((item.expected is None) == item.control for item in items)


def test_how_sure_has_traps_among_its_controls():
    """Exercise 4's controls include the traps: 'May', legal 'claim', named-source modals."""
    controls = [item for item in items_of("how_sure") if item.control]
    assert all(item.expected == [] for item in controls)
    texts = " ".join(item.text for item in controls)
    assert "May" in texts
    assert "claim" in texts
    assert any(item.extra["kind"] == "trap" for item in controls)
    assert sum(item.extra["kind"] == "trap" for item in controls) >= 8


def test_loaded_language_covers_quotes_literal_uses_and_checkable_sentences():
    """Exercise 6 has framing items and, as non-framing, quoted, literal and checkable ones."""
    kinds = Counter(item.extra["kind"] for item in items_of("loaded_language"))
    assert kinds["framing"] >= 10
    assert kinds["question or motive"] >= 4
    assert min(kinds["quoted"], kinds["literal"], kinds["loaded fact"]) >= 4
    decisions = Counter(item.expected["framing"] for item in items_of("loaded_language"))
    assert min(decisions.values()) >= 15


def test_put_it_together_is_balanced_across_the_six_labels():
    """Exercise 7 has the same number of items for each of the six labels."""
    items = items_of("put_it_together")
    counts = Counter(item.expected for item in items)
    assert set(counts) == set(LABEL_IDS)
    assert len(set(counts.values())) == 1
    for item in items:
        assert set(item.extra.get("accept", [])) <= set(LABEL_IDS) - {item.expected}


ROOT = Path(__file__).parents[2]
WINDOW = 5  # this many consecutive words of an item is "a long piece" of it
PAGES = {
    "who_says_so": "who-says-so.md",
    "how_sure": "how-sure.md",
    "loaded_language": "loaded-language.md",
    "put_it_together": "put-it-together.md",
}


def leaked_pieces(path):
    """Runs of WINDOW words of any hidden item that appear in the file at ``path``."""
    source = f" {' '.join(words(path.read_text(encoding='utf-8')))} "
    for item in (item for name in NAMES for item in items_of(name)):
        text = words(item.text)
        for start in range(len(text) - WINDOW + 1):
            piece = " ".join(text[start : start + WINDOW])
            if f" {piece} " in source:
                yield item.id, piece


@pytest.mark.parametrize("name", NAMES)
def test_reference_solution_does_not_contain_hidden_item_text(name):
    """No run of five consecutive words of any hidden item appears in the reference solution."""
    assert list(leaked_pieces(ROOT / "instructor" / "solutions" / f"{name}.py")) == []


@pytest.mark.parametrize("name", NAMES)
def test_what_students_see_does_not_contain_hidden_item_text(name):
    """The starter, the public checks and the exercise page show no piece of a hidden item."""
    for path in (ROOT / "exercises" / f"{name}.py", ROOT / "exercises" / f"test_{name}.py",
                 ROOT / "docs" / "exercises" / PAGES[name]):
        assert list(leaked_pieces(path)) == [], path.name
