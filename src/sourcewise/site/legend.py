"""How each label looks on the site, and the legend that explains it.

Colour is never the only signal: every label also has a visible text tag (from
``sourcewise.labels``), an underline style in the text and a fill pattern in the claim map.
The CSS in ``docs/stylesheets/sourcewise.css`` implements the styles named here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sourcewise import labels
from sourcewise.casestudy.model import Unit
from sourcewise.site.html import element, esc, plural


@dataclass(frozen=True)
class LabelStyle:
    """The look of one label (or of "to label"), described in words for the legend."""

    key: str  # label id, or TO_LABEL for a hand-labelling unit in the student build
    css: str  # class on marked text, notes and map marks
    tag: str  # the visible tag
    name: str
    underline: str  # how its text is underlined, in words
    pattern: str  # its fill pattern in the claim map, in words


TO_LABEL = "to_label"

_LOOKS = {
    "sourced_fact": ("solid underline", "plain fill"),
    "official_estimate": ("double underline", "dots"),
    "attributed_claim": ("dashed underline", "diagonal stripes"),
    "vague_attribution": ("dotted underline", "horizontal stripes"),
    "unsourced_assertion": ("wavy underline", "cross-hatching"),
    "framing": ("lines above and below", "vertical stripes"),
}

STYLES: tuple[LabelStyle, ...] = (
    *(
        LabelStyle(
            label.id,
            "sw-l-" + label.id.replace("_", "-"),
            label.tag,
            label.name,
            *_LOOKS[label.id],
        )
        for label in labels.LABELS
    ),
    LabelStyle(TO_LABEL, "sw-l-to-label", "TO LABEL", "To label", "dashed box", "outline only"),
)


def style_of(unit: Unit) -> LabelStyle:
    """The style of a unit: its label's, or "to label" when its label is not shown."""
    key = unit.label if unit.label is not None else TO_LABEL
    for style in STYLES:
        if style.key == key:
            return style
    raise KeyError(f"unit {unit.id}: unknown label {unit.label!r}")


def chip(style: LabelStyle) -> str:
    """The tag of a label as a non-interactive badge."""
    return element("span", esc(style.tag), class_=f"sw-chip {style.css}")


def counts_by_style(units: Iterable[Unit]) -> dict[str, int]:
    """How many units carry each style, in legend order (styles with no unit included)."""
    counts = {style.key: 0 for style in STYLES}
    for unit in units:
        counts[style_of(unit).key] += 1
    return counts


def render_legend(units: Iterable[Unit], to_label_note: str) -> str:
    """The legend of the annotated article: tag, underline, name, test and count per label.

    ``to_label_note`` explains the "to label" entry; the entry is left out when no unit is
    waiting to be labelled (the instructor build).
    """
    counts = counts_by_style(units)
    items = []
    for style in STYLES:
        count = plural(counts[style.key], "unit")
        if style.key == TO_LABEL:
            if not counts[TO_LABEL]:
                continue
            test = to_label_note
        else:
            test = esc(labels.get(style.key).test)
            if counts[TO_LABEL]:
                # Units to label are not counted under their label: that would tell.
                count = f"{counts[style.key]} shown"
        sample = element("span", esc(style.underline), class_="sw-unit__text")
        items.append(
            element(
                "li",
                f"{chip(style)} <strong>{esc(style.name)}</strong> ({count}): {test} "
                + element("span", f"In the text: {sample}.", class_=f"sw-unit {style.css}"),
            )
        )
    marks = (
        element("li", "Cue words, the words that signal a label, are "
                + element("mark", "bold and boxed", class_="sw-cue") + ".")
        + element("li", "Time words, whose meaning depends on when the article was written, "
                  "are in a " + element("mark", "dashed, rounded outline", class_="sw-time")
                  + ", not bold.")
        + element("li", "The source a sentence names is "
                  + element("span", "in italics with a bar before it", class_="sw-source")
                  + ".")
    )
    return element("ul", "".join(items) + marks, class_="sw-legend")
