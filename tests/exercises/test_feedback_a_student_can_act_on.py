"""Feedback a 16-year-old can act on (issue 12, item 4): the rule of each wrong item in
words, whole sentences, expected in the form to return, one message for a failed call,
counts in the right number, and one line for an untouched starter."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from sourcewise.exercises.items import Item
from sourcewise.exercises.judging import grade_attribution, grade_labels, grade_phrases
from sourcewise.grading.checks import Grade
from sourcewise.grading.failures import StudentError
from sourcewise.grading.feedback import summary_text
from sourcewise.grading.results import CheckResult, SubmissionResult

REPO = Path(__file__).resolve().parents[2]
LONG = ("The regional health board, which met on Tuesday evening after a month of delays "
        "and a heated public consultation about the future of the two rural clinics, "
        "reportedly agreed to keep both of them open until at least the end of next year.")
TARGET = Item("t1", LONG, ["reportedly"], "'Reportedly' hides who reported it.")
CONTROL = Item("c1", "The library opens at nine.", [], "A plain fact.", control=True)


def summary_of(grade: Grade, exercise: str = "how_sure", *, verbose: bool = False) -> str:
    check = CheckResult("x::test_x", "test_x", exercise, "Finds hedges.", "failed", 0.0,
                        0.0, 9.0, reason=grade.reason or "", items=grade.items)
    return summary_text(SubmissionResult("sub", [check]), verbose=verbose)


def timeout(text: str) -> StudentError:
    call = f"find_hedges({text!r})"
    return StudentError(f"{call} did not finish within 3 s. Look for an endless loop or "
                        "very slow code.", kind="timeout", call=call)


def test_each_wrong_item_states_the_rule_it_was_judged_by():
    """A wrong phrase item says, in words, how phrases are matched (up to two words)."""
    grade = Grade()
    grade_phrases(grade, [TARGET, CONTROL], [["apparently"], ["opens"]], noun="hedge")
    for item in grade.items:
        assert "Rule: A phrase of yours counts when it has the same words as ours, or one " \
               "holds the other and they differ by at most 2 words" in item.why
    labels = Grade()
    grade_labels(labels, [Item("l1", "It was a disgrace.", "framing", "Loaded.")],
                 ["framed"])
    assert "Rule: The answer must be one of the six label ids, spelled exactly" in \
        labels.items[0].why


@pytest.mark.parametrize("verbose", [False, True])
def test_the_whole_sentence_is_shown_at_every_verbosity(verbose):
    """A long sentence is shown whole, never with a '[cut: ...]' note inside it."""
    grade = Grade()
    grade_phrases(grade, [TARGET], [[]], noun="hedge")
    text = summary_of(grade, verbose=verbose)
    assert repr(LONG) in text
    assert "[cut:" not in text


def test_expected_is_shown_as_the_function_must_return_it():
    """An attribution's expected answer is one source and one cue (strings), not lists of
    accepted choices; the other choices are named in the note."""
    item = Item("a1", "The coach said the team trained daily.",
                {"source": ["The coach", "coach"], "cue": ["said"]}, "Named source.")
    grade = Grade()
    grade_attribution(grade, [item], [None])
    assert grade.items[0].expected == {"source": "The coach", "cue": "said"}
    assert "{'source': 'The coach', 'cue': 'said'}" in summary_of(grade, "who_says_so")
    assert "also accepted: 'coach'" in grade.items[0].why


def test_a_timeout_is_said_once_not_on_every_item():
    """When every call times out, the feedback says so once with how many items it cost;
    no item is called a "False alarm" or a "Miss"."""
    items = [Item(f"c{n}", f"Plain sentence number {n}.", [], "Plain.", control=True)
             for n in range(12)] + [TARGET]
    grade = Grade()
    grade_phrases(grade, items, [timeout(item.text) for item in items], noun="hedge")
    text = summary_of(grade)
    assert text.count("did not finish within 3 s") == 1
    assert "no answer for 13 items: find_hedges did not finish within 3 s." in text
    assert "False alarm" not in text
    assert "Miss." not in text


def test_counts_use_the_right_number():
    """'1 item', '1 more wrong item', 'expected 1 item': never '1 items'."""
    items = [Item(f"t{n}", f"It reportedly rained on day {n}.", ["reportedly"], "Hedge.")
             for n in range(6)]
    grade = Grade()
    grade_phrases(grade, items, [[] for _ in items], noun="hedge")
    text = summary_of(grade)
    assert "1 more wrong item (run pytest -v" in text
    assert "expected 1 item, got 0" in text
    assert "1 items" not in text


def test_untouched_starters_take_one_line_each_and_fit_on_one_screen():
    """A run over the nine untouched starters prints one line per exercise not started,
    naming what its function still returns, and fits on one screen (it took 239 lines)."""
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider",
                           "--sandbox=auto", "exercises"], cwd=REPO, capture_output=True,
                          text=True, timeout=300, check=False)
    text = done.stdout
    assert re.search(r"how_sure\.py: 0 of \d+ points\. Not started: `find_hedges` still "
                     r"returns \[\]\.", text)
    assert "Not started: `find_attribution` still returns None." in text
    assert "Not started: `split_sentences` still raises NotImplementedError." in text
    assert "`find_loaded_words` still returns [] and `is_framing` still returns False" \
        in text
    assert len(text.splitlines()) <= 50, text


def test_the_exported_feedback_gives_an_untouched_starter_one_line(tmp_path):
    """In the feedback files of `sourcewise grade`, each exercise still at its starter gets
    one "Not started" line with its page, not a section per check, and the whole file for
    nine untouched starters stays short (it took 661 lines)."""
    student = tmp_path / "class" / "alice"
    student.mkdir(parents=True)
    for starter in (REPO / "exercises").glob("*.py"):
        if not starter.name.startswith("test_"):
            (student / starter.name).write_bytes(starter.read_bytes())
    done = subprocess.run([sys.executable, "-m", "sourcewise.cli", "grade",
                           str(tmp_path / "class"), "--out", str(tmp_path / "out"),
                           "--project", str(REPO), "--site-url", "https://course.example/sw"],
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "out" / "students" / "alice" / "feedback.md").read_text("utf-8")
    assert "**Not started:** split\\_sentences still raises NotImplementedError." in text
    assert "**Not started:** find\\_attribution still returns None." in text
    assert "(<https://course.example/sw/exercises/how-sure/>)" in text
    assert text.count("**Not started:**") == 8  # every coded exercise
    assert "### " not in text.split("## 2. ")[1]  # no per-check sections after exercise 1
    assert len(text.splitlines()) <= 100, text


def test_the_exported_feedback_says_a_failed_call_once():
    """A call that timed out on every item is said once in the feedback file, with how many
    items it cost, and no item row repeats it."""
    from sourcewise.export.document import to_markdown
    from sourcewise.export.feedback import check_blocks

    items = [Item(f"c{n}", f"Plain sentence number {n}.", [], "Plain.", control=True)
             for n in range(12)] + [TARGET]
    grade = Grade()
    grade_phrases(grade, items, [timeout(item.text) for item in items[:-1]] + [["apparently"]],
                  noun="hedge")
    check = CheckResult("x::test_x", "test_x", "how_sure", "Finds hedges.", "failed", 0.0,
                        0.0, 9.0, reason=grade.reason or "", items=grade.items)
    text = to_markdown(check_blocks(check))
    assert text.count("did not finish within 3 s") == 1
    assert "No answer for 12 items: find\\_hedges" in text
    assert "apparently" in text  # the one wrong answer is still shown, with its rule
    assert "Rule: A phrase of yours counts" in text
    assert "False alarm" not in text
