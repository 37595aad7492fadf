"""Hidden checks for the toy exercise: cases from the answer key, which students never see."""

import json
from pathlib import Path

import pytest

from sourcewise.grading import StudentError, same

KEY = json.loads((Path(__file__).with_name("answer_key.json")).read_text(encoding="utf-8"))
pytestmark = [pytest.mark.exercise("toy"), pytest.mark.visibility("hidden")]


@pytest.mark.points(3)
def test_add_hidden(student, grade):
    """add is right on new numbers."""
    for case in KEY["add"]:
        try:
            got = student.add(*case["args"])
        except StudentError as err:
            got = err
        grade.item(case["id"], correct=same(got, case["expected"]), expected=case["expected"],
                   got=got)


@pytest.mark.points(2)
def test_classify_hidden(student, grade):
    """classify is right on new sentences."""
    for case in KEY["classify"]:
        try:
            got = student.classify(case["text"])
        except StudentError as err:
            got = err
        grade.item(case["id"], correct=same(got, case["expected"]), expected=case["expected"],
                   got=got, text=case["text"])
