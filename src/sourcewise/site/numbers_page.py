"""The number audit page: each figure in the article, whose it is, and what the record says."""

from __future__ import annotations

from sourcewise.casestudy.model import AuditedNumber, CaseStudy
from sourcewise.site.casepage import unit_link
from sourcewise.site.html import Linker, citation_list, element, esc, plural

PAGE = "numbers.md"

# The verdict scale, defined once here and in CONTRIBUTING.md ("The verdict scale").
VERDICT_SCALE: tuple[tuple[str, str], ...] = (
    ("supported", "A record independent of the article's own upstream text backs the claim "
     "as written. The report the article copied does not count: repetition is not "
     "corroboration."),
    ("misleading: wrong period", "The figure is real, but the article gives it the wrong "
     "dates."),
    ("misleading: wrong scope", "The figure is real, but the article says it counts "
     "something else."),
    ("misleading", "The facts are roughly right but framed, cut or strengthened so that a "
     "reader takes away something false."),
    ("out of date", "It was reported as true earlier and had stopped being so when the "
     "article appeared."),
    ("unverified", "No independent record we could read confirms or refutes it, including "
     "a figure that matches no count we found."),
    ("wrong", "A record we could read, covering the same thing and the same period, "
     "contradicts it."),
)


def render_scale() -> str:
    """The verdict scale as a definition list."""
    rows = "".join(element("dt", esc(name.capitalize())) + element("dd", esc(text))
                   for name, text in VERDICT_SCALE)
    return element("dl", rows, class_="sw-scale", id="verdict-scale")


def _row(case: CaseStudy, number: AuditedNumber, linker: Linker) -> str:
    verdict = element("strong", esc(number.verdict.capitalize()))
    record = (f"{verdict}: {esc(number.official)} Sources:"
              + citation_list(case.cited(number.citations)))
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
    scale_intro = (
        "Every fact-check on this site, here and in the notes of the annotated article, uses "
        "one scale. The same evidence gets the same verdict."
    )
    return "\n\n".join(["# Number audit", element("p", intro), table, "## The verdict scale",
                         element("p", scale_intro), render_scale()]) + "\n"
