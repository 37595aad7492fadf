"""`sourcewise release --reveal`: after grading, the student site shows the hand-labelling
notes and publishes the reference solutions as worked answers; a normal release hides both
(tests/release/test_release.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sourcewise.casestudy import default_case_study
from sourcewise.exercises.catalogue import EXERCISES
from sourcewise.exercises.items import load_items
from sourcewise.release.leaks import words
from sourcewise.site.worked_answers import page_of

JUDGMENT = ("who_says_so", "how_sure", "loaded_language", "put_it_together")

REPO = Path(__file__).resolve().parents[2]
REVEALED = "sourcewise-revealed"


@pytest.fixture(scope="module")
def revealed(tmp_path_factory) -> Path:
    """The answers edition of this repository, built once for the module."""
    out = tmp_path_factory.mktemp("revealed")
    done = subprocess.run(
        [sys.executable, "-m", "sourcewise.cli", "release", "--reveal", "--out", str(out),
         "--project", str(REPO)], capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stderr
    assert "answers edition" in done.stdout
    return out / REVEALED


def page_words(site: Path, page: str) -> str:
    """The words of a built page, lower case, punctuation and markup dropped."""
    html = (site / page.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    return " " + " ".join(words(html)) + " "


def as_words(text: str) -> str:
    return " " + " ".join(words(text)) + " "


def test_every_exercise_has_a_worked_answer_with_its_method_and_code(revealed):
    """Each exercise's page shows the reference solution's method and its code."""
    site = revealed / "site"
    for exercise in EXERCISES:
        text = page_words(site, page_of(exercise))
        solution = (REPO / "instructor" / "solutions" / f"{exercise.name}.py").read_text()
        assert as_words(f"Worked answer: {exercise.title}") in text
        first_line = solution.split('"""')[1].strip().splitlines()[0]
        assert as_words(first_line) in text
        assert as_words("The code") in text
    who = page_words(site, page_of(EXERCISES[2]))
    assert as_words("def find_attribution(sentence: str)") in who
    assert as_words("# Verbs that are only cues with a noun of saying as their object") in who


def test_the_hand_labelling_notes_are_shown(revealed):
    """The annotated article carries the hand-labelling units' rationales."""
    text = page_words(revealed / "site", "case-study.md")
    units = default_case_study().hand_label_units
    assert units
    for unit in units:
        assert as_words(unit.rationale) in text, unit.id


def test_hidden_items_stay_out_of_the_answers_edition(revealed):
    """No sentence of the judgment exercises' hidden items is anywhere in the answers
    edition (the release's own leak search covers every hidden text, in runs of words)."""
    texts = " ".join(as_words(p.read_text(encoding="utf-8", errors="replace"))
                     for p in revealed.rglob("*") if p.is_file() and p.suffix in
                     (".html", ".json", ".py", ".md", ".txt", ".js"))
    for name in JUDGMENT:
        path = REPO / "instructor" / "hidden" / "items" / f"{name}.yaml"
        for item in load_items(path, exercise=name):
            assert as_words(item.text) not in texts, item.id
    assert not (revealed / "instructor").exists()
