"""A partial solution of each exercise is told, item by item, what it got right and missed."""

from grading_runs import (
    PASS_FRACTION,
    assert_partial_credit,
    fraction,
    graded,
    hidden_items,
    item_notes,
    submission_path,
)


def hidden_notes(name: str) -> list[str]:
    return item_notes(assert_partial_credit(name, visibilities=("hidden",)), "hidden")


def test_split_sentences_naive_splitter_is_told_about_abbreviations():
    """Splitting after every '. ' earns part of the points, and the feedback shows 'U.S.'."""
    assert_partial_credit("split_sentences")
    hidden = " ".join(hidden_notes("split_sentences"))
    assert "Piece 1 should be 'The U.S. Senate passed the farm bill on Tuesday.'" in hidden
    assert "abbreviation" in hidden


def test_who_says_so_said_only_finder_is_told_its_misses():
    """A finder that knows only "said" earns some credit, and the feedback names its misses."""
    assert fraction(graded("who_says_so")["partial"], "hidden") < PASS_FRACTION
    notes = hidden_notes("who_says_so")
    assert any(note.startswith("Hit. Source and cue both right.") for note in notes)
    assert any(note.startswith("Miss.") and "The cue is 'according to'" in note for note in notes)
    assert any(note.startswith("Correct rejection.") for note in notes)


def test_how_sure_few_hedges_finder_is_told_its_misses():
    """A finder with a few sourceless hedges earns some credit; the feedback names its misses."""
    assert fraction(graded("how_sure")["partial"], "hidden") < PASS_FRACTION
    notes = hidden_notes("how_sure")
    assert any(note.startswith("Hit. You found 'reportedly'.") for note in notes)
    assert any(note.startswith("Miss. You missed 'Officials said'.") for note in notes)
    assert any(note.startswith("Partial hit. You found 'reportedly'. You missed 'Some "
                               "councillors say'.") for note in notes)


def test_numbers_need_owners_finder_is_told_about_years_and_approximators():
    """A finder without scale words, ranges or year rules is told what it missed."""
    assert_partial_credit("numbers_need_owners")
    hidden = " ".join(hidden_notes("numbers_need_owners"))
    assert "you found ['2022', '15,000']" in hidden
    assert "'approximator' should be 'more than', not None" in hidden


def test_loaded_language_word_list_loses_marks_for_literal_uses():
    """A bare word list earns some credit, and loses marks for literal uses it flags."""
    assert fraction(graded("loaded_language")["partial"], "hidden") < PASS_FRACTION
    notes = hidden_notes("loaded_language")
    assert any(note.startswith("Partial hit. You found 'greedy'. You missed 'ruined'.")
               for note in notes)
    assert any(note.startswith("False alarm.") and "'staggering'" in note
               and "literal" in note for note in notes)
    assert any(note.startswith("Miss. It is framing, but you said it is not.") for note in notes)


def test_put_it_together_three_label_classifier_is_told_its_commonest_confusion():
    """A classifier that knows three labels earns some credit; the feedback names its
    commonest confusion and explains each wrong sentence."""
    result = graded("put_it_together")["partial"]
    assert 0 < fraction(result, "hidden") < PASS_FRACTION
    (check,) = [c for c in result.checks if c.visibility == "hidden"]
    assert "Your most frequent mistake:" in check.reason
    assert "answered as unsourced_assertion" in check.reason
    assert any(note.startswith("You answered unsourced_assertion; the label is framing.")
               for note in item_notes(result, "hidden"))


def test_trace_the_quote_curly_only_tracer_is_told_what_it_missed():
    """A tracer that knows only curly double marks earns part credit, told what it missed."""
    assert_partial_credit("trace_the_quote")
    hidden = " ".join(hidden_notes("trace_the_quote"))
    assert "The quotations here are ['Nobody told us,']; you found []" in hidden
    assert "The speaker of 'The bridge is safe,' is 'Mayor Jo Park'" in hidden


def test_when_was_now_resolver_blind_to_year_boundaries_is_told_so():
    """A resolver blind to year boundaries earns part of the points and is told what it missed."""
    assert_partial_credit("when_was_now")
    hidden = " ".join(hidden_notes("when_was_now"))
    assert "'start' should be '2021-06-19', not '2022-06-19'." in hidden
    assert "Your function returned None" in hidden


def test_when_was_now_solution_holds_no_hidden_answer_dates():
    """None of the dates the hidden items expect is written into the reference solution."""
    source = submission_path("when_was_now", "solution").read_text(encoding="utf-8")
    dates = {date for item in hidden_items("when_was_now") for date in item.expected.values()
             if date}
    assert [date for date in dates if date in source] == []
