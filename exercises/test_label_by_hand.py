"""Public checks for the exercise 'Label by hand': the form of the answers, never their
correctness (that is graded by the instructor's hidden checks)."""

import pytest

from sourcewise.casestudy import default_case_study
from sourcewise.exercises.hand_labels import FORM_RULE, MAX_QUOTES, MAX_WORDS, form_problems
from sourcewise.exercises.item_grading import grade_items
from sourcewise.exercises.items import Item
from sourcewise.grading import Failure
from sourcewise.labels import LABEL_IDS

pytestmark = [
    pytest.mark.exercise("label_by_hand"),
    pytest.mark.lesson("exercises/label-by-hand.md"),
]

CASE = default_case_study()
UNITS = CASE.hand_label_units
FORM = (f"A label is one of: {', '.join(LABEL_IDS)}. Evidence is a list of 1 to {MAX_QUOTES} "
        f"quotes of at most {MAX_WORDS} words, copied exactly from the sentence, or [] for an "
        "unsourced assertion.")


def answer_items():
    return [Item(unit.id, unit.text, "a well-formed answer", FORM) for unit in UNITS]


def student_answers(student):
    """The student's ANSWERS, checked to be a dictionary keyed by sentence id."""
    answers = student.answers()
    if not isinstance(answers, dict):
        raise Failure("answers() must return the ANSWERS dictionary, keyed by sentence id.",
                      got=type(answers).__name__)
    return answers


@pytest.mark.points(1)
@pytest.mark.hint("Keep ANSWERS as a dictionary with one entry per sentence id, as in the "
                  "starter file, and fill in the labels.")
def test_every_sentence_has_an_answer(student):
    """answers() has an entry for every sentence, and only those, and labelling has begun."""
    answers = student_answers(student)
    expected = {unit.id for unit in UNITS}
    missing = sorted(expected - set(answers))
    extra = sorted(set(answers) - expected)
    if missing or extra:
        raise Failure("Answer exactly the sentences listed in the starter file."
                      + (f" Missing: {', '.join(missing)}." if missing else "")
                      + (f" Not asked for: {', '.join(extra)}." if extra else ""),
                      expected=sorted(expected), got=sorted(answers))
    if not any(isinstance(answer, dict) and answer.get("label") for answer in answers.values()):
        raise Failure("No sentence has a label yet: fill in the labels in ANSWERS.")


@pytest.mark.points(2)
@pytest.mark.depends("test_every_sentence_has_an_answer")
@pytest.mark.hint("Copy quotes from the sentence with the same capitals and punctuation; the "
                  "’ in Pakistan’s is a curly apostrophe.")
def test_each_answer_is_well_formed(student, grade):
    """Each label is one of the six ids and each quote is found word for word in its sentence."""
    answers = student_answers(student)
    items = answer_items()
    grade_items(grade, items, [answers.get(item.id) for item in items],
                lambda answer, item: form_problems(answer, item.text), rule=FORM_RULE)
