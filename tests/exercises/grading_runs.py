"""Grade an exercise's fixture submissions through the real engine, as a grader would.

For every exercise: the reference solution, the untouched starter and the hard-coded,
partial and trivial fixtures are graded in one engine session per exercise (public and
hidden checks, sandboxed worker), once per test run, and the meta-tests read the results.
The assertions every exercise shares live here too.
"""

from __future__ import annotations

import doctest
import importlib.util
import json
import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

from sourcewise.exercises.catalogue import EXERCISES as CATALOGUE
from sourcewise.exercises.catalogue import PASS_FRACTION
from sourcewise.exercises.items import Item, load_items
from sourcewise.grading.api import GradingOptions, grade_submissions
from sourcewise.grading.results import CheckResult, SubmissionResult

ROOT = Path(__file__).resolve().parents[2]
SUBMISSIONS = Path(__file__).with_name("submissions")
KINDS = ("solution", "starter", "hardcoded", "partial", "trivial")
EXERCISES = tuple(exercise.name for exercise in CATALOGUE)
# Grades the reference solutions with the public checks on the student copy of the case
# study (hand-labelling answers removed), in a fresh interpreter so that no case study
# loaded earlier in this process is reused. Prints {exercise: [points, max_points]}.
STUDENT_COPY_RUN = """
import json, sys, tempfile
from pathlib import Path
import sourcewise.casestudy.loader as loader
from sourcewise.casestudy import write_redacted
from sourcewise.grading.api import GradingOptions, grade_submissions
copy = Path(tempfile.mkdtemp()) / "case"
write_redacted(loader.DEFAULT_CASE_FOLDER, copy)
loader.DEFAULT_CASE_FOLDER = copy
assert loader.default_case_study().redacted
root = Path(sys.argv[1])
scores = {}
for name in sys.argv[2:]:
    result = grade_submissions([root / "instructor" / "solutions"],
                               [root / "exercises" / f"test_{name}.py"],
                               GradingOptions(sandbox="require"))[0]
    scores[name] = [result.points, result.max_points]
print(json.dumps(scores))
"""
# A run of this many characters of a hidden item found in a reference solution means the
# solution copied the item instead of solving it.
COPIED_PIECE = 25


def submission_folder(kind: str) -> Path:
    """The folder graded as one submission of this kind (a student's hands in a folder, so
    one exercise's file may import another's, as the judgment solutions do)."""
    if kind == "solution":
        return ROOT / "instructor" / "solutions"
    if kind == "starter":
        return ROOT / "exercises"
    return SUBMISSIONS / kind


def submission_path(name: str, kind: str) -> Path:
    return submission_folder(kind) / f"{name}.py"


def check_paths(name: str) -> list[Path]:
    return [ROOT / "exercises" / f"test_{name}.py",
            ROOT / "instructor" / "hidden" / f"test_{name}_hidden.py"]


@cache
def graded(name: str) -> dict[str, SubmissionResult]:
    """Every kind of submission of the exercise, graded once with its public and hidden checks."""
    paths = [submission_folder(kind) for kind in KINDS]
    results = grade_submissions(paths, check_paths(name), GradingOptions(sandbox="require"))
    return dict(zip(KINDS, results, strict=True))


def grade_one(name: str, path: Path) -> SubmissionResult:
    """Grade one more submission of the exercise (for strategies built during a test)."""
    return grade_submissions([path], check_paths(name), GradingOptions(sandbox="require"))[0]


