"""Everything the site generates, for one audience, independent of MkDocs.

``prepare`` loads and checks the data; ``generated_pages`` returns the Markdown of every
generated page; ``expand_page`` fills the markers of hand-written pages and appends the
glossary tooltips. The MkDocs hook (``hooks/sourcewise_site.py``) and the command line
(``python -m sourcewise.site build-pages``) both call these.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sourcewise.casestudy import default_case_study, load_case_study
from sourcewise.casestudy.citations import site_references
from sourcewise.casestudy.loader import DEFAULT_CASE_FOLDER
from sourcewise.casestudy.model import CaseStudy
from sourcewise.casestudy.sourced import FILE as SOURCED_FILE
from sourcewise.casestudy.sourced import SourcedVersion, load_sourced
from sourcewise.casestudy.trace import FILE as TRACE_FILE
from sourcewise.casestudy.trace import TraceActivity, load_trace
from sourcewise.site import (
    answer_key,
    casepage,
    exercise_index,
    glossary,
    label_form,
    numbers_page,
    sourced_page,
    sources_page,
    trace_page,
    worked_answers,
)
from sourcewise.site.audience import Audience, view_for
from sourcewise.site.annotated import unit_anchor
from sourcewise.site.claimmap import render_claim_map
from sourcewise.site.glossary import Term
from sourcewise.site.html import Linker, cite, element

MARKER = re.compile(r"<!--\s*sourcewise:([a-z-]+)\s*-->")
CITE = re.compile(r"<!--\s*sourcewise:cite\s+([A-Za-z0-9_.-]+)\s*-->")


@dataclass(frozen=True)
class SiteData:
    """The data of one build: the case study as its audience may see it, and the glossary."""

    audience: Audience
    case: CaseStudy
    terms: tuple[Term, ...]
    trace: TraceActivity | None = None  # the tracing activity, when the case folder has one
    sourced: SourcedVersion | None = None  # our sourced version, when the case folder has one
    solutions: Path | None = None  # the reference solutions, for a revealed build


def prepare(
    audience: Audience, case_folder: str | Path | None = None,
    glossary_file: str | Path | None = None, solutions: str | Path | None = None,
) -> SiteData:
    """Load and check the case study and the glossary for one audience.

    A revealed build needs ``solutions``, the folder of reference solutions it publishes.
    Raises ``CaseStudyError``, ``GlossaryError`` or ``ValueError`` (a redacted case in an
    instructor build, a revealed build without solutions) with a message saying what to fix.
    """
    case = load_case_study(case_folder) if case_folder is not None else default_case_study()
    answers = Path(solutions) if solutions else None
    if audience is Audience.REVEALED and (answers is None or not answers.is_dir()):
        raise ValueError("a revealed build publishes the reference solutions: give their "
                         "folder in SOURCEWISE_SOLUTIONS (sourcewise release --reveal does)")
    folder = Path(case_folder) if case_folder is not None else DEFAULT_CASE_FOLDER
    trace = load_trace(case, folder) if (folder / TRACE_FILE).is_file() else None
    sourced = load_sourced(case, folder) if (folder / SOURCED_FILE).is_file() else None
    return SiteData(audience, view_for(case, audience), glossary.load_glossary(glossary_file),
                    trace, sourced, answers if audience is Audience.REVEALED else None)


def generated_paths(data: SiteData) -> tuple[str, ...]:
    """The docs-relative paths of the pages this build generates."""
    paths = (casepage.PAGE, sources_page.PAGE, numbers_page.PAGE, glossary.PAGE,
             exercise_index.PAGE)
    if data.trace is not None:
        paths += (trace_page.PAGE,)
    if data.sourced is not None:
        paths += (sourced_page.PAGE,)
    if data.audience is Audience.INSTRUCTOR:
        paths += (answer_key.PAGE,)
    if data.audience is Audience.REVEALED:
        paths += worked_answers.paths()
    return paths


def linker_for(data: SiteData, written: Iterable[str], directory_urls: bool = True) -> Linker:
    """A linker that knows the hand-written pages and the generated ones."""
    return Linker(frozenset(written) | set(generated_paths(data)), directory_urls)


def generated_pages(data: SiteData, linker: Linker) -> dict[str, str]:
    """The Markdown of every generated page, by docs-relative path."""
    pages = {
        casepage.PAGE: casepage.render_case_page(data.case, linker),
        sources_page.PAGE: sources_page.render_sources_page(data.case, linker),
        numbers_page.PAGE: numbers_page.render_numbers_page(data.case, linker),
        glossary.PAGE: glossary.render_glossary_page(data.terms, linker),
        exercise_index.PAGE: exercise_index.render_exercise_index(linker),
    }
    if data.trace is not None:
        pages[trace_page.PAGE] = trace_page.render_trace_page(data.trace, data.case, linker)
    if data.sourced is not None:
        pages[sourced_page.PAGE] = sourced_page.render_sourced_page(data.sourced, data.case,
                                                                    linker)
    if data.audience is Audience.INSTRUCTOR:
        pages[answer_key.PAGE] = answer_key.render_answer_key(data.case, linker)
    if data.audience is Audience.REVEALED and data.solutions is not None:
        pages.update(worked_answers.render_pages(data.solutions, linker))
    return pages


def problems(data: SiteData, linker: Linker) -> list[str]:
    """What is wrong with the build's content that the data checks cannot see."""
    return glossary.missing_lessons(data.terms, linker)


