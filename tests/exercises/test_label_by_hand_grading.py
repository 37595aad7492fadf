"""Meta-tests for 'Label by hand': its checks, run by the real engine, grade honestly, and its
public checks reveal no answer."""

import pprint
from collections import Counter

from grading_runs import (
    assert_partial_credit,
    fraction,
    grade_one,
    graded,
    item_notes,
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





def test_starter_lists_exactly_the_hand_labelling_sentences():
    """The starter asks about every hand-labelling sentence, word for word, and no other."""
    answers = load_module(submission_path(NAME, "starter"), "starter_label_by_hand").ANSWERS
    assert {key: entry["sentence"] for key, entry in answers.items()} == {
        unit.id: unit.text for unit in CASE.hand_label_units}


def test_hard_coded_fixture_uses_only_what_the_student_copy_shows(tmp_path):
    """The hard-coded fixture (graded with every exercise's) takes each label from the next
    sentence whose label the student copy shows."""
    visible = student_copy(tmp_path).units
    guessed = {}
    for index, unit in enumerate(visible):
        if unit.hand_label:
            guessed[unit.id] = next(u.label for u in visible[index + 1:] if not u.hand_label)
    fixture = load_module(submission_path(NAME, "hardcoded"), "hardcoded_label_by_hand")
    assert {key: answer["label"] for key, answer in fixture.ANSWERS.items()} == guessed


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
    hidden = " ".join(item_notes(result, "hidden"))
    assert "The annotation's label is 'framing', not 'unsourced_assertion'." in hidden
    assert "None of your quotes overlaps the words that carry the label: 'thriving'." in hidden



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
