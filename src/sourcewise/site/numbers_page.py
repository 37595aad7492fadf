"""The number audit page: each figure in the article, whose it is, and what the record says."""

from __future__ import annotations

from sourcewise.casestudy.model import AuditedNumber, CaseStudy
from sourcewise.site.casepage import unit_link
from sourcewise.site.html import Linker, citation_links, element, esc, plural

PAGE = "numbers.md"


def _row(case: CaseStudy, number: AuditedNumber, linker: Linker) -> str:
    verdict = element("strong", esc(number.verdict.capitalize()))
    record = f"{verdict}: {esc(number.official)} Sources: {citation_links(number.citations)}."
    cells = [
        element("th", f"“{esc(number.figure)}” ({unit_link(case, number.unit, linker, PAGE)})",
                scope="row", id=f"number-{number.id}"),
        element("td", esc(number.owner)),
        element("td", esc(number.scope)),
        element("td", esc(number.period)),
        element("td", record),
    ]
    return element("tr", "".join(cells))


def render_numbers_page(case: CaseStudy, linker: Linker) -> str:
    """The Markdown of the number audit page."""
    intro = (
        f"The article uses {plural(len(case.numbers), 'figure')} that can be checked. A number "
        "means little without its owner (who produced it), its scope (what it counts) and its "
        "period (when). This audit puts them back and sets each figure beside what official "
        "or best available sources say."
    )
    head = "".join(element("th", h, scope="col") for h in
                   ("Figure", "Whose figure", "What it counts", "Period",
                    "Verdict and what the record says"))
    rows = "".join(_row(case, number, linker) for number in case.numbers)
    table = element("table", element("thead", element("tr", head)) + element("tbody", rows))
    return "\n\n".join(["# Number audit", element("p", intro), table]) + "\n"
