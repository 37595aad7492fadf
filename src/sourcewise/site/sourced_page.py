""""The same story, sourced": our version of the article's core claims beside the original.

Each paragraph of our version sits beside the article's sentences it rewrites. Our
sentences carry the same six labels, with the words that credit their source marked as on
the annotated article, and numbered links to their sources, listed in full below each
paragraph. Two claim maps, the article's and ours, show the difference at a glance.
"""

from __future__ import annotations

from sourcewise.casestudy.model import CaseStudy
from sourcewise.casestudy.sourced import SourcedParagraph, SourcedSentence, SourcedVersion
from sourcewise.site.annotated import last_word_start, unit_anchor
from sourcewise.site.casepage import PAGE as CASE_PAGE
from sourcewise.site.claimmap import describe_counts, render_claim_map, render_map
from sourcewise.site.html import Linker, cite, element, esc
from sourcewise.site.legend import chip, style_of

PAGE = "sourced-version.md"


def sentence_anchor(sentence: SourcedSentence) -> str:
    return f"sv-{sentence.id}"


def _marked(sentence: SourcedSentence) -> tuple[str, str]:
    """The text with its crediting words marked, split before the last word (see annotated)."""
    text = sentence.text
    start = text.index(sentence.credit)
    end = start + len(sentence.credit)
    glue = last_word_start(text)
    cuts = sorted({0, start, end, glue, len(text)})
    head, tail = [], []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = esc(text[a:b])
        if start <= a and b <= end:
            piece = element("span", piece, class_="sw-source")
        (head if a < glue else tail).append(piece)
    return "".join(head), "".join(tail)


def render_sentence(sentence: SourcedSentence, paragraph: int,
                    numbers: dict[str, int]) -> str:
    """One of our sentences: marked, tagged with its label, with links to its sources."""
    style = style_of(sentence)
    head, tail = _marked(sentence)
    refs = ", ".join(
        element("a", str(numbers[c.id]), href=f"#sv-src-{paragraph}-{numbers[c.id]}",
                aria_label=f"source {numbers[c.id]}: {c.publisher}")
        for c in sentence.cites)
    last = element("span", tail, class_="sw-unit__text")
    glued = element("span", f"{last}\u00a0{chip(style)}\u00a0"
                    + element("span", f"[{refs}]", class_="sw-sv__refs"), class_="sw-glue")
    text = (element("span", head, class_="sw-unit__text") if head else "") + glued
    return element("span", text, class_=f"sw-unit {style.css}", id=sentence_anchor(sentence))


def render_paragraph(number: int, paragraph: SourcedParagraph, case: CaseStudy,
                     linker: Linker) -> str:
    """A paragraph of ours beside the article's sentences it rewrites, and its sources."""
    records = {}
    for sentence in paragraph.sentences:
        for record in sentence.cites:
            records.setdefault(record.id, record)
    numbers = {rid: n for n, rid in enumerate(records, start=1)}
    original = " ".join(
        esc(case.unit(uid).text) + " "
        + element("a", "↗", href=linker.url(PAGE, CASE_PAGE, unit_anchor(uid)),
                  aria_label="this sentence on the annotated article", class_="sw-sv__to")
        for uid in paragraph.original)
    ours = " ".join(render_sentence(s, number, numbers) for s in paragraph.sentences)
    sources = element("ol", "".join(
        element("li", cite(record), id=f"sv-src-{number}-{numbers[rid]}")
        for rid, record in records.items()), class_="sw-sv__sources")
    pair = (
        element("div", element("h4", "The article") + element("p", original),
                class_="sw-sv__col sw-sv__original")
        + element("div", element("h4", "Sourced") + element("p", ours)
                  + element("p", "<strong>Sources</strong>", class_="sw-sv__sources-title")
                  + sources, class_="sw-sv__col sw-sv__ours")
    )
    return element("section", element("h3", esc(paragraph.heading), id=f"sv-p{number}")
                   + element("div", pair, class_="sw-sv__pair"),
                   class_="sw-sv", aria_labelledby=f"sv-p{number}")


def render_sourced_page(version: SourcedVersion, case: CaseStudy, linker: Linker) -> str:
    """The Markdown of the sourced-version page."""
    article = linker.link(PAGE, CASE_PAGE, "the annotated article")
    sentences = version.sentences
    names = {s.id: f"sentence {n}" for n, s in enumerate(sentences, start=1)}
    intro = (
        f"This is our own version of the core claims of {article}, written the way a careful "
        "reporter would write them. Every claim names who says so, with its period and its "
        "scope; figures say who counted what, and when; a claim one party made is reported "
        "as theirs (\"told\", \"said\"), not as confirmed; where we could not confirm "
        "something, we say so. It has no loaded words. Each of its sentences carries a label, "
        "as the article's do, and numbered links to its sources, listed in full."
    )
    notice = (
        "Read each pair side by side. What did the article leave out? Which sentences of "
        "the article could not be rewritten at all, because no source supports them? (The "
        "parts left out here, such as the history of the AK-47 or the West Bank paragraphs, "
        "are not the article's core claims.)"
    )
    maps = (
        element("h3", "The article")
        + render_claim_map(case, prefix="sw-map-article",
                           href=lambda uid: linker.url(PAGE, CASE_PAGE, unit_anchor(uid)))
        + element("h3", "Our sourced version")
        + render_map([p.sentences for p in version.paragraphs],
                     f"Claim map of our sourced version, “{version.title}”", names,
                     lambda sid: f"#sv-{sid}", "sw-map-sourced", "sentence of our version")
    )
    compare = (
        f"The article: {esc(describe_counts(case.units))}. Our version: "
        f"{esc(describe_counts(sentences))}."
    )
    body = "\n".join(render_paragraph(n, p, case, linker)
                     for n, p in enumerate(version.paragraphs, start=1))
    return "\n\n".join([
        "# The same story, sourced",
        element("p", intro),
        element("p", "<strong>Our headline:</strong> " + esc(version.title)),
        "## Two claim maps",
        element("p", compare),
        element("div", maps, class_="sw-sv__maps"),
        "## Paragraph by paragraph",
        element("p", notice),
        body,
    ]) + "\n"
