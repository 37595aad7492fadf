"""The glossary's terms: well formed, linked to real pages, and met by students in the lessons."""

from __future__ import annotations

import re

import content_pages as cp
import pytest
import yaml

from sourcewise.exercises.catalogue import EXERCISES

# Terms the brief asks students to meet; the glossary may hold more.
REQUIRED_TERMS = (
    "attribution", "source", "cue word", "hedge", "weasel word", "official estimate", "scope",
    "period", "lateral reading", "SIFT", "upstream source", "click restraint", "discernment",
    "framing", "loaded language", "rhetorical question", "anonymous source", "interested party",
    "fact-check", "denominator", "non sequitur",
)


@pytest.fixture(scope="module")
def entries() -> list[dict]:
    return yaml.safe_load(cp.GLOSSARY.read_text(encoding="utf-8"))


def test_glossary_has_twenty_to_thirty_unique_terms(entries):
    """The glossary holds 20 to 30 entries, no term twice (ignoring case)."""
    terms = [e["term"].lower() for e in entries]
    assert 20 <= len(terms) <= 30
    assert len(set(terms)) == len(terms)


def test_glossary_includes_the_required_terms(entries):
    """Every term students are promised in the brief has an entry."""
    terms = {e["term"] for e in entries}
    assert [t for t in REQUIRED_TERMS if t not in terms] == []


def test_definitions_are_one_or_two_plain_sentences(entries):
    """A definition is plain text (no Markdown, no links) of one or two sentences."""
    for entry in entries:
        assert set(entry) <= {"term", "definition", "lesson"}, entry
        definition = entry["definition"]
        assert not re.search(r"[\[\]`*_<>]|https?://", definition), f"{entry['term']}: not plain text"
        sentences = re.findall(r"[.!?](?=\s|$)", definition)
        assert 1 <= len(sentences) <= 2, f"{entry['term']}: {len(sentences)} sentences"


def test_lesson_links_name_pages_that_exist(entries):
    """An entry's lesson is a docs-relative page that the site will have."""
    pages = set(cp.OWN_PAGES) | set(cp.GENERATED_PAGES) | {e.page for e in EXERCISES}
    for entry in entries:
        if "lesson" in entry:
            assert entry["lesson"] in pages, f"{entry['term']}: no page {entry['lesson']}"


def test_students_meet_every_term_in_the_lessons(entries):
    """Each term occurs in a lesson, so its tooltip appears where students read."""
    text = " ".join(cp.squash(cp.read(p)) for p in (cp.LESSON_INDEX, *cp.LESSONS)).lower()
    assert [e["term"] for e in entries if e["term"].lower() not in text] == []
