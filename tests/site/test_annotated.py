"""The annotated article: marks, escaping, notes, and what each build shows."""

from __future__ import annotations

import dataclasses

import pytest
from htmlq import parse

from sourcewise.casestudy.model import Cue, Span
from sourcewise.site.annotated import marked_text, render_article
from sourcewise.site.audience import Audience, view_for
from sourcewise.site.casepage import render_case_page
from sourcewise.site.html import Linker

EXERCISE_1 = "exercises/label-by-hand.md"
WITH_EXERCISE = Linker(frozenset({"case-study.md", EXERCISE_1}))
WITHOUT_EXERCISE = Linker(frozenset({"case-study.md"}))


def _article(case, audience, linker=WITH_EXERCISE):
    return parse(render_article(view_for(case, audience), linker, "case-study.md", EXERCISE_1))


def test_marked_text_keeps_the_text_and_escapes_it(small_case):
    """Marking a unit changes no character of its text, and HTML specials are escaped."""
    unit = small_case.unit("p02s01")
    html = marked_text(unit)
    assert "Patel &amp; Sons" in html
    assert parse(html).text == unit.text


def test_cues_and_source_are_marked_at_their_offsets(small_case):
    """Each cue is a <mark> around exactly its words; the source span around exactly its words."""
    unit = small_case.unit("p01s01")
    tree = parse(marked_text(unit))
    assert [(m.text, m.attrs["data-cue"]) for m in tree.find_all("mark", "sw-cue")] == [
        ("according to", "attribution"),
    ]
    # Time words are marked apart from label cues, so they can look different.
    assert [(m.text, m.attrs["data-cue"]) for m in tree.find_all("mark", "sw-time")] == [
        ("on Tuesday", "time"),
    ]
    assert [s.text for s in tree.find_all("span", "sw-source")] == [
        "the published minutes of the meeting"
    ]


def test_hostile_text_is_escaped(small_case):
    """Markup in the article text is shown as text, never run as HTML."""
    unit = small_case.unit("p04s01")
    text = '<script>alert("x")</script> & <b>bold</b>'
    hostile = dataclasses.replace(
        unit, text=text, end=unit.start + len(text),
        cues=(Cue("alert", unit.start + 8, "loaded"),), source=None,
    )
    html = marked_text(hostile)
    assert "<script>" not in html
    assert "<b>" not in html
    assert parse(html).text == text


def test_overlapping_spans_lose_and_duplicate_nothing(small_case):
    """A cue inside the source, and a cue that crosses the source's end, keep the text intact."""
    unit = small_case.unit("p01s02")  # source "The transport department", cue "estimated"
    crossing = Cue("department estimated", unit.start + unit.text.index("department"), "attribution")
    inner = Cue("transport", unit.start + unit.text.index("transport"), "attribution")
    tree = parse(marked_text(dataclasses.replace(unit, cues=(crossing, inner))))
    assert tree.text == unit.text
    assert "".join(m.text for m in tree.find_all("mark")) .count("department") == 1
    assert "transport" in [m.text for m in tree.find_all("mark")]


def test_a_span_not_at_its_offset_is_an_error_naming_the_unit(small_case):
    """A span whose text is not at its offset raises an error that names the unit."""
    unit = small_case.unit("p01s01")
    broken = dataclasses.replace(unit, source=Span("the minutes", unit.start))
    with pytest.raises(ValueError, match="p01s01"):
        marked_text(broken)


def test_every_unit_has_a_tag_and_the_article_keeps_its_structure(small_case):
    """One tagged element per unit, headings as h3/h4, one block per paragraph, in order."""
    tree = _article(small_case, Audience.INSTRUCTOR)
    units = [n for n in tree.iter() if "sw-unit" in n.classes and n.attrs.get("id")]
    assert [n.attrs["id"] for n in units] == [f"u-{u.id}" for u in small_case.units]
    assert [n.tag for n in units if "sw-heading" in n.classes] == ["h3", "h4"]
    paragraphs = {u.paragraph for u in small_case.units if u.kind == "sentence"}
    assert len(tree.find_all("div", "sw-para")) == len(paragraphs)
    assert all(n.find_all(cls="sw-tag") for n in units)


def test_tags_are_summaries_of_closed_details_holding_the_notes(small_case):
    """Each labelled unit's tag is the summary of a closed details element that holds its note.

    A details element opens and closes without JavaScript.
    """
    tree = _article(small_case, Audience.INSTRUCTOR)
    boxes = tree.find_all("details", "sw-more")
    assert len(boxes) == len(small_case.units)
    for box, unit in zip(boxes, small_case.units, strict=True):
        assert "open" not in box.attrs
        [summary] = box.find_all("summary", "sw-tag")
        assert summary.attrs["aria-label"].startswith(summary.text)
        [note] = box.find_all(id=f"n-{unit.id}")
        assert "hidden" not in note.attrs  # the details element hides it while closed
    assert not tree.find_all("button")


