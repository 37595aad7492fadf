"""The claim map: the whole article at a glance, one mark per unit, as inline SVG.

Marks run in reading order, one row per paragraph (headings get their own row), each as wide
as its sentence is long. A mark is coloured by its label and also patterned, and the caption
lists every label with its pattern and count in words, so neither colour nor the picture is
needed to read it. Each mark is a link to its unit, named in words ("Sentence 3: Sourced
fact"), so the map is also a keyboard-reachable table of contents of the text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sourcewise.casestudy.model import CaseStudy, Unit
from sourcewise.site.annotated import blocks, unit_anchor, unit_names
from sourcewise.site.html import element, esc
from sourcewise.site.legend import STYLES, TO_LABEL, LabelStyle, chip, counts_by_style, style_of

WIDTH = 720
ROW_HEIGHT = 14
ROW_GAP = 6
MARK_GAP = 3
MIN_MARK = 6

# One 8x8 tile per pattern, drawn in the map's ink colour over the label's colour.
_TILES = {
    "plain fill": "",
    "dots": '<circle cx="2" cy="2" r="1.3"/><circle cx="6" cy="6" r="1.3"/>',
    "diagonal stripes": '<path d="M-2 2l4-4M0 8l8-8M6 10l4-4"/>',
    "horizontal stripes": '<path d="M0 2h8M0 6h8"/>',
    "cross-hatching": '<path d="M0 0l8 8M8 0l-8 8"/>',
    "vertical stripes": '<path d="M2 0v8M6 0v8"/>',
    "outline only": "",
}


def _pattern_id(prefix: str, style: LabelStyle) -> str:
    return f"{prefix}-p-{style.key}"


def _defs(prefix: str) -> str:
    patterns = "".join(
        f'<pattern id="{_pattern_id(prefix, s)}" width="8" height="8" '
        f'patternUnits="userSpaceOnUse" class="sw-map__ink">{_TILES[s.pattern]}</pattern>'
        for s in STYLES
        if _TILES[s.pattern]
    )
    return f"<defs>{patterns}</defs>"


def _mark(prefix: str, style: LabelStyle, x: float, y: float, width: float, height: float) -> str:
    box = f'x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}"'
    overlay = ""
    if _TILES[style.pattern]:
        overlay = f'<rect {box} fill="url(#{_pattern_id(prefix, style)})"/>'
    return f'<g class="{style.css}"><rect class="sw-map__mark" {box}/>{overlay}</g>'


def _linked_mark(mark: str, href: str, label: str) -> str:
    return (f'<a class="sw-map__link" href="{esc(href)}" aria-label="{esc(label)}">'
            f"<title>{esc(label)}</title>{mark}</a>")


def _row_widths(row: list[Unit], scale: float) -> list[float]:
    widths = [max(MIN_MARK, len(unit.text) * scale) for unit in row]
    room = WIDTH - MARK_GAP * (len(row) - 1)
    if sum(widths) > room:
        widths = [w * room / sum(widths) for w in widths]
    return widths


def describe_counts(units: tuple[Unit, ...]) -> str:
    """The count of each label in words: "Sourced fact: 12; Official estimate: 4; ..."."""
    counts = counts_by_style(units)
    return "; ".join(f"{s.name}: {counts[s.key]}" for s in STYLES if counts[s.key])


def render_claim_map(case: CaseStudy, prefix: str = "sw-map",
                     href: Callable[[str], str] | None = None) -> str:
    """The claim map of a case study (as its audience may see it) as a figure with a caption.

    ``href`` gives the address of a unit from its id; by default, its anchor on this page.
    """
    return render_map(list(blocks(case)), f"Claim map of “{case.publication.title}”",
                      unit_names(case), href or (lambda uid: "#" + unit_anchor(uid)), prefix,
                      "sentence or heading of the article")


def render_map(rows: Sequence[Sequence[Unit]], title: str, names: dict[str, str],
               href: Callable[[str], str], prefix: str, what: str) -> str:
    """A claim map of any text given as rows of units (one row per paragraph or heading).

    ``names`` names each unit to a reader ("sentence 3"); ``what`` says what one mark
    stands for, for the caption ("sentence or heading of the article").
    """
    units = [unit for row in rows for unit in row]
    scale = min((WIDTH - MARK_GAP * (len(row) - 1)) / sum(len(u.text) for u in row)
                for row in rows)
    marks = []
    for index, row in enumerate(rows):
        y = index * (ROW_HEIGHT + ROW_GAP)
        x = 0.0
        for unit, width in zip(row, _row_widths(row, scale), strict=True):
            style = style_of(unit)
            label = f"{names[unit.id].capitalize()}: {style.name}"
            marks.append(_linked_mark(_mark(prefix, style, x, y, width, ROW_HEIGHT),
                                      href(unit.id), label))
            x += width + MARK_GAP
    height = len(rows) * (ROW_HEIGHT + ROW_GAP) - ROW_GAP
    counts = describe_counts(units)
    description = (
        f"{len(units)} marks, one per {what} in reading order, one row per paragraph: "
        f"{counts}. Each mark links to its {what.split(' ')[0]}."
    )
    svg = (
        f'<svg class="sw-map__svg" role="group" viewBox="0 0 {WIDTH} {height}" '
        f'aria-labelledby="{prefix}-title {prefix}-desc">'
        f'<title id="{prefix}-title">{esc(title)}</title>'
        f'<desc id="{prefix}-desc">{esc(description)}</desc>'
        f"{_defs(prefix)}{''.join(marks)}</svg>"
    )
    return element("figure", svg + _caption(units, prefix, what), class_="sw-map")


def _swatch(prefix: str, style: LabelStyle) -> str:
    return (
        '<svg class="sw-map__swatch" aria-hidden="true" focusable="false" viewBox="0 0 24 14">'
        f"{_mark(prefix, style, 0.5, 0.5, 23, 13)}</svg>"
    )


def _caption(units: Sequence[Unit], prefix: str, what: str) -> str:
    """Every label with its colour, pattern and count; "to label" only when a unit waits."""
    counts = counts_by_style(units)
    waiting = counts[TO_LABEL]
    items = []
    for s in STYLES:
        if s.key == TO_LABEL and not waiting:
            continue
        count = str(counts[s.key]) + (" shown" if waiting and s.key != TO_LABEL else "")
        items.append(element(
            "li",
            f"{_swatch(prefix, s)} {chip(s)} {esc(s.name)} ({esc(s.pattern)}): "
            + element("strong", count, class_="sw-map__count"),
            data_label=s.key,
        ))
    text = (
        f"<strong>Claim map.</strong> One mark per {esc(what)}, in reading order, one row per "
        "paragraph; a mark is as wide as its sentence is long, and links to it. Each label "
        "has its own colour and pattern:"
    )
    return element("figcaption", text + element("ul", "".join(items), class_="sw-map__legend"))
