"""Every web address on both builds is a citation record: with its kind and publisher, never blocked."""

from __future__ import annotations

import re

import pytest
from htmlq import parse

from sourcewise.casestudy import default_case_study
from sourcewise.casestudy.citations import LINK_KINDS, all_links, blocked_reason, site_references

LOOPBACK = re.compile(r"^https?://(127\.0\.0\.1|localhost)(:\d+)?(/|$)")
EXAMPLES = ("https://example.org/",)  # the add-a-case-study guide's placeholder addresses


def _links():
    return all_links([*site_references().values(), *default_case_study().citations.values()])


def _external_anchors(folder):
    """(page, href, anchor text) for every link to another site in a built site."""
    for page in sorted(folder.rglob("*.html")):
        for anchor in parse(page.read_text(encoding="utf-8")).find_all("a"):
            href = anchor.attrs.get("href") or ""
            if href.startswith(("http://", "https://")) and not LOOPBACK.match(href):
                yield page.relative_to(folder).as_posix(), href, " ".join(anchor.text.split())


@pytest.mark.parametrize("build", ["student", "instructor"])
def test_every_address_is_a_citation_record_and_none_is_blocked(built_sites, build):
    """Each outside link of the build is a record's link with kind and publisher, and no domain is blocked."""
    links = _links()
    seen, unknown, blocked = set(), [], []
    for page, href, _ in _external_anchors(built_sites[build]):
        seen.add(href)
        if blocked_reason(href):
            blocked.append((page, href, blocked_reason(href)))
        elif href not in links and not href.startswith(EXAMPLES):
            unknown.append((page, href))
    assert blocked == []
    assert unknown == [], "add a record (citations.yaml or content/references.yaml) or drop the link"
    assert len(seen) > 30  # the check saw the site's citations, not an empty folder
    for href in seen - {h for h in seen if h.startswith(EXAMPLES)}:
        assert links[href].kind in LINK_KINDS and links[href].publisher.strip()


@pytest.mark.parametrize("build", ["student", "instructor"])
def test_a_copy_is_always_labelled_as_a_copy(built_sites, build):
    """A link to a copy reads as the record says ("AP's story as carried by Yahoo News"), never as a bare outlet."""
    links = _links()
    wrong = [(page, href, text) for page, href, text in _external_anchors(built_sites[build])
             if href in links and links[href].kind == "copy" and text != links[href].text]
    assert wrong == []


def test_a_record_with_no_link_says_so_on_the_page(built_sites):
    """GAO-17-667R, which has no reputable copy online, is cited in full with "we could not find the original online"."""
    numbers = (built_sites["student"] / "numbers" / "index.html").read_text(encoding="utf-8")
    assert "GAO-17-667R" in numbers
    assert "Afghanistan Security: U.S.-Funded Equipment" in numbers
    assert "we could not find the original online" in numbers
    assert "its.network" not in numbers
