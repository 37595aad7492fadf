"""The item-analysis pictures: readable colours, escaped text, a varied choice of items."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from sourcewise.export.item_analysis import ItemStats, answer_text, item_stats
from sourcewise.export.item_charts import hardest, hardest_items_chart
from sourcewise.export.svg import Svg, blend, contrast, ink_on, shorten


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


def test_an_items_place_follows_its_share_however_long_the_share_is():
    """Share and item sit in one line of text, the item after the share, so a long share
    such as "100% right (1000 of 1000)" cannot run into the item's name."""
    big = ItemStats("how_sure", "test_x", "x", "hidden", "hs-01", "Sentence.", "'may'",
                    answered=1000, right=999)
    root = ET.fromstring(hardest_items_chart([big]))
    ns = "{http://www.w3.org/2000/svg}"
    lines = [t for t in root.iter(f"{ns}text")
             if "".join(t.itertext()).startswith("100% right (999 of 1000)")]
    assert len(lines) == 1
    runs = list(lines[0].iter(f"{ns}tspan"))
    assert [run.text for run in runs] == ["100% right (999 of 1000)", " · Ex. 4, hs-01 (hidden)"]
    assert all(run.get("x") is None for run in runs)  # each run starts where the last ended


def test_text_runs_are_escaped():
    """Hostile text in a run of text stays text."""
    svg = Svg(100, 50, "t", "d")
    svg.text_runs(1, 1, [("<b>", "bold", "#000"), ("</text><script/>", "normal", "#000")])
    root = ET.fromstring(svg.render())
    assert root.find("{http://www.w3.org/2000/svg}script") is None
    assert "".join(root.itertext()).strip().endswith("<b></text><script/>")


def test_evidence_that_quotes_nothing_is_named_so_in_the_hardest_items():
    """A hand-labelling evidence item answered and expected as [] reads "no evidence
    quoted" in the hardest-items statistics and picture, not "[] ... expected []"."""
    from model_builders import check, class_records

    from sourcewise.export.class_results import ClassResults, Graded
    from sourcewise.grading.results import ItemResult, SubmissionResult

    evidence = ItemResult("pt-30", False, [], [], None, "No valid label yet.", "Sentence.")
    result = SubmissionResult("x", [check("label_by_hand", "test_evidence", "failed", 0.0, 3,
                                          items=[evidence])])
    record = class_records()[0]
    stats = item_stats(ClassResults((Graded(record, result),) * 3))
    assert stats[0].expected == "no evidence quoted"
    assert stats[0].most_common_wrong == ("no evidence quoted", 3)
    picture = hardest_items_chart(stats)
    assert "[]" not in picture
    assert "Most common wrong answer: no evidence quoted (3 students)" in picture


def test_long_answers_are_cut_at_a_word_boundary():
    """A long wrong answer or error is cut after a whole word, never inside one."""
    from sourcewise.grading.display import cut_at_word, show
    from sourcewise.grading.results import ItemResult

    text = "The fans left before the end of the away match because of the rain"
    assert cut_at_word(text, 44) == "The fans left before the end of the away"
    assert cut_at_word(text, 46) == "The fans left before the end of the away match"
    assert cut_at_word(text, 200) == text
    assert cut_at_word("x" * 50, 10) == "x" * 10  # one long word is still cut
    shown = show(text, 50)
    assert shown.startswith("'The fans left before the end of the away match … [cut:")
    assert shown.endswith(f"[cut: {len(repr(text)) - len(repr(text)[:47].rstrip())} more "
                          "characters]")
    failed = ItemResult("i1", False, "x", got_error="RecursionError: " + text)  # 60 is in "match"
    assert answer_text(failed) == ("(no answer: RecursionError: The fans left before the end "
                                   "of the away)")
    assert shorten(text, 50) == "The fans left before the end of the away match\u2026"
