"""The article is stored verbatim and its hand-curated segmentation covers it exactly."""

import hashlib

from sourcewise.casestudy import DEFAULT_CASE_FOLDER

ARTICLE_SHA256 = "f3399a20509738f02b959bb983d7a567c6889e0791f1d82313493b3069bbd360"


def test_article_copy_is_byte_for_byte():
    """article.txt hashes to the SHA-256 of the original and has no trailing newline."""
    data = (DEFAULT_CASE_FOLDER / "article.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == ARTICLE_SHA256
    assert not data.endswith(b"\n")


def test_loaded_text_is_the_file_text(case):
    """The loader keeps the article exactly: no newline translation or stripping."""
    assert case.text.encode("utf-8") == (DEFAULT_CASE_FOLDER / "article.txt").read_bytes()


def test_joining_units_reproduces_the_article(case):
    """Units plus the whitespace between them rebuild the article character for character."""
    rebuilt, end = [], 0
    for unit in case.units:
        gap = case.text[end:unit.start]
        assert gap.strip() == "", unit.id
        rebuilt += [gap, unit.text]
        end = unit.end
    rebuilt.append(case.text[end:])
    assert "".join(rebuilt) == case.text
    assert all(case.text[u.start:u.end] == u.text for u in case.units)


def test_title_and_three_section_headings_are_heading_units(case):
    """The title and the three section headings are the only heading units."""
    headings = {u.id: u.text for u in case.units if u.kind == "heading"}
    assert headings == {
        "h0": "Are Afghan Taliban arm dealers because of the US now?",
        "h1": "The Investment of Billions is now benefiting the Taliban",
        "h2": "Pakistan\u2019s Concerns on the Weapons",
        "h3": "Weapons are Surfacing in Kashmir & Gaza",
    }
    assert case.publication.title == headings["h0"]


def test_us_abbreviation_does_not_end_a_sentence(case):
    """'The U.S. Department of Defense estimated ...' is one sentence, as is every 'U.S.' one."""
    unit = case.unit("p13s01")
    assert unit.text.startswith("The U.S. Department of Defense estimated")
    assert unit.text.endswith("arming the Afghan security forces.")
    assert not any(u.text.startswith(("S.", "S.-")) for u in case.units)


def test_missing_space_after_full_stop_still_splits(case):
    """'thermal sights.The night vision ...' is two sentences, with nothing between them."""
    first, second = case.unit("p05s02"), case.unit("p05s03")
    assert first.text == "They are using night vision and thermal sights."
    assert second.text.startswith("The night vision equipment")
    assert first.end == second.start


def test_stray_closing_quote_stays_inside_its_sentence(case):
    """The orphan closing quotation mark after 'military vehicles.' belongs to that unit."""
    unit = case.unit("p15s01")
    assert unit.text.endswith("about 61,000 military vehicles.\u201d")
    assert case.text.count("\u201d") == 2  # this one and the one closing Kakar's quotation
    assert case.unit("p15s02").text == "That\u2019s on top of what they already had."


def test_article_oddities_are_kept_inside_and_between_units(case):
    """The leading non-breaking space, the double space and trailing spaces survive as data."""
    after_heading = case.unit("p17s01")
    assert case.text[after_heading.start - 1] == "\u00a0"
    assert after_heading.text.startswith("After the deadly cross attacks")
    assert "The TTP has,\u00a0 over the past months" in case.unit("p20s01").text
    assert case.text[case.unit("p05s05").end] == "\u00a0"


def test_paragraphs_are_counted_from_the_title(case):
    """Each unit's paragraph is its blank-line block (title 0); sentence ids carry it."""
    assert case.unit("h0").paragraph == 0
    assert [case.unit(h).paragraph for h in ("h1", "h2", "h3")] == [10, 16, 25]
    for unit in case.sentences:
        assert int(unit.id[1:3]) == unit.paragraph, unit.id
    assert len(case.units) == 62
    assert len(case.sentences) == 58
