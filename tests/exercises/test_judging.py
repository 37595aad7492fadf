"""Judgment checks record every item with a teaching note and survive any answer a student gives."""

import pytest

from sourcewise.exercises.items import Item
from sourcewise.exercises.judging import (
    grade_attribution,
    grade_decisions,
    grade_labels,
    grade_phrases,
)
from sourcewise.grading.checks import Grade
from sourcewise.grading.failures import StudentError

TARGET = Item("t", "Officials reportedly agreed the plan on Monday.", ["reportedly"], "Why t.")
CONTROL = Item("c", "The library opens at nine.", [], "Why c.", control=True)


def answers(mapping):
    """A stand-in for the student's answers: a fixed answer (or error) per sentence, in the
    order the sentences are listed."""
    return list(mapping.values())


def crashed():
    return StudentError("find_hedges raised ValueError: boom", kind="raised", call="find_hedges")


def notes(grade):
    return {item.id: item.why for item in grade.items}


def test_phrases_right_answers_score_one_with_hit_and_correct_rejection():
    """A right answer on a target is a hit, an empty list on a control a correct rejection."""
    grade = Grade()
    grade_phrases(grade, [TARGET, CONTROL],
                  answers({TARGET.text: ["Reportedly"], CONTROL.text: []}), noun="hedge")
    assert grade.score == 1.0
    assert notes(grade)["t"].startswith("Hit. You found 'Reportedly'.")
    assert notes(grade)["t"].endswith("Why t.")
    assert notes(grade)["c"].startswith("Correct rejection.")
    assert "hit rate 1.00" in grade.reason


@pytest.mark.parametrize("bad", [5, "reportedly", [1, 2], None, {"x": 1}])
def test_phrases_wrong_shapes_count_against_the_student_with_a_message(bad):
    """A non-list answer is a miss on a target and a false alarm on a control, and says why."""
    grade = Grade()
    grade_phrases(grade, [TARGET, CONTROL], answers({TARGET.text: bad, CONTROL.text: bad}),
                  noun="hedge")
    assert grade.score == 0.0
    assert [item.correct for item in grade.items] == [False, False]
    assert all("Expected a list of strings" in item.why for item in grade.items)


def test_phrases_a_crash_is_recorded_and_grading_goes_on():
    """A call that fails is reported on its item by what happened, with no verdict such as
    "Miss" or "False alarm"; the other items are still graded."""
    grade = Grade()
    grade_phrases(grade, [TARGET, CONTROL],
                  answers({TARGET.text: crashed(), CONTROL.text: []}), noun="hedge")
    assert notes(grade)["t"] == ""
    assert grade.items[0].got_error
    assert not grade.items[0].correct
    assert notes(grade)["c"].startswith("Correct rejection.")
    assert grade.score == 0.0


def test_phrases_false_alarm_and_extra_phrases_are_named():
    """Flagging a control is a false alarm naming the phrase; extras on a target are named."""
    grade = Grade()
    grade_phrases(grade, [TARGET, CONTROL],
                  answers({TARGET.text: ["reportedly", "Monday"], CONTROL.text: ["opens"]}),
                  noun="hedge")
    assert notes(grade)["t"].startswith("Partial hit.")
    assert "Flagged but not a hedge here: 'Monday'" in notes(grade)["t"]
    assert notes(grade)["c"].startswith("False alarm.")
    assert "'opens'" in notes(grade)["c"]
    assert grade.score == 0.0  # credit 1/2 on the target, minus a false alarm rate of 1


ATTRIBUTED = Item("a", "The mayor said the road will close.",
                  {"source": "The mayor", "cue": ["said", "told"]}, "Why a.")
NOBODY = Item("n", "The road will close.", None, "Why n.", control=True)


@pytest.mark.parametrize(
    ("answer", "score", "start"),
    [
        ({"source": "the mayor", "cue": "said"}, 1.0, "Hit. Source and cue both right."),
        ({"source": "The mayor", "cue": None}, 0.5, "Partial hit. The cue is 'said'"),
        (None, 0.0, "Miss. The source is 'The mayor'; you gave none."),
        ({"source": "road", "cue": "close"}, 0.0, "Miss. The source is 'The mayor'; you gave 'road'."),
        ({"who": "The mayor"}, 0.0, "Miss. Expected None or a dict"),
        ({"source": 1, "cue": "said"}, 0.0, "Miss. 'source' and 'cue' must each be"),
    ],
)
def test_attribution_answers_on_an_attributed_sentence(answer, score, start):
    """Source and cue are each half a target; wrong shapes get a message, not a crash."""
    grade = Grade()
    grade_attribution(grade, [ATTRIBUTED, NOBODY], answers({ATTRIBUTED.text: answer,
                                                            NOBODY.text: None}))
    assert grade.score == score
    assert notes(grade)["a"].startswith(start)


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        (None, "Correct rejection."),
        ({"source": None, "cue": None}, "Correct rejection."),
        ({"source": "The road", "cue": None}, "False alarm."),
        ("nobody", "False alarm."),
    ],
)
def test_attribution_answers_on_a_sentence_that_credits_nobody(answer, kind):
    """On a control, None (or two Nones) is right; any source, cue or bad shape is a false alarm."""
    grade = Grade()
    grade_attribution(grade, [ATTRIBUTED, NOBODY], answers({
        ATTRIBUTED.text: {"source": "The mayor", "cue": "said"}, NOBODY.text: answer}))
    assert notes(grade)["n"].startswith(kind)


def test_decisions_score_hits_minus_false_alarms_and_refuse_non_booleans():
    """True on framing is a hit, True on a control a false alarm, and 1 is not True."""
    framing = Item("f", "What a disgrace this council is!", True, "Why f.")
    plain = Item("p", "The council meets on Monday.", False, "Why p.", control=True)
    grade = Grade()
    grade_decisions(grade, [framing, plain], answers({framing.text: True, plain.text: True}),
                    question="framing")
    assert notes(grade)["f"].startswith("Hit. It is framing, and you said so.")
    assert notes(grade)["p"].startswith("False alarm. It is not framing, but you said it is.")
    assert grade.score == 0.0
    grade = Grade()
    grade_decisions(grade, [framing, plain], answers({framing.text: 1, plain.text: False}),
                    question="framing")
    assert notes(grade)["f"].startswith("Miss. Expected True or False, got 1.")
    assert grade.score == 0.0


def test_labels_accept_alternatives_with_a_note_and_refuse_unknown_labels():
    """An accepted label is right with a note; an unknown label is wrong with the valid list."""
    items = [
        Item("x", "Sentence one.", "official_estimate", "Why x.",
             extra={"accept": ["unsourced_assertion"]}),
        Item("y", "Sentence two.", "framing", "Why y."),
        Item("z", "Sentence three.", "framing", "Why z."),
    ]
    grade = Grade()
    result = grade_labels(grade, items, answers({
        "Sentence one.": "unsourced_assertion", "Sentence two.": "opinion",
        "Sentence three.": crashed(),
    }))
    assert notes(grade)["x"].startswith("Accepted: a careful reader could defend")
    assert notes(grade)["y"].startswith("Expected one of sourced_fact,")
    assert notes(grade)["z"] == ""  # what happened is its got_error, shown once
    assert grade.items[2].got_error
    assert [item.correct for item in grade.items] == [True, False, False]
    assert result.recall == {"official_estimate": (1, 1), "framing": (0, 2)}
    assert grade.reason == result.explain()
