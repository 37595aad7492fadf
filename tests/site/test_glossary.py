"""The glossary: loading and checking the file, the page, and the tooltip definitions."""

from __future__ import annotations

import pytest
from htmlq import parse

from sourcewise.site.glossary import (
    GlossaryError,
    Term,
    abbreviations,
    load_glossary,
    missing_lessons,
    render_glossary_page,
)
from sourcewise.site.html import Linker


def _write(tmp_path, text):
    path = tmp_path / "glossary.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_glossary_loads_with_unique_terms():
    """The glossary shipped with the package loads, with several distinct terms."""
    terms = load_glossary()
    assert len(terms) >= 5
    assert len({t.term.lower() for t in terms}) == len(terms)


def test_definitions_are_folded_onto_one_line(tmp_path):
    """A definition written over several YAML lines becomes one line (tooltips are one line)."""
    path = _write(tmp_path, "- term: hedge\n  definition: |\n    Softens\n    certainty.\n")
    assert load_glossary(path) == (Term("hedge", "Softens certainty.", None),)


@pytest.mark.parametrize(("text", "message"), [
    ("- definition: Something.\n", "entry 1: 'term' must be a non-empty string"),
    ("- term: hedge\n", "entry 1: 'definition' must be a non-empty string"),
    ("- {term: hedge, definition: A.}\n- {term: Hedge, definition: B.}\n",
     "entry 2: term 'Hedge' repeats entry 1"),
    ("- {term: hedge, definition: A., see: x}\n", "unknown field(s) see"),
    ("- {term: hedge, definition: A., lesson: lessons/hedge}\n", "must be a page under docs/"),
    ("- {term: 'a [b]', definition: A.}\n", "cannot contain [ or ]"),
    ("term: hedge\n", "expected a non-empty list"),
    ("- [unclosed\n", "cannot be read as UTF-8 YAML"),
])
def test_bad_glossary_files_name_the_entry_and_field(tmp_path, text, message):
    """Each kind of mistake in the glossary file gives a message saying where and what."""
    with pytest.raises(GlossaryError, match=message.replace("[", r"\[").replace("(", r"\(")
                       .replace(")", r"\)").replace("]", r"\]")):
        load_glossary(_write(tmp_path, text))


def test_missing_glossary_file_says_so(tmp_path):
    """A glossary path that does not exist is reported as not found."""
    with pytest.raises(GlossaryError, match="file not found"):
        load_glossary(tmp_path / "nope.yaml")


def test_page_lists_terms_alphabetically_with_lesson_links():
    """The glossary page lists terms in alphabetical order, each linking to its lesson."""
    terms = (Term("hedge", "Softens <certainty>.", "lessons/vague-attribution.md"),
             Term("attribution", "Who says so.", None))
    linker = Linker(frozenset({"glossary.md", "lessons/vague-attribution.md"}))
    tree = parse(render_glossary_page(terms, linker))
    assert [dt.text for dt in tree.find_all("dt")] == ["attribution", "hedge"]
    assert tree.find_all("dt")[1].attrs["id"] == "term-hedge"
    [link] = tree.find_all("a")
    assert link.attrs["href"] == "../lessons/vague-attribution/"
    assert "Softens <certainty>." in tree.find_all("dd")[1].text


def test_lesson_missing_from_the_build_is_reported():
    """A term whose lesson page is not in the build is named in a problem message."""
    terms = (Term("hedge", "Softens.", "lessons/vague-attribution.md"),)
    assert missing_lessons(terms, Linker(frozenset({"glossary.md"})))[0].startswith(
        "glossary term 'hedge'"
    )
    assert missing_lessons(terms, Linker(frozenset({"lessons/vague-attribution.md"}))) == []


def test_abbreviations_cover_capitalised_and_plural_forms():
    """Tooltips are defined for the term as written, capitalised, and with a plural s."""
    lines = abbreviations((Term("hedge", "Softens certainty.", None),)).splitlines()
    assert lines == [
        "*[hedge]: Softens certainty.", "*[Hedge]: Softens certainty.",
        "*[hedges]: Softens certainty.", "*[Hedges]: Softens certainty.",
    ]
