"""Load a case-study folder into the model, checking everything; the bundled case, cached.

    >>> from sourcewise.casestudy import default_case_study
    >>> case = default_case_study()
    >>> case.unit("h0").text
    'Are Afghan Taliban arm dealers because of the US now?'

Any problem raises :class:`~sourcewise.casestudy.errors.CaseStudyError` naming the file,
the unit (or ledger/audit entry) and the field, saying what is wrong and how to fix it.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Mapping
from pathlib import Path

from sourcewise.casestudy.citations import Citation, load_citations, resolve
from sourcewise.casestudy.errors import CaseStudyError
from sourcewise.casestudy.fields import Fields
from sourcewise.casestudy.files import read_article, read_yaml
from sourcewise.casestudy.ledger import parse_numbers, parse_sources
from sourcewise.casestudy.model import CaseStudy, Publication
from sourcewise.casestudy.units import parse_units

CASES_FOLDER = Path(__file__).resolve().parent.parent / "cases"
DEFAULT_CASE_ID = "taliban-arms"
DEFAULT_CASE_FOLDER = CASES_FOLDER / DEFAULT_CASE_ID


def _date(fields: Fields, key: str) -> datetime.date:
    value = fields.raw.get(key)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value)
        except ValueError:
            value = None
    if not isinstance(value, datetime.date):
        raise fields.error(key, f"must be a date written YYYY-MM-DD, got {value!r}.")
    return value


def parse_case(raw: dict, file: str,
               citations: Mapping[str, Citation]) -> tuple[str, Publication, bool]:
    """The id, the publication metadata and the redacted flag from ``case.yaml``."""
    fields = Fields(raw, file=file, what="case")
    fields.only(("id", "title", "outlet", "url", "date", "date_is_estimate",
                 "date_reasoning", "date_citations", "redacted"))
    is_estimate = fields.flag("date_is_estimate")
    publication = Publication(
        title=fields.text("title"),
        outlet=fields.text("outlet"),
        url=_single_url(fields),
        date=_date(fields, "date"),
        date_is_estimate=is_estimate,
        date_reasoning=fields.text("date_reasoning").strip(),
        date_citations=resolve(citations, fields, "date_citations", empty_ok=not is_estimate),
    )
    return fields.text("id"), publication, fields.flag("redacted", default=False)


def _single_url(fields: Fields) -> str:
    url = fields.text("url")
    if not url.startswith(("https://", "http://")) or " " in url:
        raise fields.error("url", f"{url!r} is not a web address.",
                           "Give the article's full URL, starting with https://.")
    return url


def load_case_study(folder: str | Path) -> CaseStudy:
    """Read and check the case study in ``folder``; raise CaseStudyError on any problem."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CaseStudyError(
            "is not a folder." if folder.exists() else "the case folder does not exist.",
            file=str(folder),
            fix="Point at a folder holding article.txt, case.yaml, units.yaml, sources.yaml, "
                "numbers.yaml and citations.yaml.",
        )
    article = read_article(folder / "article.txt")
    citations = load_citations(folder / "citations.yaml")
    case_file = folder / "case.yaml"
    case_id, publication, redacted = parse_case(read_yaml(case_file, dict), str(case_file),
                                                citations)
    units_file = folder / "units.yaml"
    units = parse_units(read_yaml(units_file, list), article, str(units_file), redacted=redacted,
                        citations=citations)
    by_id = {unit.id: unit for unit in units}
    sources_file, numbers_file = folder / "sources.yaml", folder / "numbers.yaml"
    return CaseStudy(
        id=case_id,
        publication=publication,
        text=article,
        units=units,
        sources=parse_sources(read_yaml(sources_file, list), str(sources_file), by_id,
                              redacted=redacted, citations=citations),
        numbers=parse_numbers(read_yaml(numbers_file, list), str(numbers_file), by_id,
                              citations),
        redacted=redacted,
        citations=citations,
    )


@functools.cache
def default_case_study() -> CaseStudy:
    """The bundled case study (loaded once per process; the model is immutable)."""
    return load_case_study(DEFAULT_CASE_FOLDER)
