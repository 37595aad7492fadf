"""The annotated article: every unit marked by its label, its annotation one keypress away.

Each unit is a ``span`` with its label's class (colour and underline style) ending in its
visible tag. The tag is the ``summary`` of a ``details`` element whose body is the unit's
note: label, source, cue words, rationale, numbers, fact-checks and teaching points. So a
note opens and closes without JavaScript; ``docs/javascripts/annotations.js`` only adds
Escape to close and opening the note of a unit linked to (``#u-...``). The tag is glued to
the unit's last word, so a wrapped line never starts with it. A unit whose label is not
shown (a hand-labelling unit in the student build) gets a "TO LABEL" tag that links to
exercise 1 instead, and no note at all.
"""

from __future__ import annotations

from collections.abc import Iterator

from sourcewise import labels
from sourcewise.casestudy.model import CaseStudy, Cue, FactCheck, Quantity, Span, Unit
from sourcewise.casestudy.points import TEACHING_POINTS
from sourcewise.site.html import Linker, citation_list, element, esc
from sourcewise.site.legend import chip, style_of


POINTS = {point.id: point for point in TEACHING_POINTS}


def unit_anchor(unit_id: str) -> str:
    """The id of a unit's element on the case-study page (link target)."""
    return f"u-{unit_id}"


def unit_names(case: CaseStudy) -> dict[str, str]:
    """How the site names each unit to a reader, by its position: "sentence 12", "heading 1"."""
    return {unit.id: f"{unit.kind} {number}" for number, unit in enumerate(case.units, start=1)}


def _relative(unit: Unit, span: Span | Cue) -> int:
    """Where a span starts inside its unit's text; raise ValueError if it is not there."""
    at = span.start - unit.start
    if at < 0 or unit.text[at : at + len(span.text)] != span.text:
        raise ValueError(
            f"unit {unit.id}: span {span.text!r} is not at offset {span.start} of the article"
        )
    return at


def _marks(unit: Unit) -> list[tuple[int, int, str, str]]:
    """Start, end, opening and closing tag of every span marked inside a unit's text."""
    marks: list[tuple[int, int, str, str]] = []
    if unit.source is not None:
        at = _relative(unit, unit.source)
        marks.append((at, at + len(unit.source.text), '<span class="sw-source">', "</span>"))
    for cue in unit.cues:
        at = _relative(unit, cue)
        css = "sw-time" if cue.kind == "time" else "sw-cue"
        opening = f'<mark class="{css}" data-cue="{esc(cue.kind)}">'
        marks.append((at, at + len(cue.text), opening, "</mark>"))
    return marks


def _marked_pieces(unit: Unit, extra_cuts: tuple[int, ...] = ()) -> list[tuple[int, str]]:
    """The unit's text cut at every span boundary: (start, escaped and wrapped piece)."""
    marks = _marks(unit)
    cuts = sorted({0, len(unit.text), *extra_cuts, *(m[0] for m in marks), *(m[1] for m in marks)})
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in marks if m[0] <= start and end <= m[1]]
        piece = esc(unit.text[start:end])
        for _, _, opening, closing in reversed(covering):
            piece = opening + piece + closing
        pieces.append((start, piece))
    return pieces


def marked_text(unit: Unit) -> str:
    """The unit's text, escaped, with its cue words and its source marked in place.

    Label cues become ``<mark class="sw-cue">``, time words ``<mark class="sw-time">``, the
    source ``<span class="sw-source">``. Where spans overlap, the text is cut at every span
    boundary and each piece is wrapped in every span that covers it, so nothing is lost or
    duplicated.
    """
    return "".join(piece for _, piece in _marked_pieces(unit))


def last_word_start(text: str) -> int:
    """Where the last word of a text starts (after its last run of white space)."""
    stripped = text.rstrip()
    cut = max(stripped.rfind(" "), stripped.rfind("\u00a0"), stripped.rfind("\n"))
    return cut + 1


def _split_marked_text(unit: Unit) -> tuple[str, str]:
    """The marked text in two parts: everything before the last word, and the last word."""
    glue = last_word_start(unit.text)
    pieces = _marked_pieces(unit, (glue,))
    head = "".join(piece for start, piece in pieces if start < glue)
    tail = "".join(piece for start, piece in pieces if start >= glue)
    return head, tail


def _verdict(check: FactCheck) -> str:
    return element("strong", esc(check.verdict.capitalize()), class_="sw-verdict")


def _quantity(quantity: Quantity) -> str:
    details = [f"owner: {esc(quantity.owner)}"]
    if quantity.approximator:
        details.insert(0, f"approximator: “{esc(quantity.approximator)}”")
    return f"“{esc(quantity.span.text)}” ({'; '.join(details)})"


