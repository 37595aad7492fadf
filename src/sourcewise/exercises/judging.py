"""Grade a judgment exercise item by item: ask the student, record a teaching note, score.

Each ``grade_*`` function takes the check's ``grade`` fixture, the items, and the student's
answers to them in the same order, asked in one batch (for example
``student.find_hedges.map(texts(items))``: per item a value or the ``StudentError`` of a
failed call). For every item it records whether the answer was a hit, a miss, a false
alarm or a correct rejection and why, then sets the check's score by the formula of
``sourcewise.exercises.scoring`` and explains the arithmetic. An answer of the wrong
shape, or a call that failed, never crashes the check: it counts as no answer on a target
and as a false alarm on a control (the sentence was not cleared).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sourcewise.exercises.items import Item
from sourcewise.exercises.scoring import (
    CORRECT_REJECTION,
    FALSE_ALARM,
    HIT,
    MAX_EXTRA_WORDS,
    MISS,
    Discernment,
    ItemOutcome,
    LabelAnswer,
    LabelScore,
    control_outcome,
    discernment,
    label_score,
    match_phrases,
    phrases_match,
    target_outcome,
)
from sourcewise.grading import StudentError
from sourcewise.labels import LABEL_IDS

# The rule each kind of item is judged by, in words: every wrong item's feedback says it.
PHRASE_RULE = (f"a phrase of yours counts when it has the same words as ours, or one holds "
               f"the other and they differ by at most {MAX_EXTRA_WORDS} words; capitals and "
               "punctuation around words do not matter.")
DECISION_RULE = "the answer must be True or False; only the sentence's main point counts."
LABEL_RULE = ("the answer must be one of the six label ids, spelled exactly; some sentences "
              "also accept a second label.")


def _quote(phrases: Iterable[str]) -> str:
    return ", ".join(f"'{p}'" for p in phrases)


def _answered(items: Sequence[Item], answers: Sequence[Any],
              ) -> Iterator[tuple[Item, Any, str | None]]:
    """Each item with the student's answer, and the message when the call failed."""
    for item, got in zip(items, answers, strict=True):
        failed = isinstance(got, StudentError)
        yield item, got, f"Your function failed on this sentence: {got}" if failed else None


def _record(grade: Any, item: Item, outcome: ItemOutcome, note: str, got: Any, *,
            rule: str, expected: Any = None) -> None:
    """Record one item. A call that failed says only that (the feedback shows what
    happened once for all such items), not a verdict such as "False alarm"."""
    shown = item.expected if expected is None else expected
    if isinstance(got, StudentError):
        grade.item(item.id, correct=False, expected=shown, got=got, why="", text=item.text)
        return
    label = outcome.kind[0].upper() + outcome.kind[1:]
    judged = f" Rule: {rule[0].upper()}{rule[1:]}" if not outcome.correct else ""
    grade.item(item.id, correct=outcome.correct, expected=shown, got=got,
               why=f"{label}. {note}{judged} {item.why}".replace("  ", " ").strip(),
               text=item.text)


def _finish(grade: Any, outcomes: list[ItemOutcome]) -> Discernment:
    result = discernment(outcomes)
    grade.set_score(result.score, reason=result.explain())
    return result


def _phrase_list_problem(got: Any) -> str | None:
    if not isinstance(got, list) or not all(isinstance(p, str) for p in got):
        return f"Expected a list of strings, got {got!r}."
    return None


def grade_phrases(grade: Any, items: Sequence[Item], answers: Sequence[Any], *,
                  noun: str) -> Discernment:
    """Span finding: ``item.expected`` is the list of phrases to find ([] on a control).

    ``noun`` names what is being found, for the notes ("hedge", "loaded word").
    """
    outcomes = []
    for item, got, problem in _answered(items, answers):
        problem = problem or _phrase_list_problem(got)
        expected = list(item.expected)
        if problem:
            outcome = target_outcome(0, len(expected)) if expected else control_outcome(True)
            note = problem
        elif not expected:
            outcome = control_outcome(bool(match_phrases(got, []).extra))
            note = (f"This sentence has no {noun} to flag, but you flagged {_quote(got)}."
                    if outcome.flagged else f"Nothing here is a {noun}, and you flagged nothing.")
        else:
            match = match_phrases(got, expected)
            outcome = target_outcome(len(match.pairs), len(expected), len(match.extra))
            parts = []
            if match.pairs:
                parts.append(f"You found {_quote(found for found, _ in match.pairs)}.")
            if match.missed:
                parts.append(f"You missed {_quote(match.missed)}.")
            if match.extra:
                parts.append(f"Flagged but not a {noun} here: {_quote(match.extra)} "
                             "(each extra phrase lowers this item's credit).")
            note = " ".join(parts)
        outcomes.append(outcome)
        _record(grade, item, outcome, note, got, rule=PHRASE_RULE)
    return _finish(grade, outcomes)


