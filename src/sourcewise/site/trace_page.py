"""The "Trace it yourself" page: pick the report a sentence came from, then what changed.

Every item is a form (radio buttons for the candidate excerpts and for the changes) followed
by its answer in a ``details`` element, so the activity works without JavaScript: the
student answers, then opens the answer. ``docs/javascripts/trace.js`` adds a "Check my
answer" button that gives the feedback at once, read from the answer on the page (no second
copy of the answers in the script). The page ends with the "Investigate the outlet" step
and a lateral-reading task.
"""

from __future__ import annotations

from sourcewise.casestudy.model import CaseStudy
from sourcewise.casestudy.citations import Citation
from sourcewise.casestudy.trace import Candidate, TraceActivity, TraceItem
from sourcewise.site.casepage import PAGE as CASE_PAGE
from sourcewise.site.casepage import unit_link
from sourcewise.site.html import Linker, attrs, cite, element, esc

PAGE = "trace-it.md"
NONE = "none"  # the value of the "none of these" choice


def credit(source: Citation) -> str:
    """Who published a report, and when: the short credit under an excerpt."""
    return f"{source.publisher}, {source.date}"


def _excerpt(candidate: Candidate) -> str:
    if candidate.kind == "quote":
        return element("q", esc(candidate.text))
    return element("span", "In our words: " + esc(candidate.text), class_="sw-trace__summary")


def _radio(name: str, value: str, label: str, item_id: str) -> str:
    box_id = f"{item_id}-{name}-{value}"
    radio = "<input" + attrs({"type": "radio", "name": f"{item_id}-{name}", "value": value,
                              "id": box_id}) + ">"
    return element("div", radio + " " + element("label", label, for_=box_id),
                   class_="sw-trace__choice")


def _fieldset(legend: str, choices: str) -> str:
    return element("fieldset", element("legend", legend) + choices)


def _answer(item: TraceItem, activity: TraceActivity) -> str:
    if item.answer is None:
        source = "None of these: the sentence's origin has not been found."
    else:
        source = cite(activity.sources[item.answer])
    changes = "; ".join(esc(activity.changes[c]) for c in item.changes)
    body = (
        element("p", "<strong>Where it came from:</strong> " + source,
                data_answer=item.answer or NONE)
        + element("p", "<strong>What changed:</strong> " + changes,
                  data_changes=" ".join(item.changes))
        + element("p", esc(item.explanation), class_="sw-trace__why")
    )
    return element("details", element("summary", "Answer and explanation") + body,
                   class_="sw-trace__answer", id=f"{item.id}-answer")


def render_item(number: int, item: TraceItem, activity: TraceActivity, case: CaseStudy,
                linker: Linker) -> str:
    """One traced sentence: the sentence, the two questions and the answer."""
    unit = case.unit(item.unit)
    sources = "".join(
        _radio("source", c.source.id,
               _excerpt(c) + element("span", " — " + esc(credit(c.source)),
                                     class_="sw-trace__credit"),
               item.id)
        for c in item.candidates
    ) + _radio("source", NONE, "None of these", item.id)
    changes = "".join(_radio("change", key, esc(text), item.id)
                      for key, text in activity.changes.items())
    where = unit_link(case, item.unit, linker, PAGE)
    form = element(
        "form",
        _fieldset("1. Which earlier report did this sentence come from?", sources)
        + _fieldset("2. What changed on the way into the article?", changes)
        + element("button", "Check my answer", type="submit", class_="md-button sw-trace__check",
                  hidden=True)
        + element("p", "", class_="sw-trace__feedback", role="status", aria_live="polite"),
        class_="sw-trace__form", data_item=item.id, action=f"#{item.id}-answer",
    )
    return element(
        "section",
        element("h3", f"Sentence {number}", id=item.id)
        + element("blockquote", element("p", esc(unit.text)))
        + element("p", f"In the article: {where}.", class_="sw-trace__where")
        + form + _answer(item, activity),
        class_="sw-trace", aria_labelledby=item.id,
    )


def _outlet(activity: TraceActivity) -> str:
    step = activity.outlet
    known = element("ul", "".join(element("li", esc(k)) for k in step.known))
    head = element("tr", element("th", "Search for", scope="col")
                   + element("th", "What to look for", scope="col"))
    rows = "".join(element("tr", element("td", element("code", esc(s.query)))
                           + element("td", esc(s.look_for))) for s in step.searches)
    table = element("table", element("thead", head) + element("tbody", rows))
    return "\n\n".join([
        "## Investigate the outlet",
        element("p", "<strong>" + esc(step.question) + "</strong> What we know so far:"),
        known,
        "### Read laterally",
        element("p", esc(step.advice)),
        table,
    ])


def render_trace_page(activity: TraceActivity, case: CaseStudy, linker: Linker) -> str:
    """The Markdown of the tracing activity page."""
    article = linker.link(PAGE, CASE_PAGE, "the annotated article")
    intro = (
        f"Each sentence below is from {article}. Under it are short excerpts from earlier "
        "reports, each credited to its original record. Quotations are the report's own "
        "words; the others are our summaries. First pick the report the sentence came from "
        "(or none of them), then what changed on the way. Then open the answer below the "
        "questions."
    )
    scripted = (
        "With JavaScript on, a <strong>Check my answer</strong> button also tells you at once "
        "whether each choice is right."
    )
    items = "\n".join(render_item(n, item, activity, case, linker)
                      for n, item in enumerate(activity.items, start=1))
    return "\n\n".join([
        "# Trace it yourself",
        element("p", intro),
        element("p", scripted, class_="sw-trace__scripted", hidden=True),
        "## The sentences",
        items,
        _outlet(activity),
        "## The reports quoted on this page",
        element("p", "Each earlier report, by its original record, with where you can read it."),
        element("ul", "".join(element("li", cite(s), id=f"source-{s.id}")
                              for s in activity.sources.values())),
    ]) + "\n"
