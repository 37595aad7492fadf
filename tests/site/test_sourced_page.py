"""The sourced-version page: paired paragraphs, labelled sentences, full sources, two maps."""

from __future__ import annotations

import pytest
from htmlq import parse

from sourcewise.casestudy import default_case_study
from sourcewise.casestudy.sourced import load_sourced
from sourcewise.site.audience import Audience, view_for
from sourcewise.site.html import Linker
from sourcewise.site.legend import STYLES
from sourcewise.site.sourced_page import PAGE, render_sourced_page

LINKER = Linker(frozenset({PAGE, "case-study.md"}))


@pytest.fixture(scope="module")
def page():
    case = view_for(default_case_study(), Audience.STUDENT)
    version = load_sourced(default_case_study())
    return version, case, parse(render_sourced_page(version, case, LINKER))


def test_each_paragraph_sits_beside_the_article_sentences_it_rewrites(page):
    """Every pair shows the article's units' text on one side and our sentences on the other."""
    version, case, tree = page
    pairs = tree.find_all("div", "sw-sv__pair")
    assert len(pairs) == len(version.paragraphs)
    for pair, paragraph in zip(pairs, version.paragraphs, strict=True):
        [original] = pair.find_all("div", "sw-sv__original")
        text = " ".join(original.text.split())
        for uid in paragraph.original:
            assert " ".join(case.unit(uid).text.split()) in text
        [ours] = pair.find_all("div", "sw-sv__ours")
        for sentence in paragraph.sentences:
            assert ours.find_all(id=f"sv-{sentence.id}")


def test_each_sentence_shows_its_label_its_credit_and_links_to_its_sources(page):
    """Our sentences carry their label's tag and class, mark the credit, and link to sources."""
    version, _, tree = page
    css = {s.key: s for s in STYLES}
    for sentence in version.sentences:
        [marked] = tree.find_all(id=f"sv-{sentence.id}")
        style = css[sentence.label]
        assert style.css in marked.classes
        assert marked.find_all("span", "sw-chip")[0].text == style.tag
        assert " ".join(marked.find_all("span", "sw-source")[0].text.split()) == sentence.credit
        refs = [a.attrs["href"] for a in marked.find_all("a")]
        assert len(refs) == len(sentence.cites)
        for href in refs:
            assert tree.find_all(id=href.removeprefix("#")), href


def test_every_cited_record_is_listed_in_full_under_its_paragraph(page):
    """Each record a paragraph cites is listed below it with its publisher and date."""
    version, _, tree = page
    lists = tree.find_all("ol", "sw-sv__sources")
    for listing, paragraph in zip(lists, version.paragraphs, strict=True):
        text = " ".join(listing.text.split())
        for sentence in paragraph.sentences:
            for record in sentence.cites:
                assert record.publisher in text
                assert record.date in text


def test_two_claim_maps_with_their_own_ids(page):
    """The article's map and ours are both on the page, and no element id repeats."""
    version, case, tree = page
    maps = tree.find_all("figure", "sw-map")
    assert len(maps) == 2
    assert len(maps[0].find_all("a", "sw-map__link")) == len(case.units)
    assert len(maps[1].find_all("a", "sw-map__link")) == len(version.sentences)
    ids = [node.attrs["id"] for node in tree.iter() if "id" in node.attrs]
    assert len(ids) == len(set(ids))
