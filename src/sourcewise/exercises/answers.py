"""Compare a student's structured answers with the expected ones, and say what differs.

The public and hidden checks of 'Split into sentences', 'Numbers need owners', 'Trace the
quote' and 'When was "now"?' share these rules, so a student meets the same comparison on
the case study and on the hidden items. Each ``*_problems`` function returns plain
sentences for the student, one per difference, and an empty list when the answer is right.
"""

from __future__ import annotations

import math
from typing import Any

QUANTITY_KEYS: tuple[str, ...] = ("text", "value", "high", "unit", "approximator")
QUOTATION_KEYS: tuple[str, ...] = ("quote", "speaker")
_TRIM = " \t\n,.;:"

# The rule each comparison applies, in words: every wrong item's feedback states it
# (``item_grading.grade_items(..., rule=...)``). Keep each in step with its function below.
_ENDS = "spaces, commas, full stops, colons and semicolons at either end do not matter"
PIECES_RULE = ("your pieces must be the text's sentences and headings, in order, each exactly "
               "as written, character for character, with its end punctuation and closing "
               "quotation mark; nothing dropped, split or joined.")
HEADING_RULE = ("each heading must be one of the pieces you return for the whole article, "
                "exactly as written, with no punctuation added.")
FIGURES_RULE = (f"the amounts must be the ones in the sentence, in the order they appear, each "
                f"with its figure's text as written ({_ENDS}).")
FIELDS_RULE = ("each field is judged on its own figure: 'value' and 'high' must be the same "
               "numbers as ours (or None), 'unit' counts when its last word is ours ('light "
               "arms' for 'arms'), and 'approximator' must be the sentence's words exactly, "
               "or None when there are none.")
QUOTATIONS_RULE = (f"the quotations must be the ones in the text, in order, each the words "
                   f"between its quotation marks ({_ENDS}).")
SPEAKER_RULE = (f"{QUOTATIONS_RULE[:-1]}; a speaker counts when it is a run of our speaker's "
                "words that keeps the last of them ('Kakar' for 'Prime Minister "
                "Anwaar-ul-Haq Kakar'), and must be None when the text names no one.")
QUANTITIES_RULE = f"{FIGURES_RULE} Then {FIELDS_RULE}"
OFFSETS_RULE = ("list the position of each stray quotation mark, counting characters from 0, "
                "in any order: every stray mark, and nothing else.")
SPAN_RULE = ("'start' and 'end' must be the first and last day the expression covers, as "
             "ISO dates (YYYY-MM-DD), exactly; 'start' is None when it cannot be known, and "
             "the whole answer is None when the expression cannot be read.")


def is_number(value: Any) -> bool:
    """True for an int or a float (``True`` and ``False`` are not numbers here)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def same_number(got: Any, expected: float | None) -> bool:
    """Numbers agree to one part in a billion; None only matches None."""
    if expected is None:
        return got is None
    return is_number(got) and math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-9)


def head_noun(unit: Any) -> str | None:
    """The last word of a unit, lower case: 'heavy weapons' and 'weapons' both give 'weapons'."""
    if not isinstance(unit, str) or not unit.split():
        return None
    return unit.split()[-1].lower()


def same_unit(got: Any, expected: str | None) -> bool:
    """Units agree when their last words agree ('light arms' ~ 'arms'); None matches None."""
    if expected is None:
        return got is None
    return head_noun(got) == head_noun(expected)


def shape_problems(got: Any, keys: tuple[str, ...], what: str) -> list[str]:
    """Problems with the shape of an answer: a list of dictionaries with exactly ``keys``."""
    if not isinstance(got, list):
        return [f"The answer must be a list of {what}, one dictionary each; got {type(got).__name__}."]
    problems = []
    for position, entry in enumerate(got, start=1):
        if not isinstance(entry, dict):
            problems.append(f"Entry {position} is a {type(entry).__name__}, not a dictionary.")
        elif set(entry) != set(keys):
            problems.append(
                f"Entry {position} has the keys {sorted(entry)}; expected exactly {list(keys)}."
            )
    return problems


def quantity_field_problems(got: dict[str, Any], expected: dict[str, Any], field: str) -> list[str]:
    """What is wrong with one field of a found quantity (an empty list when it is right)."""
    figure = repr(expected["text"])
    if field in ("value", "high"):
        if not same_number(got.get(field), expected[field]):
            return [f"{figure}: '{field}' should be {expected[field]!r}, not {got.get(field)!r}."]
    elif field == "unit":
        if not same_unit(got.get("unit"), expected["unit"]):
            return [f"{figure}: 'unit' should be {expected['unit']!r}, not {got.get('unit')!r}."]
    elif field == "approximator":
        if got.get("approximator") != expected["approximator"]:
            return [
                f"{figure}: 'approximator' should be {expected['approximator']!r}, "
                f"not {got.get('approximator')!r}."
            ]
    elif _trimmed(got.get("text")) != _trimmed(expected["text"]):
        return [f"'text' should be {figure}, not {got.get('text')!r}."]
    return []


def figures_problems(got: Any, wanted: list[str]) -> list[str]:
    """Problems with the list of quantities found, judged by their texts alone."""
    problems = shape_problems(got, QUANTITY_KEYS, "amounts")
    if problems:
        return problems
    found = [q["text"] for q in got]
    if [_trimmed(t) for t in found] != [_trimmed(t) for t in wanted]:
        return [f"The amounts here are {wanted}; you found {found}."]
    return []


def quantities_problems(got: Any, expected: list[dict[str, Any]]) -> list[str]:
    """Everything that differs between the quantities found and the expected ones."""
    problems = figures_problems(got, [q["text"] for q in expected])
    if problems:
        return problems
    for got_one, expected_one in zip(got, expected, strict=True):
        for field in QUANTITY_KEYS[1:]:
            problems.extend(quantity_field_problems(got_one, expected_one, field))
    return problems


def quantity_for(answer: Any, text: str) -> Any:
    """The found quantity whose text is ``text``, so that one figure can be judged on its own
    (a missing or extra figure elsewhere then does not count twice); the whole answer when
    no such quantity is there."""
    if not shape_problems(answer, QUANTITY_KEYS, "amounts"):
        for entry in answer:
            if _trimmed(entry["text"]) == _trimmed(text):
                return entry
    return answer


def fields_problems(got: Any, expected: dict[str, Any], fields: tuple[str, ...]) -> list[str]:
    """Problems with some fields of one quantity, as picked by ``quantity_for``."""
    if isinstance(got, dict) and _trimmed(got.get("text")) == _trimmed(expected["text"]):
        return [p for field in fields for p in quantity_field_problems(got, expected, field)]
    return shape_problems(got, QUANTITY_KEYS, "amounts") or [
        f"You did not report {expected['text']!r}, so its {' and '.join(fields)} cannot be "
        "checked."]


def speaker_matches(got: Any, expected: str | None) -> bool:
    """A speaker is right when nobody is named and it is None, or when it is part of the
    expected words and keeps their last word: 'Kakar' or 'Anwaar-ul-Haq Kakar' for 'Prime
    Minister Anwaar-ul-Haq Kakar', 'coach' for 'the coach'."""
    if expected is None or got is None:
        return got is None and expected is None
    if not isinstance(got, str):
        return False
    got_words = _trimmed(got).lower().split()
    expected_words = _trimmed(expected).lower().split()
    if not got_words or got_words[-1] != expected_words[-1]:
        return False
    size = len(got_words)
    return any(expected_words[i:i + size] == got_words for i in range(len(expected_words)))


