"""Exercise 1's form as the package renders it: the sentences and labels come from the data."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from htmlq import parse

from sourcewise.casestudy import default_case_study
from sourcewise.labels import LABEL_IDS
from sourcewise.site import label_form, pages
from sourcewise.site.audience import Audience, view_for

CASE = default_case_study()
SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "javascripts" / "label-form.js"


def _form(case=CASE):
    return parse(label_form.render_label_form(case))


def test_form_has_every_hand_label_sentence_word_by_word_in_order():
    """One item per hand-labelling sentence, in order, whose word boxes spell the sentence."""
    tree = _form()
    items = tree.find_all("li", cls="sw-lf-item")
    assert [item.attrs["data-unit"] for item in items] == [u.id for u in CASE.hand_label_units]
    assert len(items) == 12
    for item, unit in zip(items, CASE.hand_label_units, strict=True):
        sentence = item.find_all("p", cls="sw-lf-sentence")[0]
        assert sentence.attrs["data-sentence"] == unit.text
        words = [label.text for label in sentence.find_all("label", cls="sw-lf-word")]
        assert words == unit.text.split()
        boxes = sentence.find_all("input", type="checkbox")
        assert len(boxes) == len(words)
        assert [b.attrs["tabindex"] for b in boxes] == ["0"] + ["-1"] * (len(words) - 1)


def test_every_sentence_offers_all_six_labels_none_chosen():
    """Each sentence has one radio group with the six label ids, none checked."""
    for item in _form().find_all("li", cls="sw-lf-item"):
        radios = item.find_all("input", type="radio")
        assert [r.attrs["value"] for r in radios] == list(LABEL_IDS)
        assert {r.attrs["name"] for r in radios} == {f"lf-{item.attrs['data-unit']}-label"}
        assert not any("checked" in r.attrs for r in radios)


def test_every_box_has_its_own_label():
    """Every checkbox and radio has a unique id that one label names (axe and screen readers)."""
    tree = _form()
    inputs = tree.find_all("input")
    ids = [i.attrs["id"] for i in inputs]
    assert len(ids) == len(set(ids))
    targets = [label.attrs.get("for") for label in tree.find_all("label")]
    assert sorted(targets) == sorted(ids)


def test_form_is_hidden_without_script_and_the_fallback_lists_the_sentences():
    """The form starts hidden (the script shows it); the noscript text lists every sentence."""
    html = label_form.render_label_form(CASE)
    tree = parse(html)
    assert "hidden" in tree.find_all("form")[0].attrs
    fallback = tree.find_all("noscript")[0]
    assert "exercises/label_by_hand.py" in fallback.text
    listed = [li.text for li in fallback.find_all("ol", cls="sw-lf-plain")[0].find_all("li")]
    assert listed == [f"{u.id}: {u.text}" for u in CASE.hand_label_units]


def test_the_student_form_reveals_nothing_the_instructor_form_does_not():
    """The form is the same for the student view of the case (labels hidden) as for the full case."""
    student = view_for(CASE, Audience.STUDENT)
    assert all(u.label is None for u in student.hand_label_units)
    assert label_form.render_label_form(student) == label_form.render_label_form(CASE)


def test_odd_characters_in_a_sentence_survive_escaping():
    """Quotes, ampersands and angle brackets in a sentence come back exactly from the page."""
    text = 'He said "a<b" & it\'s \\ “true”.'
    unit = dataclasses.replace(CASE.hand_label_units[0], text=text)
    case = dataclasses.replace(CASE, units=(unit,))
    sentence = _form(case).find_all("p", cls="sw-lf-sentence")[0]
    assert sentence.attrs["data-sentence"] == text
    assert [w.text for w in sentence.find_all("label")] == text.split()


def test_a_case_without_hand_label_sentences_says_so():
    """A case study that marks no sentence for hand labelling gets a sentence, not an empty form."""
    units = tuple(dataclasses.replace(u, hand_label=False) for u in CASE.units)
    html = label_form.render_label_form(dataclasses.replace(CASE, units=units))
    assert "<form" not in html
    assert "no sentences to label by hand" in html


def test_the_page_marker_becomes_the_form():
    """The label-form marker of a page is replaced by the form, and is not reported unknown."""
    data = pages.prepare(Audience.STUDENT)
    linker = pages.linker_for(data, ["exercises/label-by-hand.md"])
    text, unknown = pages.expand_page("Intro\n\n<!-- sourcewise:label-form -->\n", data, linker,
                                      "exercises/label-by-hand.md")
    assert unknown == []
    assert 'id="sw-label-form"' in text
    assert "sourcewise:label-form" not in text


def test_the_script_holds_no_sentence_and_no_label():
    """The sentences and label ids reach the browser only through the page, not the script."""
    script = SCRIPT.read_text(encoding="utf-8")
    for unit in CASE.hand_label_units:
        assert unit.id not in script
        assert unit.text[:30] not in script
    for label_id in LABEL_IDS:
        assert f'"{label_id}"' not in script
