"""Every exercise's checks, run by the real engine as a grader would, grade honestly."""

import pytest
from grading_runs import (
    EXERCISES,
    assert_hardcoded_fails_hidden,
    assert_partial_credit,
    assert_public_checks_work_on_the_student_copy,
    assert_solution_copies_no_hidden_item,
    assert_solution_scores_full_marks,
    assert_starter_examples_hold,
    assert_starter_scores_zero_cleanly,
    assert_trivial_clearly_below_pass,
    assert_wrong_items_state_their_rule,
)

# Exercise 1 grades the case study's own hand-labelling sentences, so it has no item file;
# its starter is a table to fill in, so it has no worked examples to run.
COMPUTED = tuple(name for name in EXERCISES if name != "label_by_hand")

each_exercise = pytest.mark.parametrize("name", EXERCISES)


@each_exercise
def test_reference_solution_scores_full_marks(name):
    """The reference solution earns every point, public and hidden."""
    assert_solution_scores_full_marks(name)


@each_exercise
def test_public_checks_work_on_the_student_copy(name):
    """On the released case study, with the hand-labelling answers removed, the public checks
    still run and give the reference solution full marks."""
    assert_public_checks_work_on_the_student_copy(name)


@each_exercise
def test_untouched_starter_scores_zero_with_a_message_per_check(name):
    """The starter earns nothing, and every check reports a clean message."""
    assert_starter_scores_zero_cleanly(name)


@each_exercise
def test_hard_coded_article_answers_fail_the_hidden_checks(name):
    """Knowing the article's answers by heart scores under half on the hidden checks."""
    assert_hardcoded_fails_hidden(name)


@each_exercise
def test_partial_solution_earns_partial_credit(name):
    """A plausible partial solution earns some, but not all, of the hidden points."""
    assert_partial_credit(name, visibilities=("hidden",))


@each_exercise
def test_trivial_baseline_is_clearly_below_the_pass_mark(name):
    """A blanket strategy scores clearly below the pass mark."""
    assert_trivial_clearly_below_pass(name)


@each_exercise
def test_each_wrong_item_states_the_rule_it_was_judged_by(name):
    """A wrong item's feedback gives the rule it was judged by, in words, on every exercise."""
    assert_wrong_items_state_their_rule(name)


@pytest.mark.parametrize("name", COMPUTED)
def test_starter_examples_are_what_the_reference_solution_returns(name):
    """The worked examples in the starter's docstrings are right."""
    assert_starter_examples_hold(name)


@pytest.mark.parametrize("name", COMPUTED)
def test_reference_solution_does_not_copy_hidden_items(name):
    """No hidden item's text, nor a long piece of one, appears in the reference solution."""
    assert_solution_copies_no_hidden_item(name)
