"""Links on the hand-written pages go to planned pages, and outside links are known citations."""

from __future__ import annotations

from pathlib import Path

import content_pages as cp
import pytest

from sourcewise.exercises.catalogue import EXERCISES

ALLOWED = {
    line.strip()
    for line in (Path(__file__).with_name("allowed_citations.txt")).read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}
# The local sites that the instructor pages tell people to open.
LOCAL_SITES = {"http://127.0.0.1:8000", "http://127.0.0.1:8001", "http://127.0.0.1:8002"}
PLANNED = set(cp.OWN_PAGES) | set(cp.GENERATED_PAGES) | {e.page for e in EXERCISES}


@pytest.mark.parametrize("page", cp.OWN_PAGES)
def test_external_links_are_citations_from_the_allow_list(page):
    """Every web address on a page is a citation taken from the research, or a local site."""
    allowed = ALLOWED | (LOCAL_SITES if page.startswith("instructors/") else set())
    unknown = [url for url in cp.external_urls(cp.read(page)) if url not in allowed]
    assert not unknown, f"{page} links to addresses outside the citation allow-list: {unknown}"


def test_allow_list_has_no_entry_that_no_page_uses():
    """Every allow-listed citation is used, so the list stays a record of what the pages cite."""
    used = {url for page in cp.OWN_PAGES for url in cp.external_urls(cp.read(page))}
    assert sorted(ALLOWED - used) == []


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
    """The tracing lesson links each outlet the article copied: FP, AP 2021 and 2023, CNN, NBC, Newsweek."""
    upstream = {
        "Foreign Policy (repost)": "https://wildcatsandblacksheep.com/?p=10349",
        "AP, August 2021": "https://kvia.com/ap-national-news/2021/08/16/billions-spent-on-afghan-army-ultimately-benefitted-taliban",
        "AP, September 2023": "https://ktvz.com/news/ap-national-news/2023/09/04/pakistani-premier-claims-us-military-equipment-left-behind-in-afghanistan-is-now-in-militant-hands/",
        "CNN on the DoD report": "https://cbreviewproduct.com/first-on-cnn-pentagon-report-says-us-left-7-billion-in-military-equipment-in-afghanistan-after-withdrawal-in-20212022-04-27-160801/",
        "NBC News (quoted)": "https://freebeacon.com/national-security/report-pakistani-terrorists-using-weapons-biden-left-behind-in-afghanistan/",
        "Newsweek via Middle East Monitor": "https://oceanlex.com/us-arms-left-in-afghanistan-reach-gaza-middle-east-monitor-25/",
    }
    linked = set(cp.links(cp.read("lessons/tracing-upstream.md")))
    assert [name for name, url in upstream.items() if url not in linked] == []


def test_sloppy_lesson_cites_the_later_evidence():
    """The sloppy-is-not-false lesson links the Washington Post report, Small Arms Survey and Nikkei."""
    linked = " ".join(cp.links(cp.read("lessons/sloppy-is-not-false.md")))
    for outlet in ("neonews.pk", "smallarmssurvey.org", "asia.nikkei.com"):
        assert outlet in linked, f"the lesson must cite {outlet}"
