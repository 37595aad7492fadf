"""The source ledger page: every source the article credits, leans on or copied."""

from __future__ import annotations

from sourcewise.casestudy.model import CaseStudy, Source
from sourcewise.site.casepage import unit_link
from sourcewise.site.html import Linker, citation_list, element, esc, plural

PAGE = "sources.md"


def _sentences(case: CaseStudy, source: Source, linker: Linker) -> str:
    """Links to the sentences that rest on a source."""
    return ", ".join(unit_link(case, uid, linker, PAGE) for uid in source.units) or "–"


def _row(case: CaseStudy, source: Source, linker: Linker) -> str:
    named = "Yes" if source.credited else "<strong>No</strong>, not credited"
    note = esc(source.note)
    if source.citations:
        note += " Sources:" + citation_list(case.cited(source.citations))
    cells = [
        element("th", esc(source.name), scope="row", id=f"source-{source.id}"),
        element("td", esc(source.kind)),
        element("td", named),
        element("td", _sentences(case, source, linker)),
        element("td", note),
    ]
    return element("tr", "".join(cells))


def render_sources_page(case: CaseStudy, linker: Linker) -> str:
    """The Markdown of the source ledger page."""
    credited = sum(1 for s in case.sources if s.credited)
    intro = (
        f"The article rests on {plural(len(case.sources), 'source')}; it names "
        f"{credited} of them. For each one: what kind of source it is, whether the article "
        "credits it, which sentences rest on it, and what a reader should know about it. "
        "Ask of each: who is this, how could they know, and what do they gain if I believe them?"
    )
    head = "".join(element("th", h, scope="col") for h in
                   ("Source", "Kind", "Named in the article?", "Sentences", "What to know"))
    rows = "".join(_row(case, source, linker) for source in case.sources)
    table = element("table", element("thead", element("tr", head)) + element("tbody", rows))
    return "\n\n".join(["# Source ledger", element("p", intro), table]) + "\n"
