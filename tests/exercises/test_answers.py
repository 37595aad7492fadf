"""The shared answer comparisons say exactly what differs, and accept only right answers."""

import pytest

from sourcewise.exercises.answers import (
    fields_problems,
    figures_problems,
    offsets_problems,
    pieces_problems,
    quantities_problems,
    quantity_for,
    quotations_problems,
    same_number,
    same_unit,
    span_problems,
    speaker_matches,
)

RANGE = {"text": "$500 to $1,000", "value": 500, "high": 1000, "unit": "USD",
         "approximator": None}
WEAPONS = {"text": "600,000", "value": 600000, "high": None, "unit": "weapons",
           "approximator": "roughly"}


def test_numbers_match_across_int_and_float_but_not_bool():
    """600000 and 600000.0 are the same number; True is not 1; None only matches None."""
    assert same_number(600000.0, 600000)
    assert not same_number(True, 1)
    assert not same_number(0, None)
    assert same_number(None, None)
    assert not same_number(7.12, 7120000000)


def test_units_match_by_their_last_word():
    """'heavy weapons' matches 'weapons', case aside, but 'weapon' and None do not."""
    assert same_unit("Heavy Weapons", "weapons")
    assert same_unit("fixed-wing and rotary-wing aircraft", "aircraft")
    assert not same_unit("weapon", "weapons")
    assert not same_unit(None, "weapons")
    assert same_unit(None, None)


def test_a_right_list_of_quantities_has_no_problems():
    """The expected quantities, with trailing stops and float values, are accepted."""
    got = [dict(RANGE, text="$500 to $1,000."), dict(WEAPONS, value=600000.0)]
    assert quantities_problems(got, [RANGE, WEAPONS]) == []


@pytest.mark.parametrize(
    ("got", "fragment"),
    [
        ("600,000", "must be a list"),
        ([["600,000"]], "not a dictionary"),
        ([{"text": "600,000"}], "expected exactly"),
        ([], "you found []"),
        ([dict(WEAPONS, value=600)], "'value' should be 600000"),
        ([dict(WEAPONS, unit="calibers")], "'unit' should be 'weapons'"),
        ([dict(WEAPONS, approximator=None)], "'approximator' should be 'roughly'"),
    ],
)
def test_each_kind_of_wrong_quantity_is_named(got, fragment):
    """A wrong shape, a missing figure or a wrong field is reported in plain words."""
    problems = quantities_problems(got, [WEAPONS])
    assert any(fragment in problem for problem in problems), problems


def test_figures_and_fields_are_judged_separately():
    """Figures are judged by text alone; one field is judged on the figure with its text."""
    got = [dict(RANGE, text="$500"), dict(WEAPONS, unit=None)]
    assert figures_problems(got[1:], ["600,000"]) == []
    assert quantity_for(got, "600,000") == got[1]
    assert quantity_for(got, "$500 to $1,000") == got
    assert quantity_for("600,000", "600,000") == "600,000"
    assert fields_problems(got[1], WEAPONS, ("value", "high")) == []
    assert fields_problems(got[1], WEAPONS, ("unit",))
    assert "did not report '$500 to $1,000'" in fields_problems(got, RANGE, ("unit",))[0]
    assert "must be a list" in fields_problems("600,000", WEAPONS, ("unit",))[0]


def test_speaker_may_be_part_of_the_name_ending_with_its_last_word():
    """'Kakar' and 'Anwaar-ul-Haq Kakar' match; 'Prime Minister' and 'Kakar said' do not."""
    full = "Prime Minister Anwaar-ul-Haq Kakar"
    assert speaker_matches("Kakar", full)
    assert speaker_matches("anwaar-ul-haq kakar,", full)
    assert not speaker_matches("Prime Minister", full)
    assert not speaker_matches("Kakar said", full)
    assert not speaker_matches(None, full)
    assert speaker_matches(None, None)
    assert not speaker_matches("the coach", None)


def test_quotations_compare_quotes_then_speakers():
    """Outer commas and spaces are ignored in quotes; speakers are compared only when asked."""
    expected = [{"quote": "We are ready,", "speaker": "the coach"}]
    got = [{"quote": " We are ready", "speaker": "a fan"}]
    assert quotations_problems(got, expected, speakers=False) == []
    assert "The speaker of 'We are ready,'" in quotations_problems(got, expected)[0]
    assert "you found []" in quotations_problems([], expected)[0]


def test_offsets_report_missing_and_extra_marks():
    """A missed stray mark and a wrongly reported one are both named; order does not matter."""
    assert offsets_problems([12, 3], [3, 12]) == []
    assert offsets_problems([5], [3]) == [
        "The mark at offset 3 is stray, and you did not report it.",
        "Offset 5 is not a stray quotation mark.",
    ]
    assert "whole numbers" in offsets_problems(["3"], [3])[0]


def test_pieces_name_the_first_wrong_piece():
    """The first piece that differs is quoted; a missing piece is counted."""
    expected = ["The U.S. Senate met.", "It voted."]
    assert pieces_problems(expected, expected) == []
    assert pieces_problems(["The U.S.", "Senate met.", "It voted."], expected) == [
        "Piece 1 should be 'The U.S. Senate met.', not 'The U.S.'."]
    assert pieces_problems(["The U.S. Senate met."], expected) == [
        "There should be 2 pieces, not 1."]
    assert "list of strings" in pieces_problems("The U.S. Senate met.", expected)[0]


def test_spans_compare_start_and_end():
    """A wrong start, a wrong end and a wrong shape are each reported."""
    expected = {"start": "2021-01-01", "end": "2021-12-31"}
    assert span_problems(dict(expected), expected) == []
    assert span_problems({"start": None, "end": "2021-12-31"}, expected) == [
        "'start' should be '2021-01-01', not None."]
    assert "dictionary" in span_problems("2021", expected)[0]
