"""The "Trace it yourself" page: forms that work without JavaScript, answers that match the data."""

from __future__ import annotations

import pytest
from htmlq import parse

from sourcewise.casestudy import default_case_study
from sourcewise.casestudy.trace import load_trace
from sourcewise.labels import LABELS
from sourcewise.site.audience import Audience, view_for
from sourcewise.site.html import Linker
from sourcewise.site.trace_page import PAGE, render_trace_page

LINKER = Linker(frozenset({PAGE, "case-study.md"}))


@pytest.fixture(scope="module")
def page():
    case = default_case_study()
    activity = load_trace(case)
    return activity, parse(render_trace_page(activity, view_for(case, Audience.STUDENT), LINKER))


def test_each_item_is_a_form_with_sources_none_of_these_and_changes(page):
    """Every item offers its candidates plus "none of these", and all five changes, as radios."""
    activity, tree = page
    forms = tree.find_all("form", "sw-trace__form")
    assert [f.attrs["data-item"] for f in forms] == [i.id for i in activity.items]
    for form, item in zip(forms, activity.items, strict=True):
        sources = [i.attrs["value"] for i in form.find_all("input")
                   if i.attrs["name"] == f"{item.id}-source"]
        assert sources == [c.source.id for c in item.candidates] + ["none"]
        changes = [i.attrs["value"] for i in form.find_all("input")
                   if i.attrs["name"] == f"{item.id}-change"]
        assert changes == list(activity.changes)
        for radio in form.find_all("input"):  # every radio has its own label
            assert form.find_all("label", **{"for": radio.attrs["id"]})


def test_answers_section_gives_each_items_source_changes_and_explanation(page):
    """The answer after each form names its source (or none), the changes and the explanation."""
    activity, tree = page
    for item in activity.items:
        [answer] = tree.find_all("details", id=f"{item.id}-answer")
        [source] = [p for p in answer.find_all("p") if "data-answer" in p.attrs]
        assert source.attrs["data-answer"] == (item.answer or "none")
        if item.answer:
            assert activity.sources[item.answer].publisher in source.text
        [changes] = [p for p in answer.find_all("p") if "data-changes" in p.attrs]
        assert changes.attrs["data-changes"].split() == list(item.changes)
        assert item.explanation in " ".join(answer.text.split())


def test_the_check_button_is_hidden_until_the_script_shows_it(page):
    """Without JavaScript no button promises feedback that cannot come; the answers still open."""
    _, tree = page
    buttons = tree.find_all("button", "sw-trace__check")
    assert buttons and all("hidden" in b.attrs for b in buttons)


def test_every_report_quoted_is_cited_in_full_with_its_link(page):
    """Each report quoted appears in full (publisher, title, date) with its link or "not online"."""
    activity, tree = page
    text = " ".join(tree.text.split())
    hrefs = {a.attrs.get("href") for a in tree.find_all("a")}
    for source in activity.sources.values():
        assert source.publisher in text
        assert (source.title or source.description) in text
        if source.link is None:
            assert "we could not find the original online" in text
        else:
            assert source.link.url in hrefs


def test_page_never_names_a_label(page):
    """The activity does not give away exercise 1: no label name or id appears on the page."""
    _, tree = page
    text = tree.text.lower()
    for label in LABELS:
        assert label.name.lower() not in text
        assert label.id not in text


def test_outlet_step_and_lateral_reading_searches_are_on_the_page(page):
    """The page asks what groundzero.pk is and lists searches to run with what to look for."""
    activity, tree = page
    text = " ".join(tree.text.split())
    assert "groundzero.pk" in text
    assert "Read laterally" in text
    for search in activity.outlet.searches:
        assert search.query in text
        assert search.look_for in text
