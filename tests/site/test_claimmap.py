"""The claim map: one mark per unit in reading order, patterned, counted, described."""

from __future__ import annotations

from htmlq import parse

from sourcewise.site.audience import Audience, view_for
from sourcewise.site.claimmap import render_claim_map
from sourcewise.site.legend import STYLES


def _main_svg(tree):
    return tree.find_all("svg", "sw-map__svg")[0]


def test_one_mark_per_unit_in_reading_order(small_case):
    """The map has one mark per unit, and the marks follow the units' order and labels."""
    tree = parse(render_claim_map(small_case))
    marks = _main_svg(tree).find_all("g")
    css = {s.key: s.css for s in STYLES}
    assert [g.attrs["class"] for g in marks] == [css[u.label] for u in small_case.units]


def test_marks_other_than_plain_carry_a_pattern(small_case):
    """Every label except the plain one is drawn with a pattern over its colour."""
    tree = parse(render_claim_map(small_case))
    for g in _main_svg(tree).find_all("g"):
        overlays = [r for r in g.find_all("rect") if r.attrs.get("fill", "").startswith("url(#")]
        assert bool(overlays) == (g.attrs["class"] != "sw-l-sourced-fact")


def test_caption_and_description_count_each_label(small_case):
    """The caption lists each label with its count; the SVG description gives the same counts."""
    tree = parse(render_claim_map(small_case))
    counts = small_case.label_counts()
    items = {li.attrs["data-label"]: li for li in tree.find_all("li")}
    assert set(items) == set(counts)
    for label, count in counts.items():
        assert items[label].find_all("strong", "sw-map__count")[0].text == str(count)
    desc = tree.find_all("desc")[0].text
    assert "Unsupported framing: 2" in desc
    assert f"{len(small_case.units)} marks" in desc
    svg = _main_svg(tree)
    assert svg.attrs["role"] == "group"  # it holds links, so not an image
    assert svg.attrs["aria-labelledby"] == "sw-map-title sw-map-desc"


def test_student_map_shows_hand_label_units_as_to_label(small_case):
    """In the student view, hand-labelling units are "to label" marks and are counted as such."""
    student = view_for(small_case, Audience.STUDENT)
    tree = parse(render_claim_map(student))
    marks = _main_svg(tree).find_all("g")
    for unit, mark in zip(small_case.units, marks, strict=True):
        assert (mark.attrs["class"] == "sw-l-to-label") == unit.hand_label
    items = {li.attrs["data-label"]: li for li in tree.find_all("li")}
    assert items["to_label"].find_all("strong")[0].text == str(len(small_case.hand_label_units))
    # Its only unit is hand-labelled: the label is still listed, with none shown.
    assert items["attributed_claim"].find_all("strong")[0].text == "0 shown"


def test_legend_lists_all_six_labels_even_when_none_is_shown(small_case):
    """Every one of the six labels has a legend entry, whatever the counts."""
    student = view_for(small_case, Audience.STUDENT)
    for case in (small_case, student):
        items = {li.attrs["data-label"] for li in parse(render_claim_map(case)).find_all("li")}
        assert {s.key for s in STYLES if s.key != "to_label"} <= items


def test_each_mark_links_to_its_unit_and_names_its_label(small_case):
    """Every mark is a link to its unit's anchor, with a text label naming unit and label."""
    tree = parse(render_claim_map(small_case, href=lambda uid: f"case/#u-{uid}"))
    links = _main_svg(tree).find_all("a", "sw-map__link")
    assert [a.attrs["href"] for a in links] == [f"case/#u-{u.id}" for u in small_case.units]
    names = {s.key: s.name for s in STYLES}
    for number, (unit, link) in enumerate(zip(small_case.units, links, strict=True), start=1):
        expected = f"{unit.kind.capitalize()} {number}: {names[unit.label]}"
        assert link.attrs["aria-label"] == expected
        assert link.find_all("title")[0].text == expected
        assert link.find_all("g")  # the mark itself is inside the link
