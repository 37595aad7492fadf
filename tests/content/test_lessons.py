"""The lessons keep the Carpentries shape, quote the article exactly and link their exercises."""

from __future__ import annotations

import re

import content_pages as cp
import pytest

from sourcewise.exercises.catalogue import EXERCISES

# Quotations in lessons that are not the article's words: each is an earlier report's
# wording, and the lesson that quotes it must also link to the report.
UPSTREAM_QUOTES: dict[str, set[str]] = {
    "limited, inaccurate, and untimely": {"sigar-2022-11"},
    "The Taliban Are Now Arms Dealers": {"fp-2023-arms-dealers"},
    "can be safely assumed": {"nbc-2023-kashmir", "nbc-2023-kashmir-quoted"},
}
# Quotations this long must be somebody's exact words; shorter ones are often cue words
# under discussion ("said", "it is believed"), which need not come from the article.
MIN_CHECKED_WORDS = 4


def _quote_parts(quotation: str) -> list[str]:
    """The pieces of a quotation between ellipses, with Markdown emphasis removed."""
    text = quotation.replace("**", "")
    return [part for part in re.split(r"\s*(?:\.\.\.|\u2026)\s*", text) if part.strip()]


def _is_article_quote(quotation: str, article: str) -> bool:
    return all(part in article for part in _quote_parts(quotation))


@pytest.fixture(scope="module")
def article() -> str:
    return cp.squash(cp.article_text())


@pytest.mark.parametrize("page", cp.LESSONS)
def test_lesson_opens_with_questions_then_objectives(page):
    """A lesson's title is followed at once by a Questions box and an Objectives box, each a list."""
    items = cp.top_level_sequence(cp.read(page))
    assert items[0][0] == "heading", f"{page} must start with its title"
    opening = [item for kind, item in items[1:3] if kind == "block"]
    assert [(b.kind, b.title) for b in opening] == [("abstract", "Questions"), ("abstract", "Objectives")], (
        f"{page}: the title must be followed by !!! abstract \"Questions\" and !!! abstract \"Objectives\""
    )
    for block in opening:
        assert len(block.bullets()) >= 2, f"{page}: {block.title} needs at least two items"


@pytest.mark.parametrize("page", cp.LESSONS)
def test_lesson_ends_with_key_points(page):
    """A lesson's last element is a Key points box with at least three points."""
    kind, last = cp.top_level_sequence(cp.read(page))[-1]
    assert kind == "block", f"{page} must end with its Key points box, not with {last!r}"
    assert (last.kind, last.title) == ("success", "Key points"), f"{page} must end with !!! success \"Key points\""
    assert len(last.bullets()) >= 3, f"{page}: Key points needs at least three points"


@pytest.mark.parametrize("page", cp.LESSONS)
def test_lesson_has_a_try_it_with_a_collapsed_answer(page):
    """Every try-it is a closed question block holding a closed, non-empty Answer block."""
    try_its = [b for b in cp.blocks(cp.read(page)) if b.indent == 0 and b.title.startswith("Try it: ")]
    assert try_its, f"{page} needs at least one ??? question \"Try it: ...\""
    for block in try_its:
        assert (block.marker, block.kind) == ("???", "question"), f"{page}: {block.title!r} must be ??? question"
        answers = [c for c in block.children() if c.title == "Answer"]
        assert len(answers) == 1, f"{page}: {block.title!r} needs one nested ??? success \"Answer\""
        answer = answers[0]
        assert (answer.marker, answer.kind) == ("???", "success"), f"{page}: the answer must be ??? success"
        assert sum(len(line.split()) for line in answer.body) >= 15, f"{page}: {block.title!r} answer is too short"
        question_text = [line for line in block.body if line.strip() and not line.startswith(" " * 4 + "???")]
        assert question_text, f"{page}: {block.title!r} has no question text before its answer"


@pytest.mark.parametrize("page", cp.LESSONS)
def test_lesson_quotes_the_article_verbatim(page, article):
    """A lesson quotes the article word for word at least once, typos and curly quotes included."""
    quotations = [q for q in cp.quotations(cp.read(page)) if len(q.split()) >= MIN_CHECKED_WORDS]
    assert any(_is_article_quote(q, article) for q in quotations), f"{page} quotes nothing from the article"


@pytest.mark.parametrize("page", [cp.LESSON_INDEX, *cp.LESSONS])
def test_every_long_quotation_in_a_lesson_is_exact(page, article):
    """Every quotation of four or more words is the article's exact words or a cited earlier report's."""
    markdown = cp.read(page)
    cited = set(cp.cited_records(markdown))
    for quotation in cp.quotations(markdown):
        if len(quotation.split()) < MIN_CHECKED_WORDS or _is_article_quote(quotation, article):
            continue
        assert quotation in UPSTREAM_QUOTES, (
            f"{page}: {quotation!r} is in quotation marks but is not in the article; quote it "
            "exactly, or use italics for your own wording"
        )
        assert UPSTREAM_QUOTES[quotation] & cited, f"{page}: quotes {quotation!r} without citing its source"


def test_every_lesson_links_the_exercises_that_practise_it():
    """Each exercise page is linked from every lesson the catalogue says it practises."""
    for exercise in EXERCISES:
        for lesson in exercise.lessons:
            targets = {path for path, _ in cp.relative_links(lesson)}
            assert exercise.page in targets, f"{lesson} must link to {exercise.page} ({exercise.title})"


@pytest.mark.parametrize("page", cp.LESSONS)
def test_lesson_links_at_least_one_exercise(page):
    """Every lesson, including those no exercise lists, points students to an exercise page."""
    exercise_pages = {e.page for e in EXERCISES}
    assert exercise_pages & {path for path, _ in cp.relative_links(page)}, f"{page} links to no exercise"


def test_lesson_index_links_every_lesson_in_reading_order_and_every_exercise():
    """The overview lists the eight lessons in the planned order and links all nine exercises."""
    targets = [path for path, _ in cp.relative_links(cp.LESSON_INDEX)]
    order = [t for t in dict.fromkeys(targets) if t in cp.LESSONS]
    numbered = [
        cp.normalise_path("lessons/" + m[1])
        for m in re.finditer(r"^\d+\. \[[^\]]+\]\(([^)]+)\)", cp.read(cp.LESSON_INDEX), re.M)
    ]
    assert numbered == list(cp.LESSONS), "the numbered reading order must list the lessons in order"
    assert set(order) == set(cp.LESSONS)
    assert {e.page for e in EXERCISES} <= set(targets)
