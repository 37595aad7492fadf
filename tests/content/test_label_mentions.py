"""Wherever a hand-written page names the label of one of the article's sentences, it is the data's label."""

from __future__ import annotations

import re

import content_pages as cp
import pytest

from sourcewise import labels
from sourcewise.casestudy import default_case_study

# Every hand-written page of the site, and CONTRIBUTING.md, which teaches the same scale.
PAGES = sorted(p.relative_to(cp.DOCS).as_posix() for p in cp.DOCS.rglob("*.md"))
NAMES = {label.name.lower(): label.id for label in labels.LABELS}
NAMES |= {"vague attribution": "vague_attribution", "framing": "framing",
          "sourced facts": "sourced_fact", "official estimates": "official_estimate"}
_NAME = "|".join(sorted((re.escape(n) for n in NAMES), key=len, reverse=True))
# A phrase that gives a sentence a label: "is labelled a sourced fact", "labels them
# official estimates", "its label is", "It is an unsourced assertion", "counts as framing".
LABELLING = re.compile(
    r"(?:labell?ed|labels? (?:it|them|this|the sentence)|label is|gets the label|counts as|"
    r"reads? as|\bit is|\bis|\bare)\s+(?:as\s+)?(?:an?\s+)?\*{0,2}(" + _NAME + r")\b",
    re.IGNORECASE,
)
MIN_WORDS = 5


def _units_quoted(block: str, case) -> set[str]:
    """The ids of the units a block quotes (a quotation of five or more of their words)."""
    found = set()
    for quotation in cp.quotations(block):
        parts = [p for p in re.split(r"\s*(?:\.\.\.|\u2026)\s*", quotation.replace("**", "")) if p]
        if sum(len(p.split()) for p in parts) < MIN_WORDS:
            continue
        matches = [u.id for u in case.units if all(p in u.text for p in parts)]
        if len(matches) == 1:
            found.add(matches[0])
    return found


_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
_ITEM = re.compile(r"^\s*(\d+)\.\s+(.*)$")
# An answer item that opens with a bold label: "1. **Framing.** ..."
LEADING = re.compile(r"^\*\*(" + _NAME + r")\b", re.IGNORECASE)


def _named(text: str, *, leading: bool = False) -> list[str]:
    text = cp.squash(_LINK.sub(r"\1", text))
    found = [NAMES[m[1].lower()] for m in LABELLING.finditer(text)]
    if leading and (m := LEADING.match(text)):
        found.append(NAMES[m[1].lower()])
    return found


def _items(lines) -> dict[str, str]:
    """The numbered items of some lines, by number, continuation lines joined."""
    items: dict[str, str] = {}
    current = None
    for line in lines:
        match = _ITEM.match(line)
        if match:
            current = match[1]
            items[current] = match[2]
        elif current and line.strip() and not line.lstrip().startswith("???"):
            items[current] += " " + line.strip()
        elif not line.strip():
            current = None
    return items


def _numbered_answers(markdown: str, case) -> list[tuple[str, str, str]]:
    """Labels given in a Try-it answer's numbered items to the question's numbered quotes."""
    mentions = []
    for block in cp.blocks(markdown):
        answers = [c for c in block.children() if c.title == "Answer"]
        if block.kind != "question" or not answers:
            continue
        asked = _items(line for line in block.body if not line.startswith(" " * 8))
        answered = _items(line.strip() for line in answers[0].body)
        for number, question in asked.items():
            units = _units_quoted(question, case)
            if len(units) == 1 and number in answered:
                (unit_id,) = units
                for named in _named(answered[number], leading=True):
                    mentions.append((unit_id, named, f"{question} -> {answered[number]}"))
    return mentions


def label_mentions(markdown: str, case) -> list[tuple[str, str, str]]:
    """(unit id, label id named, the text) wherever a page quotes one unit and labels it.

    Two shapes: a paragraph that quotes one sentence and says what it is labelled ("is
    labelled a sourced fact"), and a Try-it whose numbered answers label its numbered quotes.
    """
    mentions = []
    for block in re.split(r"\n\s*\n", markdown):
        units = _units_quoted(block, case)
        if len(units) != 1:
            continue  # no sentence of the article, or several: the label's subject is unclear
        (unit_id,) = units
        mentions += [(unit_id, named, cp.squash(block)) for named in _named(block)]
    return mentions + _numbered_answers(markdown, case)


@pytest.mark.parametrize("page", PAGES)
def test_a_page_names_each_quoted_sentence_by_its_data_label(page):
    """A block that quotes one sentence of the article and labels it uses the data's label."""
    case = default_case_study()
    for unit_id, named, text in label_mentions(cp.read(page), case):
        unit = case.unit(unit_id)
        allowed = {unit.label, *unit.accept}
        assert named in allowed, (
            f"{page} calls {unit_id} ({unit.text[:50]!r}...) {labels.get(named).name!r}, but "
            f"the data labels it {labels.get(unit.label).name!r}"
            + (f" (also accepting {', '.join(unit.accept)})" if unit.accept else "")
            + f": {text[:200]}"
        )


def test_the_check_catches_a_wrong_label():
    """A block quoting the Kashmir sentence and calling it framing is caught."""
    case = default_case_study()
    block = ('"Authorities in Indian-controlled Kashmir confirmed that militants are carrying M4s" '
             "is labelled framing.")
    assert ("p26s03", "framing", cp.squash(block)) in label_mentions(block, case)


def test_the_check_finds_the_lesson_index_example():
    """The lesson index's worked example (the 600,000 sentence) is found and agrees with the data."""
    case = default_case_study()
    found = label_mentions(cp.read("lessons/index.md"), case)
    assert ("p14s01", "official_estimate") in {(u, n) for u, n, _ in found}


@pytest.mark.parametrize("page", PAGES)
def test_no_page_names_the_label_of_a_hand_labelling_sentence(page):
    """Students label the exercise-1 sentences themselves, so no page quotes one and names its label."""
    case = default_case_study()
    hand = {unit.id for unit in case.hand_label_units}
    leaks = [(u, n) for u, n, _ in label_mentions(cp.read(page), case) if u in hand]
    assert leaks == [], f"{page} gives away exercise 1's answers: {leaks}"
