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
    title = linker.link(PAGE, exercise.page, exercise.title)
    cells = [
        element("td", str(exercise.number)),
        element("th", f"{title}<br>" + element("code", esc(f"{exercise.name}.py")), scope="row"),
        element("td", lessons),
        element("td", esc(KINDS[exercise.kind])),
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
                   ("#", "Exercise and your file", "Lessons it practises", "How it is scored"))
    rows = "".join(_row(exercise, linker) for exercise in EXERCISES)
    table = element("table", element("thead", element("tr", head)) + element("tbody", rows))
    first = EXERCISES[0].name
    checking = (
        "Your files are in the <code>exercises/</code> folder. Check one exercise with "
        f"<code>pytest exercises/test_{first}.py</code> (the same pattern for every file), "
        "or all of them at once with <code>pytest</code>."
    )
    return "\n\n".join(["# Exercises", element("p", intro), table,
                         element("p", checking)]) + "\n"
