"""A small course project for the batch tests: toy checks for all nine exercise names.

Every exercise asks for the same function, ``label(text)``, which returns one of the six
label ids. Public checks grade six sentences, hidden checks six others (read from an item
file, as the real hidden checks do). It keeps the batch tests fast and independent of the
real exercises, while going through the real engine and sandbox.
"""

from __future__ import annotations

from pathlib import Path

from sourcewise.exercises.catalogue import EXERCISES

PUBLIC_ITEMS = [
    ("p1", "According to the census, 40 schools reopened.", "sourced_fact"),
    ("p2", "The ministry estimated the cost at $2 million.", "official_estimate"),
    ("p3", "The mayor said the bridge was safe.", "attributed_claim"),
    ("p4", "The plan was reportedly dropped.", "vague_attribution"),
    ("p5", "The river is the oldest in the region.", "unsourced_assertion"),
    ("p6", "It was a staggering disgrace.", "framing"),
]
HIDDEN_ITEMS = [
    ("h1", "According to court records, the firm paid in March.", "sourced_fact"),
    ("h2", "Officials estimated that 300 homes flooded.", "official_estimate"),
    ("h3", "The coach said the team trained daily.", "attributed_claim"),
    ("h4", "The singer reportedly left the band.", "vague_attribution"),
    ("h5", "The market opened in 1920.", "unsourced_assertion"),
    ("h6", "The staggering result stunned the town.", "framing"),
]

PUBLIC_CHECKS = '''"""Toy public checks for {name}."""

import pytest

from sourcewise.grading import Failure, StudentError, same

pytestmark = [pytest.mark.exercise("{name}"), pytest.mark.lesson("exercises/{name}.md")]

ITEMS = {items!r}


@pytest.mark.points(1)
@pytest.mark.hint("Return one of the six label ids as a string.")
def test_returns_a_label(student):
    """label returns a string."""
    got = student.label("The sky is blue.")
    if not isinstance(got, str):
        raise Failure("label must return a string.", expected="unsourced_assertion", got=got)


@pytest.mark.points(2)
@pytest.mark.depends("test_returns_a_label")
@pytest.mark.hint("Look for who says so before anything else.")
def test_labels(student, grade):
    """label gives each sentence its label."""
    for item_id, text, expected in ITEMS:
        try:
            got = student.label(text)
        except StudentError as err:
            got = err
        grade.item(item_id, correct=same(got, expected), expected=expected, got=got,
                   why=f"The cue words make it {{expected}}.", text=text)
'''

HIDDEN_CHECKS = '''"""Toy hidden checks for {name}."""

from pathlib import Path

import pytest

from sourcewise.exercises.items import load_items
from sourcewise.grading import StudentError, same

pytestmark = [pytest.mark.exercise("{name}"), pytest.mark.visibility("hidden"),
              pytest.mark.lesson("exercises/{name}.md")]

ITEMS = load_items(Path(__file__).parent / "items" / "{name}.yaml", "{name}")


@pytest.mark.points(2)
def test_hidden_labels(student, grade):
    """label works on new sentences."""
    for item in ITEMS:
        try:
            got = student.label(item.text)
        except StudentError as err:
            got = err
        grade.item(item.id, correct=same(got, item.expected), expected=item.expected,
                   got=got, why=item.why, text=item.text)
'''

SOLUTION = '''
RULES = [("according to", "sourced_fact"), ("estimated", "official_estimate"),
         (" said ", "attributed_claim"), ("reportedly", "vague_attribution"),
         ("staggering", "framing")]


def label(text):
    padded = f" {text.lower()} "
    for cue, answer in RULES:
        if cue in padded:
            return answer
    return "unsourced_assertion"
'''

PARTIAL = '''
def label(text):
    return "attributed_claim" if " said " in f" {text} " else "unsourced_assertion"
'''

STARTER = '''
def label(text):
    """Return the label of ``text``: one of the six label ids."""
    return None
'''

KINDS = ("correct", "partial", "broken", "adversarial")


def write_project(root: Path) -> Path:
    """Create the toy course project under ``root`` and return it."""
    (root / "src" / "sourcewise").mkdir(parents=True)
    (root / "pyproject.toml").write_text("[project]\nname = 'toy'\n", encoding="utf-8")
    exercises = root / "exercises"
    hidden = root / "instructor" / "hidden"
    (hidden / "items").mkdir(parents=True)
    exercises.mkdir()
    for exercise in EXERCISES:
        name = exercise.name
        (exercises / f"test_{name}.py").write_text(
            PUBLIC_CHECKS.format(name=name, items=PUBLIC_ITEMS), encoding="utf-8")
        (hidden / f"test_{name}_hidden.py").write_text(HIDDEN_CHECKS.format(name=name),
                                                       encoding="utf-8")
        lines = [f"exercise: {name}", "items:"]
        for item_id, text, expected in HIDDEN_ITEMS:
            lines += [f"  - id: {item_id}", f"    text: {text!r}", f"    expected: {expected}",
                      f"    why: 'The cue words make it {expected}.'"]
        (hidden / "items" / f"{name}.yaml").write_text("\n".join(lines) + "\n",
                                                       encoding="utf-8")
        (exercises / f"{name}.py").write_text(STARTER, encoding="utf-8")
    return root


def submission_files(kind: str, seed: int = 0) -> dict[str, str]:
    """The files of a submission of ``kind`` (one of KINDS) for every exercise."""
    names = [e.name for e in EXERCISES]
    files = {f"{name}.py": SOLUTION for name in names}
    if kind == "partial":
        files = {f"{name}.py": PARTIAL if i % 2 else SOLUTION for i, name in enumerate(names)}
    elif kind == "broken":
        files[f"{names[seed % len(names)]}.py"] = "def label(text)\n    return 1\n"
        files[f"{names[(seed + 1) % len(names)]}.py"] = STARTER
    elif kind == "adversarial":
        files[f"{names[seed % len(names)]}.py"] = "def label(text):\n    while True:\n" \
                                                  "        pass\n"
        files[f"{names[(seed + 3) % len(names)]}.py"] = (
            "import os\n\ndef label(text):\n    os._exit(0)\n")
        files[f"{names[(seed + 5) % len(names)]}.py"] = (
            "class Liar:\n    def __eq__(self, other):\n        return True\n\n"
            "def label(text):\n    return Liar()\n")
    return files