def quotations_problems(
    got: Any, expected: list[dict[str, Any]], *, speakers: bool = True
) -> list[str]:
    """Everything that differs between the quotations found and the expected ones; with
    ``speakers=False`` only the quotations themselves are compared."""
    problems = shape_problems(got, QUOTATION_KEYS, "quotations")
    if problems:
        return problems
    found = [q["quote"] for q in got]
    wanted = [q["quote"] for q in expected]
    if [_trimmed(t) for t in found] != [_trimmed(t) for t in wanted]:
        return [f"The quotations here are {wanted}; you found {found}."]
    if not speakers:
        return []
    for got_one, expected_one in zip(got, expected, strict=True):
        if not speaker_matches(got_one["speaker"], expected_one["speaker"]):
            problems.append(
                f"The speaker of {expected_one['quote']!r} is {expected_one['speaker']!r}; "
                f"you gave {got_one['speaker']!r}."
            )
    return problems


def offsets_problems(got: Any, expected: list[int]) -> list[str]:
    """What differs between the offsets of stray marks found and the expected ones."""
    if not isinstance(got, list) or not all(is_number(at) and at == int(at) for at in got):
        return ["The answer must be a list of whole numbers: the offsets of the stray marks."]
    problems = [f"The mark at offset {at} is stray, and you did not report it."
                for at in expected if at not in got]
    problems += [f"Offset {at} is not a stray quotation mark." for at in got if at not in expected]
    return problems


def pieces_problems(got: Any, expected: list[str]) -> list[str]:
    """What differs between the pieces a text was split into and the expected pieces."""
    if not isinstance(got, list) or not all(isinstance(piece, str) for piece in got):
        return ["The answer must be a list of strings, one per sentence or heading."]
    for position, (got_one, expected_one) in enumerate(zip(got, expected, strict=False), start=1):
        if got_one != expected_one:
            return [f"Piece {position} should be {expected_one!r}, not {got_one!r}."]
    if len(got) != len(expected):
        return [f"There should be {len(expected)} pieces, not {len(got)}."]
    return []


def span_problems(got: Any, expected: dict[str, str | None]) -> list[str]:
    """What differs between a resolved stretch of time and the expected {start, end}."""
    if got is None:
        return ["Your function returned None: it could not read this expression."]
    if not isinstance(got, dict) or set(got) != {"start", "end"}:
        return ['The answer must be a dictionary {"start": ..., "end": ...} of ISO dates.']
    return [
        f"'{key}' should be {expected[key]!r}, not {got[key]!r}."
        for key in ("start", "end")
        if got[key] != expected[key]
    ]


def _trimmed(text: Any) -> Any:
    """Text without outer spaces and outer commas, full stops, colons and semicolons."""
    return text.strip(_TRIM) if isinstance(text, str) else text
