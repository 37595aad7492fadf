"""Links on the hand-written pages go to planned pages, and every outside address is a citation record."""

from __future__ import annotations

import content_pages as cp
import pytest

from sourcewise.casestudy import CaseStudyError, default_case_study
from sourcewise.casestudy.citations import (
    all_links,
    blocked_reason,
    load_citations,
    site_references,
)
from sourcewise.exercises.catalogue import EXERCISES

# The local sites that the instructor pages tell people to open.
LOCAL_SITES = {"http://127.0.0.1:8000", "http://127.0.0.1:8001", "http://127.0.0.1:8002"}
# Placeholder addresses in the guide's example case, which no reader is meant to follow.
EXAMPLES = ("https://example.org/",)
PLANNED = set(cp.OWN_PAGES) | set(cp.GENERATED_PAGES) | {e.page for e in EXERCISES}


ALL_PAGES = sorted(p.relative_to(cp.DOCS).as_posix() for p in cp.DOCS.rglob("*.md"))


def _records():
    return {**site_references(), **default_case_study().citations}


@pytest.mark.parametrize("page", ALL_PAGES)
def test_every_web_address_on_a_page_is_a_citation_record(page):
    """Every web address a hand-written page writes is the link of a record, with kind and publisher."""
    links = all_links(_records().values())
    allowed = LOCAL_SITES if page.startswith(("instructors/", "index.md")) else set()
    unknown = [url for url in cp.external_urls(cp.read(page))
               if url not in links and url not in allowed and not url.startswith(EXAMPLES)]
    assert not unknown, (f"{page} writes addresses that no record of citations.yaml or "
                         f"content/references.yaml links: {unknown}")


@pytest.mark.parametrize("page", ALL_PAGES)
def test_every_cite_marker_names_a_record(page):
    """A <!-- sourcewise:cite ID --> marker names a record of the case or of references.yaml."""
    records = _records()
    assert [cid for cid in cp.cited_records(cp.read(page)) if cid not in records] == []


def test_no_record_links_a_blocked_domain():
    """No record, of the case or of references.yaml, links a domain on the blocklist."""
    blocked = [(r.id, r.link.url) for r in _records().values()
               if r.link is not None and blocked_reason(r.link.url)]
    assert blocked == []


def test_the_loader_refuses_a_blocked_domain(tmp_path):
    """A citations file that links a content farm fails to load, naming the domain and why."""
    path = tmp_path / "citations.yaml"
    path.write_text("- id: gao\n  publisher: GAO\n  title: A report\n  date: '2017'\n"
                    "  link: {kind: copy, url: 'https://its.network/gao-17-667r/', "
                    "publisher: its.network, text: a copy}\n", encoding="utf-8")
    with pytest.raises(CaseStudyError, match="its.network is on the blocklist: a content farm"):
        load_citations(path)


def test_every_reference_is_used():
    """Every record of references.yaml is cited or linked somewhere, so the file stays a record of use."""
    used = {cid for page in ALL_PAGES for cid in cp.cited_records(cp.read(page))}
    linked = {url for page in ALL_PAGES for url in cp.external_urls(cp.read(page))}
    theme = {"material-for-mkdocs", "groundzero-article"}  # the footer and the case's address
    unused = [r.id for r in site_references().values()
              if r.id not in used | theme and (r.link is None or r.link.url not in linked)]
    assert unused == []


@pytest.mark.parametrize("page", cp.OWN_PAGES)
def test_relative_links_point_to_planned_pages(page):
    """Each relative link names a page of the planned site, never the instructor-only answer key."""
    for path, _ in cp.relative_links(page):
        assert path not in cp.INSTRUCTOR_ONLY_PAGES, (
            f"{page} links to {path}, which the student build does not have"
        )
        assert path in PLANNED, f"{page} links to {path}, which is not a planned page"


@pytest.mark.parametrize("page", cp.OWN_PAGES)
def test_anchors_into_hand_written_pages_exist(page):
    """A link to a heading of one of these pages names a heading that exists."""
    for path, anchor in cp.relative_links(page):
        if anchor and path in cp.OWN_PAGES:
            assert anchor in cp.heading_anchors(cp.read(path)), f"{page}: no heading #{anchor} in {path}"


def test_tracing_lesson_cites_every_upstream_report():
    """The tracing lesson cites each outlet the article copied: FP, AP 2021 and 2023, CNN, NBC, Newsweek."""
    upstream = {"Foreign Policy": "fp-2023-arms-dealers", "AP, August 2021": "ap-2021-billions",
                "AP, September 2023": "ap-2023-kakar", "CNN on the DoD report": "cnn-2022-report",
                "NBC News": "nbc-2023-kashmir", "Newsweek": "newsweek-2023-idf"}
    cited = set(cp.cited_records(cp.read("lessons/tracing-upstream.md")))
    assert [name for name, cid in upstream.items() if cid not in cited] == []


def test_sloppy_lesson_cites_the_later_evidence():
    """The sloppy-is-not-false lesson cites the Washington Post, the Jaffar Express claim, Small Arms Survey and Nikkei."""
    cited = set(cp.cited_records(cp.read("lessons/sloppy-is-not-false.md")))
    for record in ("wapo-2025-weapons", "reuters-2025-jaffar", "sas-2024-balkh", "nikkei-2023-ttp"):
        assert record in cited, f"the lesson must cite {record}"
