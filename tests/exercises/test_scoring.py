"""Discernment scoring: phrase matching, hit and false-alarm rates, balanced accuracy."""

import pytest

from sourcewise.exercises.scoring import (
    CORRECT_REJECTION,
    FALSE_ALARM,
    HIT,
    MISS,
    PARTIAL_HIT,
    LabelAnswer,
    control_outcome,
    discernment,
    label_score,
    match_phrases,
    phrases_match,
    target_outcome,
    words,
)


def test_words_normalise_case_quotes_spaces_and_edge_punctuation():
    """Words are lower-cased, quotes straightened, spaces collapsed and edge punctuation dropped."""
    assert words("  Pakistan\u2019s   caretaker\nPrime Minister, ") == (
        "pakistan's", "caretaker", "prime", "minister",
    )
    assert words("\u201cU.S.\u201d officials...") == ("u.s", "officials")
    assert words(" -- ") == ()


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        ("reportedly", "reportedly"),
        ("REPORTEDLY,", "reportedly"),
        ("The experts say", "experts say"),  # one extra word
        ("believed", "are believed"),  # one word short
        ("According to", "according to"),
        ("prime minister", "Pakistan's caretaker prime minister"),  # two words short
        ("officials have confirmed", "officials"),  # two extra words
    ],
)
def test_close_phrases_match(found, expected):
    """A phrase matches when one contains the other and they differ by at most two words."""
    assert phrases_match(found, expected)


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        ("to", "according to"),  # only a small word
        ("are", "are believed"),
        ("the", "the claim"),
        ("minister", "Pakistan's caretaker prime minister"),  # three words short
        ("U.S. assault weapons have reportedly been used", "reportedly"),  # the whole sentence
        ("claimed", "claim"),  # a different word, not a word-for-word part
        ("", "said"),
        ("said", ""),
        ("prime caretaker", "caretaker prime minister"),  # words out of order
    ],
)
def test_distant_phrases_do_not_match(found, expected):
    """Small words alone, far-off lengths, other words and reordered words do not match."""
    assert not phrases_match(found, expected)


def test_match_phrases_pairs_exact_first_and_reports_missed_and_extra():
    """Each expected phrase takes one found phrase, exact matches first; the rest are extra."""
    result = match_phrases(["could be", "could", "the", "  "], ["could", "experts say"])
    assert result.pairs == (("could", "could"),)
    assert result.missed == ("experts say",)
    assert result.extra == ("could be", "the")


def test_a_phrase_found_twice_counts_once():
    """Repeating a right phrase does not earn a second match: the repeat is extra."""
    result = match_phrases(["reportedly", "Reportedly"], ["reportedly"])
    assert result.pairs == (("reportedly", "reportedly"),)
    assert result.extra == ("Reportedly",)


def test_target_outcomes_share_credit_and_extras_lower_it():
    """A target earns right / (expected + extra) and is a hit, partial hit or miss."""
    assert target_outcome(2, 2).kind == HIT
    assert target_outcome(2, 2).credit == 1.0
    half = target_outcome(1, 2)
    assert (half.kind, half.credit) == (PARTIAL_HIT, 0.5)
    noisy = target_outcome(1, 1, extra=3)
    assert (noisy.kind, noisy.credit, noisy.correct) == (PARTIAL_HIT, 0.25, False)
    assert target_outcome(0, 1).kind == MISS


def test_target_outcome_refuses_impossible_counts():
    """Counts outside their range raise instead of producing a score above 1."""
    with pytest.raises(ValueError, match="at least one"):
        target_outcome(0, 0)
    with pytest.raises(ValueError, match="bad counts"):
        target_outcome(3, 2)


def test_control_outcomes():
    """On a control, flagging anything is a false alarm and leaving it clear is correct."""
    assert control_outcome(True).kind == FALSE_ALARM
    assert control_outcome(False).kind == CORRECT_REJECTION
    assert control_outcome(False).correct
    assert not control_outcome(True).correct


def test_discernment_is_hit_rate_minus_false_alarm_rate():
    """The score subtracts the share of flagged controls from the average target credit."""
    outcomes = [target_outcome(1, 1), target_outcome(1, 2), control_outcome(True),
                control_outcome(False), control_outcome(False), control_outcome(False)]
    result = discernment(outcomes)
    assert result.hit_rate == pytest.approx(0.75)
    assert result.false_alarm_rate == pytest.approx(0.25)
    assert result.score == pytest.approx(0.5)
    assert "0.50" in result.explain()
    assert "1 of the 4 neutral sentences" in result.explain()


