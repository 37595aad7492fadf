"""The exercises overview page, generated from the exercise catalogue."""

from __future__ import annotations

from sourcewise.exercises.catalogue import EXERCISES, PASS_FRACTION, Exercise
from sourcewise.site.html import Linker, element, esc

PAGE = "exercises/index.md"

KINDS = {
    "judgment": "Judgement: scored on finding what is there without false alarms",
    "deterministic": "One right answer per item",
}


def _lesson_name(path: str) -> str:
    """A lesson's name from its file name: ``lessons/official-estimates.md`` -> "Official estimates"."""
    slug = path.rsplit("/", 1)[-1].removesuffix(".md").replace("-", " ")
    return slug[0].upper() + slug[1:]


def _row(exercise: Exercise, linker: Linker) -> str:
    lessons = ", ".join(linker.link(PAGE, page, _lesson_name(page)) for page in exercise.lessons)
    cells = [
        element("td", str(exercise.number)),
        element("th", linker.link(PAGE, exercise.page, exercise.title), scope="row"),
        element("td", lessons),
        element("td", esc(KINDS[exercise.kind])),
        element("td", element("code", esc(f"exercises/{exercise.name}.py"))),
        element("td", element("code", esc(f"pytest exercises/test_{exercise.name}.py"))),
    ]
    return element("tr", "".join(cells))


def render_exercise_index(linker: Linker) -> str:
    """The Markdown of the exercises overview: every exercise in catalogue order."""
    intro = (
        f"There are {len(EXERCISES)} exercises. Each one gives you a Python file with "
        "functions to fill in and a set of checks you can run on your own computer as often "
        "as you like. Your instructor grades the same checks plus some hidden ones, on new "
        f"sentences. An exercise is passed with {PASS_FRACTION:.0%} of its points."
    )
    head = "".join(element("th", h, scope="col") for h in
                   ("#", "Exercise", "Lessons it practises", "How it is scored",
                    "Your file", "Check your work"))
    rows = "".join(_row(exercise, linker) for exercise in EXERCISES)
    table = element("table", element("thead", element("tr", head)) + element("tbody", rows))
    return "\n\n".join(["# Exercises", element("p", intro), table]) + "\n"