def _edition_note(data: SiteData, linker: Linker, page: str) -> str:
    if data.audience is Audience.STUDENT:
        return ""
    if data.audience is Audience.REVEALED:
        answers = linker.link(page, worked_answers.INDEX, "worked answers")
        return element("p", "<strong>Answers edition.</strong> Published after grading: this "
                       "build shows the notes of the hand-labelling sentences and the "
                       f"{answers} to every exercise.", class_="sw-edition")
    key = linker.link(page, answer_key.PAGE, "answer key")
    text = (
        "<strong>Instructor edition.</strong> This build includes the " + key + " and the notes "
        "of the hand-labelling units. Publish the student edition (<code>mkdocs build</code>) "
        "to students, not this one."
    )
    return element("p", text, class_="sw-edition")


def expand_page(markdown: str, data: SiteData, linker: Linker, page: str) -> tuple[str, list[str]]:
    """Fill the ``<!-- sourcewise:NAME -->`` markers of a page and append the glossary tooltips.

    Markers: ``claim-map`` (the claim map figure), ``edition`` (a notice in the instructor
    build, nothing in the student build), ``label-form`` (exercise 1's form, see
    ``sourcewise.site.label_form``), ``cite ID`` (the full citation of a record of the
    case study's citations.yaml or of content/references.yaml). Returns the new Markdown
    and a message for each unknown marker or record.
    """
    unknown: list[str] = []
    # The lessons are written about the bundled case, so its records stay citable when the
    # site is built for another case study; the build's own case comes last and wins.
    records = {**site_references(), **default_case_study().citations, **data.case.citations}

    def cite_record(match: re.Match[str]) -> str:
        record = records.get(match.group(1))
        if record is None:
            unknown.append(f"{page}: {match.group(0)!r} names no record of citations.yaml "
                           "or references.yaml")
            return match.group(0)
        return cite(record)

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "claim-map":
            return render_claim_map(
                data.case, href=lambda uid: linker.url(page, casepage.PAGE, unit_anchor(uid)))
        if name == "edition":
            return _edition_note(data, linker, page)
        if name == label_form.MARKER_NAME:
            return label_form.render_label_form(data.case)
        unknown.append(f"{page}: unknown marker {match.group(0)!r}; "
                       f"known: claim-map, edition, {label_form.MARKER_NAME}")
        return match.group(0)

    expanded = MARKER.sub(fill, CITE.sub(cite_record, markdown))
    return f"{expanded.rstrip()}\n\n{glossary.abbreviations(data.terms)}\n", unknown
