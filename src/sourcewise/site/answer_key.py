"""The answer key (instructor build only): every unit with its full annotation."""

from __future__ import annotations

from sourcewise import labels
from sourcewise.casestudy.model import CaseStudy, Unit
from sourcewise.site.annotated import blocks, marked_text, note_rows
from sourcewise.site.casepage import unit_link
from sourcewise.site.claimmap import describe_counts
from sourcewise.site.html import Linker, element, esc
from sourcewise.site.legend import chip, style_of

PAGE = "instructors/answer-key.md"


def _label(unit: Unit) -> str:
    style = style_of(unit)
    text = f"{chip(style)} {esc(style.name)}"
    if unit.accept:
        text += "; also accept " + ", ".join(esc(labels.get(a).name) for a in unit.accept)
    return text


def _unit(case: CaseStudy, unit: Unit, linker: Linker) -> str:
    rows = [("Label", _label(unit)), *note_rows(unit, case)]
    heading = f"{unit_link(case, unit.id, linker, PAGE)} (unit <code>{esc(unit.id)}</code>)"
    if unit.hand_label:
        heading += " · <strong>exercise 1</strong>"
    body = (
        element("p", heading, class_="sw-key__head")
        + element("blockquote", element("p", marked_text(unit)))
        + element("dl", "".join(element("dt", esc(t)) + element("dd", d) for t, d in rows))
    )
    return element("div", body, class_=f"sw-key {style_of(unit).css}", id=f"key-{unit.id}")


def _hand_label_table(case: CaseStudy, linker: Linker) -> str:
    rows = "".join(
        element("tr", element("th", unit_link(case, u.id, linker, PAGE), scope="row")
                + element("td", esc(u.text)) + element("td", _label(u)))
        for u in case.hand_label_units
    )
    head = "".join(element("th", h, scope="col") for h in ("Unit", "Text", "Answer"))
    return element("table", element("thead", element("tr", head)) + element("tbody", rows))


def _block_title(block: list[Unit]) -> str:
    first = block[0]
    if first.kind == "heading":
        return "Title" if first.paragraph == 0 else f"Section heading (paragraph {first.paragraph})"
    return f"Paragraph {first.paragraph}"


def render_answer_key(case: CaseStudy, linker: Linker) -> str:
    """The Markdown of the answer key page."""
    intro = (
        "Instructor edition only: the student edition has no such page, and its annotated "
        "article leaves out the notes of the hand-labelling units. Labels in this key: "
        f"{esc(describe_counts(case.units))}. Where a careful reader could defend another "
        "label, the key says which; accept it when the student's reasoning names the cue."
    )
    parts = [
        "# Answer key",
        element("p", intro),
        "## Exercise 1: the hand-labelling units",
        _hand_label_table(case, linker),
        "## Every unit of the article",
    ]
    for block in blocks(case):
        parts.append(f"### {_block_title(block)}")
        parts.append("\n".join(_unit(case, unit, linker) for unit in block))
    return "\n\n".join(parts) + "\n"
