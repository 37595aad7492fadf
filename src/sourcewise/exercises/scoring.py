"""Discernment scoring for the judgment exercises: phrase matching, hit and false-alarm rates,
and balanced accuracy for labels.

Every judgment item set mixes *targets* (sentences with something to find: a source, a hedge,
a loaded word) with *controls* (neutral sentences with nothing to find). A score that only
counted what a student found would reward flagging everything, so the score subtracts the
false alarms. The rules below are the ones the exercise pages explain in plain words.

**Phrase matching.** Both phrases are compared as words: lower case, curly quotes made
straight, runs of spaces collapsed, punctuation at the edges of each word dropped. A phrase a
student found matches an expected phrase when one contains the other, word for word, and they
differ by at most ``MAX_EXTRA_WORDS`` words ("The experts say" matches "experts say";
"believed" matches "are believed"). A phrase made only of small words ("the", "to", "are")
never matches, and the whole sentence never matches a short cue.

**Span items.** On a target, the item's credit is ``right / (expected + extra)``: the share
of the expected phrases found, lowered by every extra phrase that matches none of them. On a
control, any phrase is a false alarm.

**The score.** ``hit rate - false-alarm rate``, never below 0: the hit rate is the average
credit over the targets, the false-alarm rate the share of controls where something was
flagged. Flagging everything gives a false-alarm rate of 1 and a score of 0; flagging nothing
gives a hit rate of 0 and a score of 0.

**Labels.** Balanced accuracy: for each label, the share of its sentences labelled correctly
(an ``accept`` label counts as correct), averaged over the labels. It is then corrected for
chance, as Cohen's kappa is: ``chance`` is the balanced accuracy the same answers would
reach if shuffled at random among the sentences, and the score is
``(balanced accuracy - chance) / (1 - chance)``, never below 0. Answering one label for
every sentence scores 0 however many sentences accept that label; all right scores 1.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

MAX_EXTRA_WORDS = 2

SMALL_WORDS = frozenset({
    "a", "an", "the", "to", "of", "in", "on", "at", "by", "for", "and", "or", "but", "as",
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "it", "its",
    "this", "that", "these", "those", "with", "from",
})

_STRAIGHT_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_WORD_EDGES = ".,;:!?\"'()[]{}\u2014\u2013-\u2026"


@lru_cache(maxsize=8192)
def words(phrase: str) -> tuple[str, ...]:
    """Return the normalised words of ``phrase`` (the form every comparison uses).

    Cached: grading and the item analysis compare the same phrases again and again.
    """
    cleaned = (token.strip(_WORD_EDGES) for token in phrase.translate(_STRAIGHT_QUOTES).split())
    return tuple(token.casefold() for token in cleaned if token)


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    width = len(shorter)
    return any(longer[i : i + width] == shorter for i in range(len(longer) - width + 1))


def phrases_match(found: str, expected: str) -> bool:
    """True when ``found`` counts as ``expected`` under the matching rule of this module."""
    got, want = words(found), words(expected)
    if not got or not want or all(word in SMALL_WORDS for word in got):
        return False
    shorter, longer = sorted((got, want), key=len)
    return len(longer) - len(shorter) <= MAX_EXTRA_WORDS and _contains(longer, shorter)


@dataclass(frozen=True)
class PhraseMatch:
    """How a student's phrases line up with the expected ones for one item."""

    pairs: tuple[tuple[str, str], ...]  # (found, expected)
    missed: tuple[str, ...]  # expected phrases nobody matched
    extra: tuple[str, ...]  # found phrases that match no expected phrase


def match_phrases(found: Sequence[str], expected: Sequence[str]) -> PhraseMatch:
    """Pair each expected phrase with at most one found phrase, exact matches first.

    Found phrases that are blank after normalising are ignored; a phrase found twice counts
    once, and its repeat is extra.
    """
    unused = [phrase for phrase in found if words(phrase)]
    paired: dict[str, str] = {}
    for exact in (True, False):
        for want in expected:
            if want in paired:
                continue
            for got in unused:
                if (words(got) == words(want)) if exact else phrases_match(got, want):
                    paired[want] = got
                    unused.remove(got)
                    break
    return PhraseMatch(
        pairs=tuple((paired[want], want) for want in expected if want in paired),
        missed=tuple(want for want in expected if want not in paired),
        extra=tuple(unused),
    )


HIT = "hit"
PARTIAL_HIT = "partial hit"
MISS = "miss"
FALSE_ALARM = "false alarm"
CORRECT_REJECTION = "correct rejection"


@dataclass(frozen=True)
class ItemOutcome:
    """One item seen as a signal-detection trial."""

    target: bool  # the item has something to find
    credit: float  # targets: the share found (lowered by extras); controls: 1 if left clear
    flagged: bool  # the student reported something for this item

    @property
    def kind(self) -> str:
        if not self.target:
            return FALSE_ALARM if self.flagged else CORRECT_REJECTION
        if self.credit >= 1:
            return HIT
        return PARTIAL_HIT if self.credit > 0 else MISS

    @property
    def correct(self) -> bool:
        return self.kind in (HIT, CORRECT_REJECTION)


def target_outcome(right: float, expected: int, extra: int = 0) -> ItemOutcome:
    """A target's outcome: ``right`` of ``expected`` parts found, plus ``extra`` wrong phrases."""
    if expected <= 0:
        raise ValueError("a target must expect at least one thing")
    if not 0 <= right <= expected or extra < 0:
        raise ValueError(f"bad counts: right={right}, expected={expected}, extra={extra}")
    return ItemOutcome(True, right / (expected + extra), right > 0 or extra > 0)