@cache
def public_scores_on_student_copy() -> dict[str, list[float]]:
    """{exercise: [points, max_points]} of the reference solutions' public checks, run on the
    student copy of the case study."""
    run = subprocess.run([sys.executable, "-c", STUDENT_COPY_RUN, str(ROOT), *EXERCISES],
                         capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


def assert_public_checks_work_on_the_student_copy(name: str) -> None:
    points, possible = public_scores_on_student_copy()[name]
    assert possible > 0
    assert points == possible


def checks(result: SubmissionResult, visibility: str) -> list[CheckResult]:
    return [check for check in result.checks if check.visibility == visibility]


def fraction(result: SubmissionResult, visibility: str | None = None) -> float:
    """Points earned over points possible, for one visibility or for all checks."""
    chosen = result.checks if visibility is None else checks(result, visibility)
    possible = sum(check.max_points for check in chosen)
    return sum(check.points for check in chosen) / possible


def scores(name: str) -> str:
    """A one-line summary of every kind's public and hidden scores, for failure messages."""
    return "; ".join(f"{kind}: public {fraction(result, 'public'):.2f}, hidden "
                     f"{fraction(result, 'hidden'):.2f}" for kind, result in graded(name).items())


def item_notes(result: SubmissionResult, visibility: str) -> list[str]:
    """The feedback line ('why') of every item in the checks of one visibility."""
    return [item.why for check in checks(result, visibility) for item in check.items]


def assert_solution_scores_full_marks(name: str) -> None:
    result = graded(name)["solution"]
    assert checks(result, "public"), scores(name)
    assert checks(result, "hidden"), scores(name)
    lost = [f"{check.name}: {check.reason}" for check in result.checks if check.score != 1]
    assert not lost, lost
    assert fraction(result) == 1


def assert_starter_scores_zero_cleanly(name: str) -> None:
    """The starter earns nothing, and every check reports its own clean message."""
    result = graded(name)["starter"]
    assert fraction(result) == 0, scores(name)
    for check in result.checks:
        assert check.status in ("failed", "skipped", "not gradable"), check.name
        assert check.grader_error is None, (check.name, check.details)
        assert check.reason.strip(), f"{check.name} gave no message"
        assert "internal error" not in check.reason.lower(), check.reason


def assert_hardcoded_fails_hidden(name: str) -> None:
    """The hard-coded fixture does well on the article, and still fails the hidden checks."""
    result = graded(name)["hardcoded"]
    assert fraction(result, "public") > 0.5, scores(name)
    assert fraction(result, "hidden") < 0.5, scores(name)


def assert_trivial_clearly_below_pass(name: str) -> None:
    """A blanket strategy scores below the pass mark, and under half of it on hidden items."""
    result = graded(name)["trivial"]
    assert fraction(result) < PASS_FRACTION, scores(name)
    assert fraction(result, "hidden") < PASS_FRACTION / 2, scores(name)


def assert_partial_credit(name: str, *, visibilities: tuple[str, ...] = ("public", "hidden")
                          ) -> SubmissionResult:
    """The partial fixture earns some but not all of the points of these checks."""
    result = graded(name)["partial"]
    for visibility in visibilities:
        assert 0 < fraction(result, visibility) < 1, scores(name)
    return result


def assert_wrong_items_state_their_rule(name: str) -> None:
    """Every item the partial, hard-coded and trivial fixtures answered wrongly says, in
    words, the rule it was judged by; an item whose call failed has no answer to judge."""
    wrong = [(kind, check.name, item) for kind in ("partial", "hardcoded", "trivial")
             for check in graded(name)[kind].checks for item in check.items
             if not item.correct and item.got_error is None]
    assert wrong, f"{name}: the fixtures answered no item wrongly"
    unruled = [(kind, check, item.id) for kind, check, item in wrong if "Rule: " not in item.why]
    assert not unruled, unruled[:5]


def copied_pieces(items: tuple[Item, ...], source: str) -> list[str]:
    """Runs of COPIED_PIECE characters of the items' texts that occur in ``source``."""
    flat = re.sub(r"\s+", " ", source)
    found = []
    for item in items:
        text = re.sub(r"\s+", " ", item.text)
        found += [text[at:at + COPIED_PIECE] for at in range(len(text) - COPIED_PIECE + 1)
                  if text[at:at + COPIED_PIECE] in flat]
    return found


def hidden_items(name: str) -> tuple[Item, ...]:
    return load_items(ROOT / "instructor" / "hidden" / "items" / f"{name}.yaml", exercise=name)


def assert_solution_copies_no_hidden_item(name: str) -> None:
    source = submission_path(name, "solution").read_text(encoding="utf-8")
    assert copied_pieces(hidden_items(name), source) == []


def load_module(path: Path, module_name: str) -> ModuleType:
    """Import one of our own exercise files (never a student's: those run sandboxed), with
    its folder on the path so it can import its sibling exercises."""
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.parent))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
    return module


def assert_starter_examples_hold(name: str) -> None:
    """Run the starter's docstring examples against the reference solution's functions."""
    starter = load_module(submission_path(name, "starter"), f"starter_{name}")
    solution = load_module(submission_path(name, "solution"), f"solution_{name}")
    tests = [test for test in doctest.DocTestFinder().find(starter) if test.examples]
    assert tests, f"the starter of {name} has no worked examples"
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for test in tests:
        test.globs = dict(vars(solution))
        assert runner.run(test).failed == 0, test.name