def note_rows(unit: Unit, case: CaseStudy) -> Iterator[tuple[str, str]]:
    """The rows of a note: a term and its already-escaped description."""
    if unit.source is not None:
        source = f"“{esc(unit.source.text)}”"
        yield "Source", source + (f" ({esc(unit.source_note)})" if unit.source_note else "")
    elif unit.source_note:
        yield "Source", esc(unit.source_note)
    else:
        yield "Source", "None named in this sentence."
    if unit.cues:
        yield "Cue words", ", ".join(f"“{esc(c.text)}” ({esc(c.kind)})" for c in unit.cues)
    yield "Why", esc(unit.rationale)
    if unit.quantities:
        yield "Numbers", "<br>".join(_quantity(q) for q in unit.quantities)
    if unit.factchecks:
        checks = "".join(
            element("li", f"{_verdict(c)}: {esc(c.finding)} Sources:"
                    + citation_list(case.cited(c.citations)))
            for c in unit.factchecks
        )
        yield "Fact-check", element("ul", checks)
    if unit.points:
        yield "Watch for", "<br>".join(
            f"<strong>{esc(POINTS[p].title)}</strong>: {esc(POINTS[p].summary)}"
            for p in unit.points
        )


def render_note(unit: Unit, name: str, case: CaseStudy) -> str:
    """The note of a labelled unit: the body of the ``details`` its tag opens."""
    if unit.label is None:
        raise ValueError(f"unit {unit.id}: a unit without a label has no note")
    style = style_of(unit)
    heading = f"{chip(style)} <strong>{esc(style.name)}</strong>."
    if unit.accept:
        others = ", ".join(esc(labels.get(a).name) for a in unit.accept)
        heading += f" A careful reader could also defend: {others}."
    rows = "".join(element("dt", esc(term)) + element("dd", text) for term, text in note_rows(unit, case))
    meta = f"{esc(name.capitalize())}, id <code>{esc(unit.id)}</code>."
    if unit.hand_label:
        meta += " Students label this sentence themselves in exercise 1; the student edition"
        meta += " leaves this note out."
    body = (
        element("p", heading, class_="sw-note__label")
        + element("dl", rows)
        + element("p", meta, class_="sw-note__meta")
    )
    return element(
        "div", body, class_=f"sw-note {style.css}", id=f"n-{unit.id}", role="group",
        aria_label=f"Note on {name}",
    )


def _tag(unit: Unit, name: str, to_label_url: str | None, case: CaseStudy) -> str:
    """The unit's tag: a summary that opens its note, or a TO LABEL link to exercise 1."""
    style = style_of(unit)
    if unit.label is None:
        todo = f"{style.tag}: label {name} yourself in exercise 1"
        if to_label_url is None:
            return element("span", esc(style.tag), class_=f"sw-tag {style.css}", title=todo)
        return element("a", esc(style.tag), class_=f"sw-tag {style.css}", href=to_label_url,
                       aria_label=todo)
    summary = element(
        "summary", esc(style.tag), class_=f"sw-tag {style.css}",
        aria_label=f"{style.tag} ({style.name}): note on {name}",
    )
    return element("details", summary + render_note(unit, name, case), class_="sw-more",
                   id=f"d-{unit.id}")


def render_unit(unit: Unit, name: str, to_label_url: str | None, case: CaseStudy) -> str:
    """The marked unit ending in its tag; the tag is glued to the last word.

    A labelled unit's tag is a ``details`` element holding its note, so the note opens
    right below the sentence, with or without JavaScript.
    """
    style = style_of(unit)
    head, tail = _split_marked_text(unit)
    last = element("span", tail, class_="sw-unit__text")
    glued = element("span", f"{last}\u00a0{_tag(unit, name, to_label_url, case)}", class_="sw-glue")
    text = (element("span", head, class_="sw-unit__text") if head else "") + glued
    if unit.kind == "heading":
        level = "h3" if unit.paragraph == 0 else "h4"
        return element(level, text, class_=f"sw-unit sw-heading {style.css}",
                       id=unit_anchor(unit.id))
    return element("span", text, class_=f"sw-unit {style.css}", id=unit_anchor(unit.id))


def blocks(case: CaseStudy) -> Iterator[list[Unit]]:
    """Units grouped as the article shows them: each heading alone, sentences by paragraph."""
    block: list[Unit] = []
    for unit in case.units:
        if block and (unit.kind == "heading" or block[-1].kind == "heading"
                      or unit.paragraph != block[-1].paragraph):
            yield block
            block = []
        block.append(unit)
    if block:
        yield block


def render_article(case: CaseStudy, linker: Linker, page: str, exercise_page: str) -> str:
    """The whole annotated article as one raw-HTML block, headings and paragraphs preserved."""
    to_label_url = linker.url(page, exercise_page) if linker.exists(exercise_page) else None
    names = unit_names(case)
    parts = []
    for block in blocks(case):
        content = ""
        for index, unit in enumerate(block):
            if index:
                content += esc(case.text[block[index - 1].end : unit.start])
            content += render_unit(unit, names[unit.id], to_label_url, case)
        parts.append(content if block[0].kind == "heading" else element("div", content, class_="sw-para"))
    return element("article", "\n".join(parts), class_="sw-article", aria_label=case.publication.title)
