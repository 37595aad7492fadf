"""Grade a check item by item: ask the student's code, judge the answer, record the outcome.

A check that grades a list of items (sentences, paragraphs, time expressions) does the same
thing for each: call the student's function, catch a ``StudentError`` (the call raised,
timed out or returned something that is not plain data) so that one bad item does not sink
the others, decide whether the answer is right, and record it with ``grade.item`` so that
the student reads which item, what was expected, what came back and why. ``NotGradable``
is never caught: the plugin reports the whole check as not gradable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sourcewise.exercises.items import Item
from sourcewise.grading import StudentError

# Judges the answer to an item: returns what is wrong with it, one plain sentence each, or
# [] when it is right.
Judge = Callable[[Any, Item], list[str]]


def grade_items(
    grade: Any,
    items: Iterable[Item],
    ask: Callable[[Item], Any],
    judge: Judge,
) -> int:
    """Record one outcome per item and return how many items were graded.

    ``ask(item)`` calls the student's function for the item; ``judge(got, item)`` lists
    what is wrong with the answer (usually by comparing it with ``item.expected``). The differences come first in the feedback, then the
    item's own explanation of the right answer.
    """
    count = 0
    for item in items:
        count += 1
        try:
            got = ask(item)
        except StudentError as err:
            grade.item(item.id, correct=False, expected=item.expected, got=err,
                       why=item.why, text=item.text)
            continue
        problems = judge(got, item)
        why = " ".join([*problems, item.why]) if problems else item.why
        grade.item(item.id, correct=not problems, expected=item.expected, got=got,
                   why=why, text=item.text)
    if count == 0:
        raise ValueError("this check has no items to grade: its item file or filter is wrong")
    return count
