"""The editor block of the coded exercise pages: a section added to each page's Markdown.

The block is plain HTML that works without JavaScript (the starter in a text box, and a
note on the local route); ``runner/runner.js`` turns it into the editor with "Check my
work". It is added by the hook, before the page's "Check your work" section, so the
hand-written pages carry no marker and stay the writers' own.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from sourcewise.exercises.catalogue import EXERCISES, Exercise
from sourcewise.site.runner import student_files

# Exercise 1 is done in a form on its page, not in code.
NOT_CODED = frozenset({"label_by_hand"})
HEADING = "Do it here, in your browser"
_BEFORE = re.compile(r"^## (Check your work|Hints)\b", re.MULTILINE)


def coded_exercise(page: str) -> Exercise | None:
    """The coded exercise whose page is ``page`` (docs-relative), if any."""
    for exercise in EXERCISES:
        if exercise.page == page and exercise.name not in NOT_CODED:
            return exercise
    return None


def _attribute(text: str) -> str:
    return html.escape(text, quote=True)


def _text_block(text: str) -> str:
    """Text for a textarea, on one line: a blank line would end Markdown's HTML block."""
    return html.escape(text, quote=False).replace("\r", "").replace("\n", "&#10;")


def runner_block(exercise: Exercise, exercises_folder: Path) -> str:
    """The HTML (as Markdown) of the editor section of ``exercise``'s page."""
    name = f"{exercise.name}.py"
    helpers = [f.name for f in student_files(exercises_folder) if f.exercise is None]
    starter = (exercises_folder / name).read_text(encoding="utf-8")
    code_id = f"sw-code-{exercise.name}"
    note_id = f"sw-note-{exercise.name}"
    choose = ""
    if helpers:
        options = "".join(f'<option value="{_attribute(n)}">{html.escape(n)}</option>'
                          for n in [name, *helpers])
        choose = (f'<p class="sw-runner__tools" hidden><label for="{code_id}-file">File '
                  f'to edit</label> <select id="{code_id}-file" class="sw-runner__file">'
                  f"{options}</select></p>")
    lines = [
        f"## {HEADING} {{#in-the-browser}}",
        "",
        f'<div class="sw-runner" data-exercise="{exercise.name}">',
        f'<p id="{note_id}">Write <code>{name}</code> here and press <strong>Check my '
        "work</strong>: the exercise's public checks run in your browser, with nothing to "
        "install, and show the same feedback as <code>pytest</code> on a computer. Your "
        "work is saved in this browser as you type. These results are for learning: your "
        "grade comes from your instructor's run of the checks, which adds hidden checks. To "
        "hand in, press <strong>Download all</strong> and upload the zip to your course "
        "page.</p>",
        choose,
        f'<p><label for="{code_id}"><code>{name}</code></label></p>',
        f'<textarea id="{code_id}" class="sw-runner__code" data-file="{name}" '
        f'aria-label="Code of {name}" aria-describedby="{note_id}" spellcheck="false" '
        f'autocapitalize="off" autocomplete="off" rows="20">{_text_block(starter)}</textarea>',
        '<div class="sw-runner__tools" hidden>'
        '<button type="button" data-action="check">Check my work</button> '
        '<button type="button" data-action="reset">Reset to the starter</button> '
        '<button type="button" data-action="download">Download</button> '
        '<button type="button" data-action="download-all">Download all</button> '
        '<button type="button" data-action="open">Open a file</button>'
        '<input type="file" accept=".py,text/x-python,text/plain" hidden tabindex="-1">'
        "</div>",
        '<p class="sw-runner__tools" hidden><progress max="1" hidden></progress> '
        '<span class="sw-runner__status" role="status"></span></p>',
        '<div class="sw-runner__results"></div>',
        "<noscript><p>The editor needs JavaScript. Without it, copy this starter into "
        f"<code>exercises/{name}</code> and check it on a computer as the next section "
        "says.</p></noscript>",
        "</div>",
        "",
    ]
    return "\n".join(line for line in lines if line is not None) + "\n"


def add_runner(markdown: str, page: str, exercises_folder: Path) -> str:
    """``markdown`` with the editor section added, if ``page`` is a coded exercise's page:
    before its "Check your work" (or "Hints") section, else at the end."""
    exercise = coded_exercise(page)
    if exercise is None or not (exercises_folder / f"{exercise.name}.py").is_file():
        return markdown
    block = runner_block(exercise, exercises_folder)
    match = _BEFORE.search(markdown)
    if match is None:
        return f"{markdown.rstrip()}\n\n{block}"
    return f"{markdown[:match.start()]}{block}\n{markdown[match.start():]}"
