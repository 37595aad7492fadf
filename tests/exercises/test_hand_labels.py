"""The rules of 'Label by hand': form checks reveal nothing, grading follows the annotation."""

import pytest

from sourcewise.casestudy import default_case_study
from sourcewise.exercises.hand_labels import (
    MAX_WORDS,
    evidence_problems,
    form_problems,
    label_problems,
    signal_spans,
    signal_words,
)

CASE = default_case_study()
CLAIMED = CASE.unit("p18s01")  # attributed_claim, source "Pakistan’s caretaker prime minister"
NO_SOURCE = CASE.unit("p24s02")  # unsourced_assertion, no cues and no source
ACCEPTING = CASE.unit("p26s03")  # sourced_fact, also accepts attributed_claim


@pytest.mark.parametrize(
    ("answer", "fragment"),
    [
        ("attributed_claim", "must be a dictionary"),
        ({"label": "claim", "evidence": ["claimed"]}, "not one of the six label ids"),
        ({"label": "attributed_claim", "evidence": "claimed"}, "list of strings"),
        ({"label": "attributed_claim", "evidence": []}, "Quote the words"),
        ({"label": "unsourced_assertion", "evidence": ["claimed"]}, "leave the evidence empty"),
        ({"label": "attributed_claim", "evidence": ["Claimed"]}, "not in the sentence"),
        ({"label": "attributed_claim", "evidence": ["Pakistan's caretaker"]}, "not in the sentence"),
        ({"label": "attributed_claim", "evidence": ["a", "b", "c", "d"]}, "at most 3"),
    ],
)
def test_badly_formed_answers_are_named(answer, fragment):
    """Each kind of badly formed answer gets a message saying what to fix."""
    problems = form_problems(answer, CLAIMED.text)
    assert any(fragment in problem for problem in problems), problems


def test_well_formed_answers_pass_whatever_their_label():
    """The form check accepts any of the six labels with exact quotes: it grades nothing else."""
    assert form_problems({"label": "framing", "evidence": ["claimed"]}, CLAIMED.text) == []
    assert form_problems({"label": "unsourced_assertion", "evidence": []}, CLAIMED.text) == []
    long_quote = " ".join(CLAIMED.text.split()[:MAX_WORDS + 1])
    assert "longer than" in form_problems(
        {"label": "attributed_claim", "evidence": [long_quote]}, CLAIMED.text)[0]


def test_labels_right_accepted_and_wrong():
    """The annotation's label and its accepted labels are right; others name the right one."""
    assert label_problems(ACCEPTING.label, ACCEPTING) == []
    assert label_problems("attributed_claim", ACCEPTING) == []
    assert label_problems("framing", ACCEPTING) == [
        "The annotation's label is 'sourced_fact', not 'framing'."]


def test_evidence_must_overlap_a_signal_word_or_the_source():
    """Quoting the source or the cue is right; quoting other words is not."""
    assert evidence_problems({"label": "attributed_claim", "evidence": ["claimed"]}, CLAIMED) == []
    assert evidence_problems(
        {"label": "sourced_fact", "evidence": ["caretaker prime"]}, CLAIMED) == []
    problems = evidence_problems(
        {"label": "attributed_claim", "evidence": ["militant hands"]}, CLAIMED)
    assert "'claimed'" in problems[0]


def test_a_sentence_with_no_source_wants_empty_evidence():
    """With no cue and no source, only an empty list is right; time cues are not signals."""
    assert signal_spans(NO_SOURCE) == []
    assert signal_words(NO_SOURCE) == []
    assert signal_words(CLAIMED) == ["claimed", "Pakistan’s caretaker prime minister"]
    assert evidence_problems({"label": "unsourced_assertion", "evidence": []}, NO_SOURCE) == []
    assert evidence_problems({"label": "framing", "evidence": ["strained"]}, NO_SOURCE)
    opening = CASE.unit("p01s01")  # cues: 'retreated' (loaded), 'two years ago' (time)
    spans = {(cue.text, cue.kind) for cue in opening.cues
             if (cue.start, cue.end) in signal_spans(opening)}
    assert spans == {("retreated", "loaded")}


def test_evidence_is_not_graded_before_the_sentence_is_labelled():
    """An unlabelled answer earns no evidence credit, even when its empty list would fit."""
    assert evidence_problems({"label": None, "evidence": []}, NO_SOURCE)
    assert evidence_problems(None, NO_SOURCE)