def test_flagging_everything_or_nothing_scores_zero():
    """Blanket strategies earn nothing: all flagged gives FA rate 1, none flagged a hit rate 0."""
    flag_all = [target_outcome(1, 1)] * 5 + [control_outcome(True)] * 5
    flag_none = [target_outcome(0, 1)] * 5 + [control_outcome(False)] * 5
    assert discernment(flag_all).score == 0.0
    assert discernment(flag_none).score == 0.0


def test_perfect_answers_score_one_and_sets_without_a_side_are_handled():
    """All right scores 1; a set with no controls or no targets uses rates of 0 and 1."""
    assert discernment([target_outcome(1, 1), control_outcome(False)]).score == 1.0
    assert discernment([target_outcome(1, 2)]).score == 0.5
    assert discernment([control_outcome(False), control_outcome(True)]).score == 0.5
    with pytest.raises(ValueError, match="empty"):
        discernment([])


LABELS = ["sourced_fact", "official_estimate", "attributed_claim", "vague_attribution",
          "unsourced_assertion", "framing"]


def test_balanced_accuracy_averages_recall_over_labels():
    """Each label weighs the same, however many sentences it has."""
    answers = [LabelAnswer("framing", "framing")] * 3 + [
        LabelAnswer("sourced_fact", "framing"),
    ]
    result = label_score(answers)
    assert result.recall == {"framing": (3, 3), "sourced_fact": (0, 1)}
    assert result.balanced_accuracy == pytest.approx(0.5)


def test_all_right_scores_one():
    """Answering every label right scores 1 after the chance correction."""
    answers = [LabelAnswer(label, label) for label in LABELS for _ in range(3)]
    assert label_score(answers).score == pytest.approx(1.0)


def test_a_single_label_strategy_scores_zero():
    """Answering the same label everywhere has balanced accuracy 1/6 and scores 0."""
    answers = [LabelAnswer(label, "unsourced_assertion") for label in LABELS for _ in range(4)]
    result = label_score(answers)
    assert result.balanced_accuracy == pytest.approx(1 / 6)
    assert result.chance == pytest.approx(1 / 6)
    assert result.score == 0.0


def test_accepted_alternatives_count_but_do_not_reward_a_blanket_answer():
    """An accepted label counts as right, yet a blanket answer that many items accept scores 0."""
    answers = [
        LabelAnswer("official_estimate", "unsourced_assertion", ("unsourced_assertion",)),
        LabelAnswer("framing", "unsourced_assertion", ("unsourced_assertion",)),
        LabelAnswer("framing", "unsourced_assertion"),
        LabelAnswer("unsourced_assertion", "unsourced_assertion"),
    ]
    result = label_score(answers)
    assert answers[0].correct
    assert result.balanced_accuracy == pytest.approx((1 + 0.5 + 1) / 3)
    assert result.score == 0.0


def test_chance_correction_of_a_partly_right_answer_set():
    """Score = (balanced accuracy - chance) / (1 - chance), chance from shuffled answers."""
    answers = [
        LabelAnswer("framing", "framing"),
        LabelAnswer("framing", "sourced_fact"),
        LabelAnswer("sourced_fact", "sourced_fact"),
        LabelAnswer("sourced_fact", "sourced_fact"),
    ]
    result = label_score(answers)
    # balanced accuracy (1/2 + 1) / 2; answers are 1/4 framing and 3/4 sourced_fact, so a
    # shuffled answer fits a framing sentence 1/4 of the time and a sourced fact 3/4.
    assert result.balanced_accuracy == pytest.approx(0.75)
    assert result.chance == pytest.approx(0.5)
    assert result.score == pytest.approx(0.5)


def test_label_feedback_names_the_most_frequent_mistake():
    """The explanation gives each label's share, the arithmetic and the commonest confusion."""
    answers = [
        LabelAnswer("vague_attribution", "attributed_claim"),
        LabelAnswer("vague_attribution", "attributed_claim"),
        LabelAnswer("framing", "unsourced_assertion"),
        LabelAnswer("framing", "framing"),
    ]
    result = label_score(answers)
    assert result.most_frequent_mistake() == ("vague_attribution", "attributed_claim", 2)
    text = result.explain()
    assert "vague_attribution 0/2" in text
    assert f"{result.chance:.2f}" in text
    assert "vague_attribution sentences answered as attributed_claim (2 times)" in text
    assert label_score([LabelAnswer("framing", "framing")]).most_frequent_mistake() is None
    with pytest.raises(ValueError, match="empty"):
        label_score([])
