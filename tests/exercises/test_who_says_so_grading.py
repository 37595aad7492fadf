"""Exercise 3, "Who says so?", graded through the real engine as a grader would."""

from judgment_grading import (
    expect_clean_zero,
    expect_clearly_below_pass,
    expect_full_marks,
    expect_hidden_catches_hard_coding,
    fraction,
    graded,
    item_notes,
)

from sourcewise.exercises.catalogue import PASS_FRACTION

NAME = "who_says_so"


def test_reference_solution_scores_full_marks():
    """The reference solution scores full marks on the public and the hidden checks."""
    expect_full_marks(graded(NAME)["solution"])


def test_untouched_starter_scores_zero_cleanly():
    """The untouched starter scores zero, every check failing with its own clear message."""
    expect_clean_zero(graded(NAME)["starter"])


def test_hard_coded_answers_score_under_half_on_hidden_checks():
    """Copying the article's answers passes on the article but not on the new sentences."""
    expect_hidden_catches_hard_coding(graded(NAME)["hardcoded"])


def test_trivial_baseline_scores_clearly_below_the_pass_mark():
    """A blanket strategy earns well under the pass mark."""
    expect_clearly_below_pass(graded(NAME)["trivial"], PASS_FRACTION)


def test_partial_solution_earns_partial_credit_with_teaching_feedback():
    """A finder that knows only "said" earns some credit, and the feedback names its misses."""
    result = graded(NAME)["partial"]
    assert 0 < fraction(result, "hidden") < PASS_FRACTION
    notes = item_notes(result, "hidden")
    assert any(note.startswith("Hit. Source and cue both right.") for note in notes)
    assert any(note.startswith("Miss.") and "The cue is 'according to'" in note for note in notes)
    assert any(note.startswith("Correct rejection.") for note in notes)
