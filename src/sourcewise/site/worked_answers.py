"""Worked answers: the reference solutions as pages of the revealed student site.

``sourcewise release --reveal`` builds the student site after the deadline with the notes of
the hand-labelling units shown and one page per exercise under ``answers/``: the reference
solution's method (its docstring), then its code, whose comments explain each rule. The
solutions are read from the folder the build is given (``SOURCEWISE_SOLUTIONS``); a normal
student build has no such folder and no such pages.
"""

from __future__ import annotations

import ast
from pathlib import Path

from sourcewise.exercises.catalogue import EXERCISES, Exercise
from sourcewise.site.html import Linker

SECTION = "Worked answers"
INDEX = "answers/index.md"


def page_of(exercise: Exercise) -> str:
    """The docs-relative path of an exercise's worked answer: ``answers/who-says-so.md``."""
    return "answers/" + exercise.page.rsplit("/", 1)[-1]


def paths() -> tuple[str, ...]:
    return (INDEX, *(page_of(e) for e in EXERCISES))


def _method(source: str) -> tuple[str, str]:
    """The module docstring as Markdown (reST ``code`` made `code`), and the code after it."""
    tree = ast.parse(source)
    first = tree.body[0] if tree.body else None
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
            and isinstance(first.value.value, str):
        lines = source.splitlines()
        code = "\n".join(lines[first.end_lineno:]).strip("\n")
        doc = first.value.value.strip().replace("``", "`")
        return doc, code
    return "", source.strip("\n")


def render_worked_answer(exercise: Exercise, source: str, linker: Linker) -> str:
    """The Markdown of one exercise's worked answer."""
    page = page_of(exercise)
    doc, code = _method(source)
    title, _, method = doc.partition("\n\n")
    back = linker.link(page, exercise.page, f"the exercise page of {exercise.title}")
    parts = [
        f"# Worked answer: {exercise.title}",
        f"**Exercise {exercise.number}.** This is the reference answer, published after the "
        f"deadline. Compare it with your own: it is one way to do it, not the only one. Back "
        f"to {back}.",
        "## The method",
        title,
        method,
        "## The code",
        "Each rule has a comment or a docstring saying why it is there. Shared helpers come "
        "first when the answer copies them from an earlier exercise, so that every file "
        "stands alone.",
        f"```python\n{code}\n```",
    ]
    return "\n\n".join(part for part in parts if part.strip()) + "\n"


def render_index(linker: Linker) -> str:
    rows = "\n".join(f"- {linker.link(INDEX, page_of(e), f'{e.number}. {e.title}')}"
                     for e in EXERCISES)
    return (f"# {SECTION}\n\nThe reference answers to the exercises, with the method behind "
            "each one. Your instructor published them after grading: read them next to your "
            "own work and your feedback.\n\n" + rows + "\n")


def render_pages(folder: Path, linker: Linker) -> dict[str, str]:
    """Every worked-answer page, from the reference solutions in ``folder``."""
    pages = {INDEX: render_index(linker)}
    for exercise in EXERCISES:
        path = folder / f"{exercise.name}.py"
        if not path.is_file():
            raise ValueError(f"{path}: no reference solution to publish as a worked answer")
        pages[page_of(exercise)] = render_worked_answer(
            exercise, path.read_text(encoding="utf-8"), linker)
    return pages


def with_worked_answers(nav: list | None) -> list | None:
    """The nav with a "Worked answers" section after the exercises (unchanged if None)."""
    if nav is None:
        return None
    entries = [INDEX, *({f"{e.number}. {e.title}": page_of(e)} for e in EXERCISES)]
    result, placed = [], False
    for item in nav:
        result.append(item)
        if isinstance(item, dict) and "Exercises" in item and not placed:
            result.append({SECTION: entries})
            placed = True
    if not placed:
        result.append({SECTION: entries})
    return result
