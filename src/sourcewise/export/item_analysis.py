"""The class item analysis: which items the class got wrong, and how, as numbers and CSV.

* per item (a sentence or case a check recorded with ``grade.item``): how many students
  answered it, the share who got it right, and the most common wrong answer;
* per exercise: the mean score and the share of students at or above ``PASS_FRACTION``;
* per cue (a phrase an item asks students to find, such as a hedge or an attribution
  verb): how many students should have found it and how many missed it, judged with the
  exercises' own phrase matching;
* the confusion matrix of the six labels, over every item whose expected answer is a label:
  rows are the expected label, columns the label given (plus answers that are no label).
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sourcewise.exercises.catalogue import PASS_FRACTION
from sourcewise.exercises.scoring import match_phrases
from sourcewise.export.class_results import ClassResults
from sourcewise.grading.display import cut_at_word, show
from sourcewise.grading.failures import MISSING
from sourcewise.grading.results import ItemResult
from sourcewise.grading.safe_text import csv_cell
from sourcewise.labels import LABEL_IDS

NOT_A_LABEL = "not a label"
ANSWER_WIDTH = 120


NO_EVIDENCE = "no evidence quoted"


def value_text(value: object, exercise: str = "") -> str:
    """An answer or an expected answer as one comparable string, written as in feedback; in
    the hand-labelling exercise an empty list is evidence that quotes nothing."""
    if exercise == "label_by_hand" and isinstance(value, list) and not value:
        return NO_EVIDENCE
    return show(value, ANSWER_WIDTH)


def answer_text(item: ItemResult, exercise: str = "") -> str:
    """A student's answer to an item as one comparable string, written as in feedback."""
    if item.got_error:
        return f"(no answer: {cut_at_word(item.got_error, 60)})"
    if item.got is MISSING:
        return "(no answer)"
    return value_text(item.got, exercise)


@dataclass
class ItemStats:
    exercise: str
    check: str
    description: str
    visibility: str
    item_id: str
    text: str
    expected: str
    answered: int = 0
    right: int = 0
    wrong_answers: Counter[str] = field(default_factory=Counter)

    @property
    def share_right(self) -> float:
        return self.right / self.answered if self.answered else 0.0

    @property
    def most_common_wrong(self) -> tuple[str, int] | None:
        return self.wrong_answers.most_common(1)[0] if self.wrong_answers else None


@dataclass
class ExerciseStats:
    exercise: str
    students: int = 0
    points: float = 0.0
    max_points: float = 0.0
    passing: int = 0
    not_gradable: int = 0

    @property
    def mean_share(self) -> float:
        return self.points / self.max_points if self.max_points else 0.0

    @property
    def share_passing(self) -> float:
        return self.passing / self.students if self.students else 0.0


@dataclass
class Confusion:
    """Counts of (expected label, given label); given may be NOT_A_LABEL."""

    counts: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def columns(self) -> tuple[str, ...]:
        return (*LABEL_IDS, NOT_A_LABEL)

    def row_total(self, expected: str) -> int:
        return sum(self.counts[expected, given] for given in self.columns)


@dataclass
class CueStats:
    exercise: str
    cue: str
    example: str  # a sentence it appears in
    expected: int = 0
    missed: int = 0

    @property
    def share_missed(self) -> float:
        return self.missed / self.expected if self.expected else 0.0


