"""Each exercise stands alone: no exercise file imports another, shared code lives in the
helper module (textkit.py), and one broken file costs only its own exercise."""

from __future__ import annotations

import ast
import doctest
import shutil
from pathlib import Path

import pytest
from grading_runs import ROOT, load_module

from sourcewise.exercises.catalogue import EXERCISES
from sourcewise.grading.api import GradingOptions, grade_submissions

NAMES = {exercise.name for exercise in EXERCISES}
FOLDERS = (ROOT / "exercises", ROOT / "instructor" / "solutions")


def imported_modules(path: Path) -> set[str]:
    """The top-level names of every module a Python file imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_no_exercise_file_imports_another(folder):
    """Starters and reference solutions import no exercise module, only helpers."""
    for name in sorted(NAMES):
        assert imported_modules(folder / f"{name}.py") & NAMES == set(), name


def test_the_helper_examples_hold():
    """Every example in textkit's docstrings gives the result it shows."""
    module = load_module(ROOT / "exercises" / "textkit.py", "textkit_examples")
    failed, tried = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)[:2]
    assert tried > 20
    assert failed == 0


def test_the_helper_is_plain_python():
    """textkit imports only the standard library's calendar and datetime (it runs in the
    browser, in Pyodide, as well as in the sandbox)."""
    assert imported_modules(ROOT / "exercises" / "textkit.py") == {"calendar", "datetime"}


def graded(folder: Path) -> dict[str, tuple[float, float, list[str]]]:
    """{exercise: (points, max points, reasons of its failed checks)} for one folder."""
    checks = [ROOT / "exercises" / f"test_{e.name}.py" for e in EXERCISES]
    result = grade_submissions([folder], checks, GradingOptions(sandbox="require"))[0]
    scores: dict[str, list] = {}
    for check in result.checks:
        entry = scores.setdefault(check.exercise, [0.0, 0.0, []])
        entry[0] += check.points
        entry[1] += check.max_points
        if check.points < check.max_points:
            entry[2].append(check.reason)
    return {name: tuple(entry) for name, entry in scores.items()}


@pytest.fixture(scope="module")
def solutions_graded() -> dict[str, tuple[float, float, list[str]]]:
    return graded(ROOT / "instructor" / "solutions")


def solution_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "student"
    shutil.copytree(ROOT / "instructor" / "solutions", folder)
    return folder


def test_a_syntax_error_costs_only_its_own_exercise(tmp_path, solutions_graded):
    """who_says_so.py with a syntax error: every other exercise keeps all its points."""
    folder = solution_copy(tmp_path)
    (folder / "who_says_so.py").write_text("def find_attribution(sentence)\n    return None\n")
    scores = graded(folder)
    assert scores["who_says_so"][0] == 0
    assert "who_says_so.py has a syntax error" in " ".join(scores["who_says_so"][2])
    for name, (points, possible, _) in scores.items():
        if name != "who_says_so":
            assert (points, possible) == solutions_graded[name][:2], name


def test_a_broken_helper_is_named_as_the_file_to_fix(tmp_path):
    """An exercise importing a broken textkit.py is told textkit.py is broken; an exercise
    that does not import it keeps its points."""
    folder = solution_copy(tmp_path)
    (folder / "textkit.py").write_text("def words(text)\n    return text.split()\n")
    (folder / "who_says_so.py").write_text(
        "from textkit import words\n\n\ndef find_attribution(sentence):\n    return None\n")
    scores = graded(folder)
    reasons = " ".join(scores["who_says_so"][2])
    assert "who_says_so.py imports textkit.py, and textkit.py is broken" in reasons
    assert "on line 1" in reasons
    assert scores["how_sure"][0] == scores["how_sure"][1] > 0


def test_a_submission_without_the_helper_gets_the_starters_copy(tmp_path):
    """A folder with only exercise files, one of which imports textkit, is graded with the
    course's textkit.py (the intake rule's course helpers): the import works, the code runs."""
    folder = tmp_path / "student"
    folder.mkdir()
    (folder / "who_says_so.py").write_text(
        "from textkit import find_phrases, noun_phrase_before\n\n\n"
        "def find_attribution(sentence):\n"
        "    found = find_phrases(sentence, ['said'])\n"
        "    if not found:\n"
        "        return None\n"
        "    return {'source': noun_phrase_before(sentence, found[0][1]), 'cue': found[0][0]}\n")
    scores = graded(folder)
    points, possible, reasons = scores["who_says_so"]
    assert 0 < points < possible, reasons
    assert not [r for r in reasons if "textkit" in r]


RENAMED = {"_HEDGE_WORD": "_WORD", "_LOADED_WORD": "_WORD"}  # one name, two regexes


def definitions(path: Path) -> dict[str, str]:
    """Each top-level function, class or assignment of a module, as a normalised dump."""
    source = path.read_text(encoding="utf-8")
    for new, old in RENAMED.items():
        source = source.replace(new, old)
    found = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            found[node.name] = ast.dump(node)
        elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            found[node.targets[0].id] = ast.dump(node)
    return found


# Which earlier reference solutions each one copies code from (it may not import them).
COPIES = {"how_sure": ("who_says_so",), "loaded_language": ("who_says_so",),
          "put_it_together": ("who_says_so", "how_sure", "loaded_language")}


@pytest.mark.parametrize("name", sorted(COPIES))
def test_copied_reference_code_is_the_same_as_its_original(name):
    """A reference solution's copy of an earlier solution's code is that code, unchanged:
    every definition it shares with a solution it copies from is identical to one of them."""
    folder = ROOT / "instructor" / "solutions"
    own = definitions(folder / f"{name}.py")
    others = [definitions(folder / f"{other}.py") for other in COPIES[name]]
    shared = [key for key in own if any(key in other for other in others)]
    assert shared
    for key in shared:
        assert any(other.get(key) == own[key] for other in others), key
