"""The nine exercises: their stable names, titles, pages and the lessons they practise."""

from __future__ import annotations

from dataclasses import dataclass

# A check run passes an exercise at this share of its points; trivial baselines must score
# clearly below it.
PASS_FRACTION = 0.6

# Helper modules that ship with the starters (exercises/<name>.py). Every exercise may
# import them; no exercise imports another exercise. A submission without its own copy is
# graded with the course's copy (grading.submission.course_helpers).
HELPER_MODULES: tuple[str, ...] = ("textkit",)


@dataclass(frozen=True)
class Exercise:
    """One exercise. ``name`` is stable once released: it names the student's file."""

    number: int
    name: str  # exercises/<name>.py, exercises/test_<name>.py
    title: str
    kind: str  # "judgment" (scored for discernment) or "deterministic"
    page: str  # the exercise page, relative to docs/
    lessons: tuple[str, ...]  # lesson pages it practises, relative to docs/


EXERCISES: tuple[Exercise, ...] = (
    Exercise(1, "label_by_hand", "Label by hand", "judgment",
             "exercises/label-by-hand.md", ("lessons/sourced-facts.md", "lessons/unsourced-assertions.md")),
    Exercise(2, "split_sentences", "Split into sentences", "deterministic",
             "exercises/split-sentences.md", ("lessons/tracing-upstream.md",)),
    Exercise(3, "who_says_so", "Who says so?", "judgment",
             "exercises/who-says-so.md", ("lessons/attributed-claims.md", "lessons/sourced-facts.md")),
    Exercise(4, "how_sure", "How sure are they?", "judgment",
             "exercises/how-sure.md", ("lessons/vague-attribution.md",)),
    Exercise(5, "numbers_need_owners", "Numbers need owners", "deterministic",
             "exercises/numbers-need-owners.md", ("lessons/official-estimates.md",)),
    Exercise(6, "loaded_language", "Loaded language", "judgment",
             "exercises/loaded-language.md", ("lessons/framing.md",)),
    Exercise(7, "put_it_together", "Put it together", "judgment",
             "exercises/put-it-together.md", ("lessons/unsourced-assertions.md",)),
    Exercise(8, "trace_the_quote", "Trace the quote", "deterministic",
             "exercises/trace-the-quote.md", ("lessons/tracing-upstream.md",)),
    Exercise(9, "when_was_now", 'When was "now"?', "deterministic",
             "exercises/when-was-now.md", ("lessons/official-estimates.md",)),
)


def get(name: str) -> Exercise:
    """Return the exercise with this name, or raise KeyError naming the valid names."""
    for exercise in EXERCISES:
        if exercise.name == name:
            return exercise
    valid = ", ".join(e.name for e in EXERCISES)
    raise KeyError(f"unknown exercise {name!r}; expected one of: {valid}")