def _phrases(value: object) -> list[str] | None:
    """``value`` as a list of phrases, when it is one (or a single phrase)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


def _cues_missed(item: ItemResult) -> list[tuple[str, bool]]:
    """The cues an item asks for, each with whether this answer missed it.

    Only answers of the expected's own shape are judged (a list of phrases for a list of
    phrases; a source-and-cue dict, or None, for a source and its cue); a right answer
    misses nothing, and a call that failed is a crash, not a missed cue.
    """
    expected, got = item.expected, item.got
    if item.got_error or got is MISSING:
        return []
    if isinstance(expected, dict) and "cue" in expected:  # a source and its cue
        wanted = _phrases(expected["cue"])
        if not wanted or not (got is None or isinstance(got, dict)):
            return []
        given = _phrases(got.get("cue")) if isinstance(got, dict) else None
        found = item.correct or bool(match_phrases(given or [], wanted).pairs)
        return [(wanted[0], not found)]
    wanted = _phrases(expected) if isinstance(expected, list) else None
    given = _phrases(got) if isinstance(got, list) else None
    if not wanted or given is None:
        return []
    missed = set() if item.correct else set(match_phrases(given, wanted).missed)
    return [(phrase, phrase in missed) for phrase in wanted]


def cue_stats(results: ClassResults) -> list[CueStats]:
    """How often each cue was missed, most missed first."""
    found: dict[tuple[str, str], CueStats] = {}
    for graded in results.students:
        for check in graded.checks():
            for item in check.items:
                for cue, missed in _cues_missed(item):
                    key = (check.exercise, cue.casefold())
                    stats = found.setdefault(key, CueStats(check.exercise, cue, item.text))
                    stats.expected += 1
                    stats.missed += missed
    return sorted(found.values(), key=lambda c: (-c.share_missed, -c.expected, c.cue))


def item_stats(results: ClassResults) -> list[ItemStats]:
    """Statistics of every item any student was graded on, hardest first."""
    found: dict[tuple[str, str, str], ItemStats] = {}
    for graded in results.students:
        for check in graded.checks():
            for item in check.items:
                key = (check.exercise, check.name, item.id)
                stats = found.get(key)
                if stats is None:
                    stats = found[key] = ItemStats(
                        check.exercise, check.name, check.description, check.visibility,
                        item.id, item.text, value_text(item.expected, check.exercise))
                stats.answered += 1
                if item.correct:
                    stats.right += 1
                else:
                    stats.wrong_answers[answer_text(item, check.exercise)] += 1
    return sorted(found.values(), key=lambda s: (s.share_right, s.exercise, s.check, s.item_id))


def exercise_stats(results: ClassResults) -> list[ExerciseStats]:
    """Per exercise: mean score and share passing, over the graded students."""
    found: dict[str, ExerciseStats] = {name: ExerciseStats(name)
                                       for name in results.points_possible()}
    for graded in results.students:
        if graded.result is None:
            continue
        for summary in graded.result.exercises():
            stats = found.setdefault(summary.name, ExerciseStats(summary.name))
            stats.students += 1
            stats.points += summary.points
            stats.max_points += summary.max_points
            share = summary.points / summary.max_points if summary.max_points else 0.0
            stats.passing += share >= PASS_FRACTION
            stats.not_gradable += summary.not_gradable is not None
    return list(found.values())


def confusion(results: ClassResults) -> Confusion:
    """The label confusion matrix over every label item of every graded student."""
    matrix = Confusion()
    for graded in results.students:
        for check in graded.checks():
            for item in check.items:
                if isinstance(item.expected, str) and item.expected in LABEL_IDS:
                    given = item.got if isinstance(item.got, str) and item.got in LABEL_IDS \
                        else NOT_A_LABEL
                    matrix.counts[item.expected, given] += 1
    return matrix


def _safe(row: list[object]) -> list[object]:
    """A CSV row whose text cells a spreadsheet will not run as formulas (students'
    answers and sentences are in them)."""
    return [csv_cell(value) if isinstance(value, str) else value for value in row]


def write_item_csv(stats: list[ItemStats], path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["exercise", "check", "visibility", "item", "text", "expected",
                         "students", "right", "share_right", "most_common_wrong_answer",
                         "students_with_that_answer"])
        for s in stats:
            wrong, count = s.most_common_wrong or ("", 0)
            writer.writerow(_safe([s.exercise, s.check, s.visibility, s.item_id, s.text, s.expected,
                             s.answered, s.right, f"{s.share_right:.3f}", wrong, count]))
    return path


def write_exercise_csv(stats: list[ExerciseStats], path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["exercise", "students", "mean_share", "share_passing",
                         "not_gradable"])
        for s in stats:
            writer.writerow([s.exercise, s.students, f"{s.mean_share:.3f}",
                             f"{s.share_passing:.3f}", s.not_gradable])
    return path


def write_cue_csv(stats: list[CueStats], path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["exercise", "cue", "times_asked", "times_missed", "share_missed",
                         "example_sentence"])
        for s in stats:
            writer.writerow(_safe([s.exercise, s.cue, s.expected, s.missed,
                                   f"{s.share_missed:.3f}", s.example]))
    return path


def write_confusion_csv(matrix: Confusion, path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["expected \\ answered", *matrix.columns])
        for expected in LABEL_IDS:
            writer.writerow([expected, *(matrix.counts[expected, g] for g in matrix.columns)])
    return path
