"""Links between pages, the build audiences, and the instructor-only nav entry."""

from __future__ import annotations

import pytest

from sourcewise.site.audience import Audience, view_for
from sourcewise.site.html import Linker, page_url
from sourcewise.site.nav import with_answer_key


@pytest.mark.parametrize(("src", "url"), [
    ("index.md", ""), ("case-study.md", "case-study/"), ("exercises/index.md", "exercises/"),
    ("lessons/framing.md", "lessons/framing/"),
])
def test_pages_are_served_at_directory_urls(src, url):
    """A docs page maps to the directory URL MkDocs serves it at."""
    assert page_url(src) == url


@pytest.mark.parametrize(("origin", "target", "anchor", "expected"), [
    ("case-study.md", "exercises/label-by-hand.md", None, "../exercises/label-by-hand/"),
    ("index.md", "case-study.md", "u-p01", "case-study/#u-p01"),
    ("exercises/index.md", "lessons/framing.md", None, "../lessons/framing/"),
    ("exercises/index.md", "index.md", None, "../"),
    ("index.md", "index.md", None, "./"),
    ("instructors/answer-key.md", "case-study.md", "u-t00", "../../case-study/#u-t00"),
])
def test_relative_urls_between_pages(origin, target, anchor, expected):
    """Relative URLs resolve from the page's own directory URL."""
    linker = Linker(frozenset({origin, target}))
    assert linker.url(origin, target, anchor) == expected


def test_relative_urls_without_directory_urls():
    """With use_directory_urls off, pages are .html files and links point at them."""
    linker = Linker(frozenset({"a/b.md", "c.md"}), directory_urls=False)
    assert linker.url("a/b.md", "c.md") == "../c.html"
    assert linker.url("c.md", "a/b.md") == "a/b.html"


def test_link_to_a_missing_page_is_plain_escaped_text():
    """A link to a page outside the build degrades to its (escaped) text."""
    linker = Linker(frozenset({"index.md"}))
    assert linker.link("index.md", "lessons/framing.md", "Framing & co") == "Framing &amp; co"


def test_unknown_audience_names_the_valid_ones():
    """A mistyped audience in the configuration is rejected with the valid values."""
    with pytest.raises(ValueError, match="'student', 'instructor'"):
        Audience.parse("teacher")


def test_instructor_build_refuses_a_redacted_case(small_case):
    """A case without labels (a student release) cannot make an instructor build."""
    student = view_for(small_case, Audience.STUDENT)
    with pytest.raises(ValueError, match="redacted"):
        view_for(student, Audience.INSTRUCTOR)


def test_student_view_drops_every_answer_field_of_hand_label_units(small_case):
    """The student view keeps text, offsets and numbers of hand-label units, and no answer."""
    student = view_for(small_case, Audience.STUDENT)
    for before, after in zip(small_case.units, student.units, strict=True):
        if not before.hand_label:
            assert after == before
            continue
        assert (after.text, after.start, after.end, after.quantities) == (
            before.text, before.start, before.end, before.quantities)
        assert (after.label, after.accept, after.cues, after.source, after.rationale,
                after.factchecks, after.points) == (None, (), (), None, "", (), ())


def test_answer_key_joins_an_existing_instructors_section():
    """The answer key is appended to the Instructors section of the nav."""
    nav = [{"Home": "index.md"}, {"Instructors": ["instructors/index.md"]}, {"Glossary": "g.md"}]
    assert with_answer_key(nav) == [
        {"Home": "index.md"},
        {"Instructors": ["instructors/index.md", {"Answer key": "instructors/answer-key.md"}]},
        {"Glossary": "g.md"},
    ]
    assert nav[1] == {"Instructors": ["instructors/index.md"]}  # the input is not changed


def test_answer_key_creates_the_instructors_section_if_needed():
    """Without an Instructors section, one is added at the end holding the answer key."""
    assert with_answer_key([{"Home": "index.md"}]) == [
        {"Home": "index.md"}, {"Instructors": [{"Answer key": "instructors/answer-key.md"}]},
    ]
    assert with_answer_key(None) is None