def _alternatives(value: str | list[str]) -> list[str]:
    return value if isinstance(value, list) else [value]


def _attribution_problem(got: Any) -> str | None:
    if got is None:
        return None
    if not isinstance(got, dict) or set(got) != {"source", "cue"}:
        return f"Expected None or a dict with the keys 'source' and 'cue', got {got!r}."
    if not all(value is None or isinstance(value, str) for value in got.values()):
        return f"'source' and 'cue' must each be a string or None, got {got!r}."
    return None


def grade_attribution(grade: Any, items: Sequence[Item], answers: Sequence[Any]) -> Discernment:
    """Source and cue: ``item.expected`` is {"source", "cue"} (each a phrase or a list of
    acceptable phrases), or None on a control. Each of the two is half a target's credit."""
    outcomes = []
    for item, got, problem in _answered(items, answers):
        problem = problem or _attribution_problem(got)
        answer = {} if problem or got is None else {k: v for k, v in got.items() if v}
        if item.expected is None:
            outcome = control_outcome(bool(problem or answer))
            note = problem or (
                f"Nobody is credited in this sentence, but you answered {answer}."
                if answer else "No source and no cue, and you said so."
            )
        else:
            notes, right = [problem] if problem else [], 0
            for slot in ("source", "cue"):
                options = _alternatives(item.expected[slot])
                if slot in answer and any(phrases_match(answer[slot], o) for o in options):
                    right += 1
                elif not problem:
                    also = f" (also accepted: {_quote(options[1:])})" if options[1:] else ""
                    notes.append(f"The {slot} is {_quote(options[:1])}{also}; you gave "
                                 f"{_quote([answer[slot]]) if slot in answer else 'none'}.")
            outcome = target_outcome(right, 2)
            note = " ".join(notes) if notes else "Source and cue both right."
        outcomes.append(outcome)
        # Expected in the form to return: one source and one cue, not a list of choices.
        expected = None if item.expected is None else {
            slot: _alternatives(item.expected[slot])[0] for slot in ("source", "cue")}
        _record(grade, item, outcome, note, got, expected=expected,
                rule=f"the source and the cue are each judged as phrases: {PHRASE_RULE}")
    return _finish(grade, outcomes)


def grade_decisions(grade: Any, items: Sequence[Item], answers: Sequence[Any], *,
                    question: str) -> Discernment:
    """Yes/no decisions: ``item.expected`` is True on a target, False on a control.

    ``question`` is what the student decides, for the notes ("framing").
    """
    notes = {
        HIT: f"It is {question}, and you said so.",
        MISS: f"It is {question}, but you said it is not.",
        FALSE_ALARM: f"It is not {question}, but you said it is.",
        CORRECT_REJECTION: f"It is not {question}, and you said so.",
    }
    outcomes = []
    for item, got, problem in _answered(items, answers):
        if not problem and not isinstance(got, bool):
            problem = f"Expected True or False, got {got!r}."
        said_yes = got is True if not problem else not item.expected
        outcome = target_outcome(1 if said_yes else 0, 1) if item.expected else control_outcome(said_yes)
        outcomes.append(outcome)
        _record(grade, item, outcome, problem or notes[outcome.kind], got, rule=DECISION_RULE)
    return _finish(grade, outcomes)


def grade_labels(grade: Any, items: Sequence[Item], answers: Sequence[Any]) -> LabelScore:
    """Six-label classification, scored by chance-corrected balanced accuracy.

    ``item.extra["accept"]`` lists other labels that count as correct, with a note.
    """
    scored = []
    for item, got, problem in _answered(items, answers):
        if not problem and got not in LABEL_IDS:
            problem = f"Expected one of {', '.join(LABEL_IDS)}; got {got!r}."
        answer = LabelAnswer(item.expected, got if not problem else repr(got),
                             tuple(item.extra.get("accept", ())))
        if problem:
            note = problem
        elif got == item.expected:
            note = "Correct."
        elif answer.correct:
            note = (f"Accepted: a careful reader could defend {got}, though the annotation "
                    f"prefers {item.expected}.")
        else:
            note = f"You answered {got}; the label is {item.expected}."
        scored.append(answer)
        if isinstance(got, StudentError):
            why = ""  # what happened is shown once for all such items
        elif answer.correct:
            why = f"{note} {item.why}"
        else:
            why = f"{note} Rule: {LABEL_RULE[0].upper()}{LABEL_RULE[1:]} {item.why}"
        grade.item(item.id, correct=answer.correct, expected=item.expected, got=got,
                   why=why, text=item.text)
    result = label_score(scored)
    grade.set_score(result.score, reason=result.explain())
    return result
