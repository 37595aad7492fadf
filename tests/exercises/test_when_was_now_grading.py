"""Meta-tests for 'When was "now"?': its checks, run by the real engine, grade honestly."""

from grading_runs import (
    assert_hardcoded_fails_hidden,
    assert_partial_credit,
    assert_public_checks_work_on_the_student_copy,
    assert_solution_copies_no_hidden_item,
    assert_solution_scores_full_marks,
    assert_starter_examples_hold,
    assert_starter_scores_zero_cleanly,
    assert_trivial_clearly_below_pass,
    hidden_items,
    item_feedback,
    submission_path,
)

NAME = "when_was_now"


def test_reference_solution_scores_full_marks():
    """The reference solution earns every point, public and hidden."""
    assert_solution_scores_full_marks(NAME)


def test_public_checks_work_on_the_student_copy():
    """On the released case study, with the hand-labelling answers removed, the public checks
    still run and give the reference solution full marks."""
    assert_public_checks_work_on_the_student_copy(NAME)


def test_untouched_starter_scores_zero_with_a_message_per_check():
    """The starter earns nothing, and every check reports a clean message."""
    assert_starter_scores_zero_cleanly(NAME)


def test_hard_coded_article_answers_fail_the_hidden_checks():
    """Knowing the article's answers by heart scores under half on the hidden items."""
    assert_hardcoded_fails_hidden(NAME)


def test_partial_solution_earns_partial_credit_with_specific_feedback():
    """A resolver blind to year boundaries earns part of the points and is told what it missed."""
    hidden = " ".join(item_feedback(assert_partial_credit(NAME), "hidden"))
    assert "'start' should be '2021-06-19', not '2022-06-19'." in hidden
    assert "Your function returned None" in hidden


def test_trivial_baseline_is_clearly_below_the_pass_mark():
    """A blanket strategy scores clearly below the pass mark."""
    assert_trivial_clearly_below_pass(NAME)


def test_reference_solution_does_not_copy_hidden_items():
    """No hidden item's text, nor a long piece of one, appears in the reference solution."""
    assert_solution_copies_no_hidden_item(NAME)


def test_starter_examples_are_what_the_reference_solution_returns():
    """The worked examples in the starter's docstrings are right."""
    assert_starter_examples_hold(NAME)


def test_reference_solution_holds_no_hidden_answer_dates():
    """None of the dates the hidden items expect is written into the reference solution."""
    source = submission_path(NAME, "solution").read_text(encoding="utf-8")
    dates = {date for item in hidden_items(NAME) for date in item.expected.values() if date}
    assert [date for date in dates if date in source] == []
