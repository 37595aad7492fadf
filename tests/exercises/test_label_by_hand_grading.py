"""Meta-tests for 'Label by hand': its checks, run by the real engine, grade honestly, and its
public checks reveal no answer."""

import pprint
from collections import Counter

from grading_runs import (
    assert_hardcoded_fails_hidden,
    assert_partial_credit,
    assert_public_checks_work_on_the_student_copy,
    assert_solution_scores_full_marks,
    assert_starter_scores_zero_cleanly,
    assert_trivial_clearly_below_pass,
    fraction,
    grade_one,
    graded,
    item_feedback,
    load_module,
    submission_path,
)

from sourcewise.casestudy import DEFAULT_CASE_FOLDER, default_case_study, write_redacted
from sourcewise.casestudy.loader import load_case_study

NAME = "label_by_hand"
CASE = default_case_study()


def student_copy(tmp_path):
    """The case study as the student release ships it: hand-labelling answers removed."""
    write_redacted(DEFAULT_CASE_FOLDER, tmp_path / "case")
    return load_case_study(tmp_path / "case")


def test_reference_answers_score_full_marks():
    """The reference answers earn every point, public and hidden."""
    assert_solution_scores_full_marks(NAME)


def test_public_checks_work_on_the_student_copy():
    """On the released case study, with the hand-labelling answers removed, the public checks
    still run and give the reference solution full marks."""
    assert_public_checks_work_on_the_student_copy(NAME)


def test_untouched_starter_scores_zero_with_a_message_per_check():
    """The starter earns nothing, and every check reports a clean message."""
    assert_starter_scores_zero_cleanly(NAME)


def test_starter_lists_exactly_the_hand_labelling_sentences():
    """The starter asks about every hand-labelling sentence, word for word, and no other."""
    answers = load_module(submission_path(NAME, "starter"), "starter_label_by_hand").ANSWERS
    assert {key: entry["sentence"] for key, entry in answers.items()} == {
        unit.id: unit.text for unit in CASE.hand_label_units}


def test_labels_guessed_from_the_next_visible_sentence_fail_the_hidden_checks(tmp_path):
    """The hard-coded fixture takes each label from the student copy, and scores under half."""
    visible = student_copy(tmp_path).units
    guessed = {}
    for index, unit in enumerate(visible):
        if unit.hand_label:
            guessed[unit.id] = next(u.label for u in visible[index + 1:] if not u.hand_label)
    fixture = load_module(submission_path(NAME, "hardcoded"), "hardcoded_label_by_hand")
    assert {key: answer["label"] for key, answer in fixture.ANSWERS.items()} == guessed
    assert_hardcoded_fails_hidden(NAME)


def test_the_most_common_visible_label_fails_the_hidden_checks(tmp_path):
    """Answering every sentence with the commonest label of the student copy scores under half."""
    labels = Counter(u.label for u in student_copy(tmp_path).units if not u.hand_label)
    label = labels.most_common(1)[0][0]
    answers = {unit.id: {"label": label, "evidence": [] if label == "unsourced_assertion"
                         else [unit.text.split()[0]]}
               for unit in CASE.hand_label_units}
    path = tmp_path / f"{NAME}.py"
    path.write_text(f"ANSWERS = {pprint.pformat(answers)}\n\n\ndef answers():\n"
                    "    return ANSWERS\n", encoding="utf-8")
    result = grade_one(NAME, path)
    assert fraction(result, "public") == 1
    assert fraction(result, "hidden") < 0.5


def test_keyword_labeller_earns_partial_credit_with_the_right_labels_named():
    """Labelling by a few attribution words earns part of the points; feedback names the label."""
    # Its answers are well formed, so the public (form) checks give it full marks.
    result = assert_partial_credit(NAME, visibilities=("hidden",))
    hidden = " ".join(item_feedback(result, "hidden"))
    assert "The annotation's label is 'framing', not 'unsourced_assertion'." in hidden
    assert "None of your quotes overlaps the words that carry the label: 'thriving'." in hidden


def test_always_unsourced_is_clearly_below_the_pass_mark():
    """Calling every sentence an unsourced assertion scores clearly below the pass mark."""
    assert_trivial_clearly_below_pass(NAME)


def test_public_feedback_reveals_no_label():
    """Whatever a submission answers, the public checks' feedback names no right label."""
    for result in graded(NAME).values():
        public = [check for check in result.checks if check.visibility == "public"]
        text = " ".join([check.reason for check in public]
                        + [f"{item.expected} {item.why}" for check in public
                           for item in check.items])
        for unit in CASE.hand_label_units:
            assert unit.rationale not in text
        assert "annotation" not in text