def test_a_tag_is_glued_to_its_units_last_word(small_case):
    """The tag sits in a no-wrap span with the unit's last word, so no line starts with a tag."""
    tree = _article(small_case, Audience.INSTRUCTOR)
    for unit in small_case.units:
        [marked] = tree.find_all(id=f"u-{unit.id}")
        [glue] = marked.find_all("span", "sw-glue")
        assert glue.find_all(cls="sw-tag")
        last_word = unit.text.split()[-1]
        assert glue.text.startswith(last_word + "\u00a0")
        # Nothing of the text is lost or repeated by the split.
        texts = [n.text for n in marked.find_all("span", "sw-unit__text")]
        assert "".join(texts) == unit.text


def test_note_holds_label_source_cues_rationale_numbers_and_factchecks(small_case):
    """A note shows label, source, cue words, rationale, numbers, cited fact-checks, points."""
    tree = _article(small_case, Audience.INSTRUCTOR)
    note = tree.find_all(id="n-p01s02")[0]
    text = " ".join(note.text.split())
    unit = small_case.unit("p01s02")
    assert "Official estimate" in text
    assert "“The transport department”" in text
    assert "“estimated” (attribution)" in text
    assert "“roughly” (approximator)" in text
    assert unit.rationale in text
    assert "“12,000”" in text
    assert "owner: transport department" in text
    assert f"Supported: {unit.factchecks[0].finding}" in text
    assert [a.attrs["href"] for a in note.find_all("a")] == [
        "https://example.org/transport/travel-survey-2023"
    ]
    assert "Watch for" in text
    assert "Scope missing: " in text


def test_student_build_leaves_hand_label_notes_out(small_case):
    """In the student build, hand-labelling units have no note, no cues and a link to exercise 1."""
    html = render_article(view_for(small_case, Audience.STUDENT), WITH_EXERCISE,
                          "case-study.md", EXERCISE_1)
    tree = parse(html)
    for unit in small_case.hand_label_units:
        assert unit.rationale not in html
        assert not tree.find_all(id=f"n-{unit.id}")
        marked = tree.find_all(id=f"u-{unit.id}")[0]
        assert not marked.find_all("mark")
        assert not marked.find_all(cls="sw-source")
        [tag] = marked.find_all("a", "sw-tag")
        assert tag.text == "TO LABEL"
        assert tag.attrs["href"] == "../exercises/label-by-hand/"
        assert "exercise 1" in tag.attrs["aria-label"]
    for unit in small_case.units:
        if not unit.hand_label:
            assert tree.find_all(id=f"n-{unit.id}")


def test_instructor_build_shows_hand_label_notes(small_case):
    """In the instructor build, hand-labelling units have their full notes, marked as exercise 1."""
    tree = _article(small_case, Audience.INSTRUCTOR)
    for unit in small_case.hand_label_units:
        note = tree.find_all(id=f"n-{unit.id}")[0]
        assert unit.rationale in note.text
        assert "exercise 1" in note.text


def test_to_label_tag_is_plain_text_when_exercise_page_is_missing(small_case):
    """Without the exercise 1 page in the build, the TO LABEL tag is not a broken link."""
    tree = _article(small_case, Audience.STUDENT, WITHOUT_EXERCISE)
    assert not tree.find_all("a", "sw-tag")
    assert len(tree.find_all("span", "sw-tag")) == len(small_case.hand_label_units)


def test_case_page_shows_metadata_and_legend_with_counts(small_case):
    """The page gives title, outlet, URL, estimated date with reasoning, and a counted legend."""
    page = render_case_page(view_for(small_case, Audience.STUDENT), WITH_EXERCISE)
    tree = parse(page)
    meta = " ".join(tree.find_all("dl", "sw-meta")[0].text.split())
    publication = small_case.publication
    assert publication.outlet in meta
    assert publication.url in meta
    assert "12 March 2024 (estimated)" in meta
    assert publication.date_reasoning in meta
    legend = tree.find_all("ul", "sw-legend")[0]
    items = [" ".join(li.text.split()) for li in legend.find_all("li")]
    assert items[0].startswith("FACT Sourced fact (2 shown)")
    assert items[2].startswith("CLAIM Attributed claim (0 shown)")  # its only unit is hand-labelled
    assert items[6].startswith("TO LABEL To label (2 units)")
    instructor = parse(render_case_page(small_case, WITH_EXERCISE))
    legend = instructor.find_all("ul", "sw-legend")[0]
    items = [" ".join(li.text.split()) for li in legend.find_all("li")]
    assert items[2].startswith("CLAIM Attributed claim (1 unit)")
    assert not any(item.startswith("TO LABEL") for item in items)
    assert any("bold and boxed" in item for item in items)
