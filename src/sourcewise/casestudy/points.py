"""The teaching points a unit can be tagged with: a small fixed vocabulary, validated on load.

Each tag names one way the case-study article goes wrong (or one thing a careful reader
checks); the site and the lessons explain them with these titles and summaries.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TeachingPoint:
    id: str
    title: str
    summary: str


TEACHING_POINTS: tuple[TeachingPoint, ...] = (
    TeachingPoint(
        "uncredited-copy", "Copied without credit",
        "The words come from an earlier report that the article never names: trace them upstream.",
    ),
    TeachingPoint(
        "lost-attribution", "Lost attribution",
        "The original said who said it; the copy dropped that credit (a stray quotation mark is a tell).",
    ),
    TeachingPoint(
        "attribution-inflation", "Claim got stronger in copying",
        "A source 'told' became 'confirmed', 'permits' became 'organized', 'observed' became 'reached'.",
    ),
    TeachingPoint(
        "single-anonymous-source", "One unnamed source",
        "The claim rests on one person nobody can identify; repeating it elsewhere is not confirmation.",
    ),
    TeachingPoint(
        "wrong-period", "Wrong period",
        "An official figure is given with the wrong dates, so it no longer means what its owner said.",
    ),
    TeachingPoint(
        "no-matching-count", "No record has this figure",
        "A figure presented as official that matches no count we could find: ask whose it is.",
    ),
    TeachingPoint(
        "provided-vs-left-behind", "Provided is not left behind",
        "A count of what was supplied over many years is presented as what was left at the end.",
    ),
    TeachingPoint(
        "whose-equipment", "Whose equipment?",
        "Equipment the U.S. supplied to Afghan forces is described as the U.S. military's own.",
    ),
    TeachingPoint(
        "scope-missing", "Scope missing",
        "A statistic without its edition, place, period or measure, so it cannot be checked as stated.",
    ),
    TeachingPoint(
        "supplier-vs-maker", "Supplier is not maker",
        "Who supplied a weapon is confused with who made it.",
    ),
    TeachingPoint(
        "inference-not-trace", "An inference, not a trace",
        "A link that someone assumed is presented as one that was traced.",
    ),
    TeachingPoint(
        "relative-time", "When was 'now'?",
        "A time that depends on when the words were written: two years ago, this year, June 19.",
    ),
    TeachingPoint(
        "prices-as-anecdotes", "Prices are anecdotes",
        "A price from one market at one moment, stated without its time, place or source.",
    ),
    TeachingPoint(
        "loaded-language", "Loaded language",
        "Emotive or evaluative wording that tells the reader what to feel instead of what happened.",
    ),
    TeachingPoint(
        "non-sequitur", "Set side by side, not connected",
        "Two facts placed together as if one explained the other, with nothing linking them.",
    ),
    TeachingPoint(
        "out-of-date", "Out of date",
        "Something that was reported as true earlier, repeated after it had stopped being so.",
    ),
)

POINT_IDS: tuple[str, ...] = tuple(point.id for point in TEACHING_POINTS)


def get(point_id: str) -> TeachingPoint:
    """Return the teaching point with this id, or raise KeyError naming the valid ids."""
    for point in TEACHING_POINTS:
        if point.id == point_id:
            return point
    raise KeyError(f"unknown teaching point {point_id!r}; expected one of: {', '.join(POINT_IDS)}")
