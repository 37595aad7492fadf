"""Grade a check item by item: judge each answer of the student's code, record the outcome.

A check that grades a list of items (sentences, paragraphs, time expressions) asks the
student's function about every item in one batch (``student.fn.map(texts(items))``), which
gives per item the answer or the ``StudentError`` of a call that raised, timed out or
returned something that is not plain data, so that one bad item does not sink the others.
``grade_items`` then decides whether each answer is right and records it with
``grade.item`` so that the student reads which item, what was expected, what came back and
why, and, for a wrong answer, the rule it was judged by, in words. ``NotGradable`` is raised
by the call itself and never caught: the plugin reports the whole check as not gradable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sourcewise.exercises.items import Item
from sourcewise.grading import StudentError

# Judges the answer to an item: returns what is wrong with it, one plain sentence each, or
# [] when it is right.
Judge = Callable[[Any, Item], list[str]]


def grade_items(grade: Any, items: Sequence[Item], answers: Sequence[Any], judge: Judge, *,
                rule: str) -> int:
    """Record one outcome per item and return how many items were graded.

    ``answers`` holds the student's answer to each item, in the same order (a value, or the
    ``StudentError`` of a failed call); ``judge(got, item)`` lists what is wrong with an
    answer (usually by comparing it with ``item.expected``). ``rule`` says in words how
    ``judge`` decides, for example "each piece must match ours character for character".
    A wrong answer's feedback gives the differences first, then "Rule: ...", then the item's
    own explanation of the right answer. A failed call says only what happened (the
    feedback groups such items), since there is no answer to judge.
    """
    if not items:
        raise ValueError("this check has no items to grade: its item file or filter is wrong")
    if not rule.strip():
        raise ValueError("grade_items needs the rule its judge applies, in words")
    stated = f"Rule: {rule[0].upper()}{rule[1:]}"
    for item, got in zip(items, answers, strict=True):
        if isinstance(got, StudentError):
            grade.item(item.id, correct=False, expected=item.expected, got=got,
                       why=item.why, text=item.text)
            continue
        problems = judge(got, item)
        why = " ".join([*problems, stated, item.why]) if problems else item.why
        grade.item(item.id, correct=not problems, expected=item.expected, got=got,
                   why=why, text=item.text)
    return len(items)