def control_outcome(flagged: bool) -> ItemOutcome:
    """A control's outcome: flagging anything on it is a false alarm."""
    return ItemOutcome(False, 0.0 if flagged else 1.0, flagged)


@dataclass(frozen=True)
class Discernment:
    """Hit rate minus false-alarm rate over an item set."""

    hit_rate: float
    false_alarm_rate: float
    targets: int
    controls: int
    false_alarms: int

    @property
    def score(self) -> float:
        return min(1.0, max(0.0, self.hit_rate - self.false_alarm_rate))

    def explain(self) -> str:
        """The score's arithmetic in one plain sentence, for the student's feedback."""
        return (
            f"Score {self.score:.2f} = hit rate {self.hit_rate:.2f} (average credit on the "
            f"{self.targets} sentences with something to find) minus false-alarm rate "
            f"{self.false_alarm_rate:.2f} ({self.false_alarms} of the {self.controls} neutral "
            f"sentences flagged), never below 0."
        )


def discernment(outcomes: Iterable[ItemOutcome]) -> Discernment:
    """Score a set of item outcomes.

    With no targets the hit rate is 1 (there was nothing to miss); with no controls the
    false-alarm rate is 0 (there was nothing to flag wrongly). An empty set is an error.
    """
    outcomes = list(outcomes)
    if not outcomes:
        raise ValueError("cannot score an empty item set")
    credits = [o.credit for o in outcomes if o.target]
    controls = [o for o in outcomes if not o.target]
    false_alarms = sum(o.flagged for o in controls)
    return Discernment(
        hit_rate=sum(credits) / len(credits) if credits else 1.0,
        false_alarm_rate=false_alarms / len(controls) if controls else 0.0,
        targets=len(credits),
        controls=len(controls),
        false_alarms=false_alarms,
    )


@dataclass(frozen=True)
class LabelAnswer:
    """One labelling decision: the annotated label, the student's answer, the alternatives."""

    expected: str
    got: str  # the student's answer as text (an invalid answer is shown as its repr)
    accepted: tuple[str, ...] = ()  # other labels a careful reader could defend

    @property
    def correct(self) -> bool:
        return self.got == self.expected or self.got in self.accepted


@dataclass(frozen=True)
class LabelScore:
    """Balanced accuracy over labels, corrected for chance, with the mistakes behind it."""

    answers: tuple[LabelAnswer, ...]

    @property
    def recall(self) -> dict[str, tuple[int, int]]:
        """label -> (answered correctly, sentences with that label), in order of appearance."""
        tally: dict[str, list[int]] = {}
        for answer in self.answers:
            counts = tally.setdefault(answer.expected, [0, 0])
            counts[0] += answer.correct
            counts[1] += 1
        return {label: (right, total) for label, (right, total) in tally.items()}

    def _balanced(self, credit: Callable[[LabelAnswer], float]) -> float:
        shares: dict[str, list[float]] = {}
        for answer in self.answers:
            shares.setdefault(answer.expected, []).append(credit(answer))
        return sum(sum(v) / len(v) for v in shares.values()) / len(shares)

    @property
    def balanced_accuracy(self) -> float:
        return self._balanced(lambda answer: float(answer.correct))

    @property
    def chance(self) -> float:
        """The balanced accuracy expected if the same answers were shuffled among the items."""
        counts = Counter(answer.got for answer in self.answers)
        total = len(self.answers)

        def expected_credit(answer: LabelAnswer) -> float:
            fits = {answer.expected, *answer.accepted}
            return sum(n for got, n in counts.items() if got in fits) / total

        return self._balanced(expected_credit)

    @property
    def score(self) -> float:
        chance = self.chance
        if chance >= 1:
            return 0.0
        return max(0.0, (self.balanced_accuracy - chance) / (1 - chance))

    @property
    def mistakes(self) -> Counter[tuple[str, str]]:
        return Counter((a.expected, a.got) for a in self.answers if not a.correct)

    def most_frequent_mistake(self) -> tuple[str, str, int] | None:
        """(expected, got, count) of the commonest confusion, or None if there was none."""
        if not self.mistakes:
            return None
        (expected, got), count = max(self.mistakes.items(), key=lambda kv: (kv[1], kv[0]))
        return expected, got, count

    def explain(self) -> str:
        """The score's arithmetic and the commonest mistake, for the student's feedback."""
        shares = ", ".join(f"{label} {r}/{t}" for label, (r, t) in self.recall.items())
        text = (
            f"Score {self.score:.2f}. Balanced accuracy {self.balanced_accuracy:.2f}: the "
            f"average over the {len(self.recall)} labels of the share of each label's "
            f"sentences you got right ({shares}). Your same answers shuffled at random "
            f"would reach {self.chance:.2f}, so the score is ({self.balanced_accuracy:.2f} - "
            f"{self.chance:.2f}) / (1 - {self.chance:.2f}), never below 0."
        )
        mistake = self.most_frequent_mistake()
        if mistake:
            expected, got, count = mistake
            text += (
                f" Your most frequent mistake: {expected} sentences answered as {got} "
                f"({count} time{'s' if count != 1 else ''})."
            )
        return text


def label_score(answers: Iterable[LabelAnswer]) -> LabelScore:
    """Score labelling decisions (see LabelScore); an empty set is an error."""
    answers = tuple(answers)
    if not answers:
        raise ValueError("cannot score an empty item set")
    return LabelScore(answers)
