"""The case-study page: the article's metadata, the legend, the claim map and the article."""

from __future__ import annotations

from sourcewise.casestudy.model import CaseStudy, Publication
from sourcewise.exercises import catalogue
from sourcewise.site.annotated import render_article, unit_anchor, unit_names
from sourcewise.site.claimmap import render_claim_map
from sourcewise.site.html import Linker, citation_list, element, esc
from sourcewise.site.legend import TO_LABEL, counts_by_style, render_legend

PAGE = "case-study.md"
HAND_LABEL_EXERCISE = catalogue.get("label_by_hand")


def long_date(publication: Publication) -> str:
    """The publication date in words, e.g. "4 September 2023"."""
    day = publication.date
    return f"{day.day} {day:%B %Y}"


def render_metadata(case: CaseStudy) -> str:
    """Title, outlet, address and date of the article, with the reasoning behind an estimate."""
    publication = case.publication
    date = esc(long_date(publication))
    if publication.date_is_estimate:
        date = f"{date} (estimated). {esc(publication.date_reasoning)}"
        if publication.date_citations:
            date += " Sources:" + citation_list(case.cited(publication.date_citations))
    rows = [
        ("Title", f"“{esc(publication.title)}”"),
        ("Outlet", esc(publication.outlet)),
        ("Address", element("a", esc(publication.url), href=publication.url)),
        ("Published", date),
    ]
    body = "".join(element("dt", term) + element("dd", text) for term, text in rows)
    return element("dl", body, class_="sw-meta")


def _to_label_note(linker: Linker) -> str:
    exercise = HAND_LABEL_EXERCISE
    name = f"exercise {exercise.number}, {exercise.title}"
    return ("label these sentences yourself in "
            + linker.link(PAGE, exercise.page, name) + "; their notes are not shown here.")


# The principle that lets a label and a fact-check disagree (DESIGN: "support is not truth").
LABELS_AND_FACTCHECKS = (
    "A label says what support a sentence <strong>claims on its face</strong>. The fact-check "
    "in its note says whether that claim <strong>survives tracing</strong>. The two can "
    "disagree, and where they do the note says so in so many words. “This included roughly "
    "600,000 weapons” is labelled an official estimate, because “This included” presents the "
    "count as part of the Defense Department’s estimate; traced, it is the GAO’s count of "
    "something else. A sentence that says named authorities “confirmed” something claims "
    "their support whether or not they gave it. Support is not truth."
)


def render_case_page(case: CaseStudy, linker: Linker) -> str:
    """The Markdown of the case-study page for the case as its audience may see it."""
    to_label = counts_by_style(case.units)[TO_LABEL]
    intro = (
        "This is the full article, sentence by sentence. Every sentence and heading carries a "
        "tag that names its label, at the end of its last word. Select a tag (or move to it "
        "with <kbd>Tab</kbd> and press <kbd>Enter</kbd>) to open its note below the line: the "
        "label, the source, the cue words, why, and what fact-checkers found. Select the tag "
        "again to close it."
    )
    if to_label:
        intro += (
            f" The {to_label} sentences tagged TO LABEL are yours to label in "
            + linker.link(PAGE, HAND_LABEL_EXERCISE.page,
                          f"exercise {HAND_LABEL_EXERCISE.number}")
            + "."
        )
    return "\n\n".join([
        "# The annotated article",
        element("p", intro),
        "## Labels and fact-checks",
        element("p", LABELS_AND_FACTCHECKS),
        "## About the article",
        render_metadata(case),
        "## How to read the marks",
        render_legend(case.units, _to_label_note(linker)),
        "## Claim map",
        render_claim_map(case),
        "## The article",
        render_article(case, linker, PAGE, HAND_LABEL_EXERCISE.page),
    ]) + "\n"


def unit_link(case: CaseStudy, unit_id: str, linker: Linker, from_page: str) -> str:
    """A link to a unit on the case-study page, named by its position in reading order."""
    return linker.link(from_page, PAGE, unit_names(case)[unit_id], anchor=unit_anchor(unit_id))
