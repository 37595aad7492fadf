"""The item-analysis pictures: readable colours, escaped text, a varied choice of items."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from sourcewise.export.item_analysis import ItemStats
from sourcewise.export.item_charts import hardest, hardest_items_chart
from sourcewise.export.svg import Svg, blend, contrast, ink_on


def test_every_shade_keeps_its_text_readable():
    """Cell text on any shade has a WCAG contrast of at least 4.5:1."""
    for step in range(1001):
        share = step / 1000
        assert contrast(ink_on(share), blend(share)) >= 4.5, share


def test_text_in_a_picture_is_escaped_and_the_picture_is_labelled():
    """Hostile text stays text, and the picture carries a title and a description."""
    svg = Svg(100, 50, "A <title>", "Desc & more")
    svg.text(1, 1, "</text><script>alert(1)</script>")
    root = ET.fromstring(svg.render())
    ns = "{http://www.w3.org/2000/svg}"
    assert root.find(f"{ns}title").text == "A <title>"
    assert root.find(f"{ns}desc").text == "Desc & more"
    assert root.find(f"{ns}script") is None
    assert root.get("role") == "img"


def item(exercise: str, number: int, right: int) -> ItemStats:
    return ItemStats(exercise, "test_x", "x", "public", f"{exercise}-{number}",
                     f"Sentence {number}.", "'framing'", answered=10, right=right)


def test_the_hardest_items_come_from_several_exercises():
    """At most four items per exercise, hardest first, and never an item all got right."""
    stats = sorted([item("how_sure", n, 1) for n in range(10)]
                   + [item("who_says_so", n, 5) for n in range(3)]
                   + [item("loaded_language", n, 10) for n in range(3)],
                   key=lambda s: s.share_right)
    chosen = hardest(stats)
    assert [s.exercise for s in chosen] == ["how_sure"] * 4 + ["who_says_so"] * 3
    picture = hardest_items_chart(stats)
    assert picture.count("10% right (1 of 10)") == 4
    assert "loaded_language" not in picture
