"""The other generated pages: exercise overview, source ledger, number audit, answer key."""

from __future__ import annotations

from htmlq import parse

from sourcewise.exercises.catalogue import EXERCISES
from sourcewise.site.answer_key import render_answer_key
from sourcewise.site.audience import Audience, view_for
from sourcewise.site.exercise_index import render_exercise_index
from sourcewise.site.html import Linker
from sourcewise.site.numbers_page import render_numbers_page
from sourcewise.site.sources_page import render_sources_page

SITE = Linker(frozenset({"case-study.md", "sources.md", "numbers.md",
                         "instructors/answer-key.md", "exercises/index.md"}))


def test_exercise_index_lists_the_catalogue_in_order():
    """The overview has one row per exercise, in catalogue order, with its file and command."""
    tree = parse(render_exercise_index(SITE))
    rows = tree.find_all("tbody")[0].find_all("tr")
    assert [r.find_all("td")[0].text for r in rows] == [str(e.number) for e in EXERCISES]
    assert [r.find_all("th")[0].text for r in rows] == [f"{e.title}{e.name}.py" for e in EXERCISES]
    assert "pytest exercises/test_label_by_hand.py" in tree.text


def test_exercise_index_links_only_pages_that_exist():
    """Exercise and lesson names are links exactly when their pages are in the build."""
    first = EXERCISES[0]
    linker = Linker(SITE.pages | {first.page, first.lessons[0]})
    tree = parse(render_exercise_index(linker))
    hrefs = [a.attrs["href"] for a in tree.find_all("a")]
    # Exercises 1 and 3 both practise the sourced-facts lesson.
    assert hrefs == ["label-by-hand/", "../lessons/sourced-facts/", "../lessons/sourced-facts/"]


def test_sources_page_lists_each_source_and_its_sentences(small_case):
    """The ledger has a row per source with kind, credit and links to its sentences."""
    tree = parse(render_sources_page(small_case, SITE))
    rows = tree.find_all("tbody")[0].find_all("tr")
    assert [r.find_all("th")[0].text for r in rows] == [s.name for s in small_case.sources]
    assert rows[0].find_all("a")[0].attrs["href"] == "../case-study/#u-p01s01"
    assert rows[0].find_all("a")[0].text == "sentence 2"


def test_student_ledger_does_not_point_at_hand_label_units(small_case):
    """In the student view, no source lists a hand-labelling sentence (its kind would tell)."""
    page = render_sources_page(view_for(small_case, Audience.STUDENT), SITE)
    shops = parse(page).find_all("tbody")[0].find_all("tr")[2]
    assert shops.find_all("th")[0].text == "Main Street shop owners"
    assert not shops.find_all("a")
    for unit in small_case.hand_label_units:
        assert f"#u-{unit.id}" not in page
    assert "#u-p02s01" in render_sources_page(small_case, SITE)  # the instructor view lists it


def test_number_audit_row_gives_owner_scope_period_record_and_verdict(small_case):
    """Each audited figure shows its owner, scope, period, the record with sources and a verdict."""
    tree = parse(render_numbers_page(small_case, SITE))
    row = tree.find_all("tbody")[0].find_all("tr")[0]
    cells = [c.text for c in row.find_all("td")]
    assert cells[:3] == ["city council", "the bike-lane budget", "the 2024 budget year"]
    assert cells[-1].startswith("Supported: The minutes record a bike-lane budget")
    assert row.find_all("a")[-1].attrs["href"] == "https://example.org/council/minutes-2024-03-12"


def test_answer_key_has_every_unit_with_its_full_annotation(small_case):
    """The answer key holds each unit's label, rationale and fact-checks, and lists exercise 1's."""
    page = render_answer_key(small_case, SITE)
    tree = parse(page)
    for unit in small_case.units:
        [block] = tree.find_all(id=f"key-{unit.id}")
        assert unit.rationale in block.text
        for check in unit.factchecks:
            assert check.finding in block.text
    assert "Scope missing: " in tree.find_all(id="key-p01s02")[0].text
    table = tree.find_all("table")[0]
    answers = [r.find_all("td")[-1].text for r in table.find_all("tbody")[0].find_all("tr")]
    assert answers == ["CLAIM Attributed claim", "NO SOURCE Unsourced assertion"]


def test_nav_drops_a_page_the_build_does_not_make():
    """A case without a tracing activity loses the "Trace it yourself" nav entry, nothing else."""
    from sourcewise.site.nav import without_page

    nav = ["index.md", {"Case study": [{"Article": "case-study.md"}, {"Trace": "trace-it.md"}]},
           {"Trace": "trace-it.md"}]
    assert without_page(nav, "trace-it.md") == [
        "index.md", {"Case study": [{"Article": "case-study.md"}]}]
    assert without_page(None, "trace-it.md") is None
