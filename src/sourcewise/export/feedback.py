"""Per-student feedback, in Markdown and HTML, with the messages students see locally.

What a student's feedback shows, by the check's visibility:

* ``public`` and ``after_due_date`` checks: everything the local ``pytest`` run shows — the
  reason, expected and got, each missed item with its sentence and why, the hint and the
  lesson link. (Batch feedback is handed back after the due date.)
* ``hidden`` checks: the description, the result and the points, and how many of the check's
  items the student got right, with the lesson link. Never the hidden sentences, the
  expected answers, the reason or the hint: the items must stay unseen to stay useful.
"""

from __future__ import annotations

from pathlib import Path

from sourcewise.exercises.catalogue import EXERCISES
from sourcewise.export.class_results import Graded, format_points
from sourcewise.export.document import (
    Block,
    Bullets,
    Code,
    Heading,
    Inline,
    Link,
    Paragraph,
    Preformatted,
    Strong,
    Table,
    Text,
    to_html_body,
    to_html_page,
    to_markdown,
)
from sourcewise.grading.display import difference, plural, sentence, show
from sourcewise.grading.failures import MISSING
from sourcewise.grading.feedback import not_started, wrong_items
from sourcewise.grading.results import CheckResult

MAX_ITEMS_SHOWN = 12
MAX_OUTPUT_CHARS = 1500
RESULT_WORDS = {"passed": "passed", "failed": "failed", "not gradable": "not gradable",
                "skipped": "skipped"}
_TITLES = {e.name: f"{e.number}. {e.title}" for e in EXERCISES}
_PAGE_TITLES = {e.page.removesuffix(".md"): f"Exercise {e.number}: {e.title}"
                for e in EXERCISES}


def student_sees_details(check: CheckResult) -> bool:
    """Whether feedback may show this check's reason, values, items and hint."""
    return check.visibility != "hidden"


def check_blocks(check: CheckResult) -> list[Block]:
    """The feedback on one check, as much as its visibility allows."""
    blocks: list[Block] = [Paragraph((
        Strong(RESULT_WORDS.get(check.status, check.status)),
        Text(f": {format_points(check.points)} of {format_points(check.max_points)} points"),
    ))]
    if not student_sees_details(check):
        if check.items:
            right = sum(item.correct for item in check.items)
            blocks.append(Paragraph((Text(
                f"A hidden check: you got {right} of {len(check.items)} of its items right. "
                "Which ones you missed stays hidden, so that the check keeps testing the "
                "idea rather than the answers."),)))
        return blocks + _lesson(check)
    if check.status != "passed" and check.reason:
        blocks.append(Paragraph((Text(check.reason),)))
    blocks += _values(check)
    blocks += _missed_items(check)
    if check.status in ("failed", "not gradable") and check.hint:
        blocks.append(Paragraph((Strong("Hint:"), Text(" " + check.hint))))
    if check.status != "passed" and check.output:
        output = check.output[:MAX_OUTPUT_CHARS]
        blocks += [Paragraph((Text("Your code printed:"),)), Preformatted(output)]
    return blocks + _lesson(check)


def _values(check: CheckResult) -> list[Block]:
    if check.status == "passed" or check.expected is MISSING:
        return []
    lines: list[tuple[Inline, ...]] = [(Text("Expected: "), Code(show(check.expected)))]
    if check.got_error:
        lines.append((Text("Your code: "), Text(check.got_error)))
    elif check.got is not MISSING:
        lines.append((Text("Got: "), Code(show(check.got))))
        how = difference(check.expected, check.got)
        if how:
            lines.append((Text(how[0].upper() + how[1:] + "."),))
    return [Bullets(tuple(lines))]


def _missed_items(check: CheckResult) -> list[Block]:
    """The items missed: those the function gave no answer for, grouped by what happened
    (a timeout or a crash is said once, with how many items it cost), then a table of the
    wrong answers."""
    failed, answered = wrong_items(check.items)
    missed = len(answered) + sum(len(group) for group in failed.values())
    if not missed:
        return []
    right = f"You got {len(check.items) - missed} of {len(check.items)} right."
    blocks: list[Block] = [Paragraph((Text(right if failed else
                                           f"{right} The ones you missed:"),))]
    for error, group in failed.items():
        example = group[0].text or group[0].id
        blocks.append(Paragraph((Text(
            f"No answer for {plural(len(group), 'item')}: {error} "
            f"{'For example' if len(group) > 1 else 'The sentence'}: {sentence(example)}"),)))
    if not answered:
        return blocks
    rows = []
    for item in answered[:MAX_ITEMS_SHOWN]:
        answer = Code(show(item.got, 80)) if item.got is not MISSING else Text("")
        rows.append((Text(item.text or item.id), Code(show(item.expected, 80)), answer,
                     Text(item.why)))
    if failed:
        blocks.append(Paragraph((Text("The wrong answers:"),)))
    blocks.append(Table(("Sentence", "Expected", "Your answer", "Why"), tuple(rows)))
    if len(answered) > MAX_ITEMS_SHOWN:
        rest = len(answered) - MAX_ITEMS_SHOWN
        blocks.append(Paragraph((Text(f"... and {rest} more: run the checks yourself to see "
                                      f"{'it' if rest == 1 else 'them all'}."),)))
    return blocks


def _lesson(check: CheckResult, *, always: bool = False) -> list[Block]:
    if not check.lesson or (check.status == "passed" and not always):
        return []
    page = check.lesson.partition("#")[0].removesuffix(".md")
    name = _PAGE_TITLES.get(page, f"the page {page}")
    if not check.lesson_url:  # the course set no site-url: name the page, link nowhere
        return [Paragraph((Text(f"Read more: {name}, on the course site."),))]
    return [Paragraph((Text("Read more: "), Link(name, check.lesson_url)))]


def feedback_blocks(graded: Graded) -> list[Block]:
    """The whole feedback document of one student."""
    record, result = graded.record, graded.result
    name = record.student.name or record.student.id
    blocks: list[Block] = [Heading(1, f"Sourcewise feedback for {name}")]
    if result is None:
        blocks.append(Paragraph((Strong("Not graded:"), Text(" " + record.message))))
    else:
        share = result.points / result.max_points if result.max_points else 0.0
        blocks.append(Paragraph((Strong(
            f"Total: {format_points(result.points)} of {format_points(result.max_points)} "
            f"points ({share:.0%})."),)))
    if record.notes:
        blocks += [Heading(2, "About your submission"),
                   Bullets(tuple((Text(note),) for note in record.notes))]
    if result is None:
        return blocks
    by_exercise: dict[str, list[CheckResult]] = {}
    for check in graded.checks():
        by_exercise.setdefault(check.exercise, []).append(check)
    summaries = {s.name: s for s in result.exercises()}
    for exercise, checks in by_exercise.items():
        summary = summaries[exercise]
        blocks.append(Heading(2, f"{_TITLES.get(exercise, exercise)} — "
                                 f"{format_points(summary.points)} of "
                                 f"{format_points(summary.max_points)} points"))
        untouched = not_started(checks)
        if untouched:  # one line, not a section per check
            blocks.append(Paragraph((Strong("Not started:"), Text(
                f" {untouched.replace('`', '')}. Open {exercise}.py and write it; the "
                "exercise page shows how to begin."),)))
            blocks += _lesson(checks[0], always=True)
            continue
        if summary.not_gradable:
            blocks.append(Paragraph((Strong("Not gradable:"),
                                         Text(" " + summary.not_gradable))))
        blocks.append(Table(("Check", "Result", "Points"), tuple(
            (Text(c.description + (" (hidden)" if not student_sees_details(c) else "")),
             Text(RESULT_WORDS.get(c.status, c.status)),
             Text(f"{format_points(c.points)} of {format_points(c.max_points)}"))
            for c in checks)))
        for check in checks:
            if check.status != "passed" and not summary.not_gradable:
                blocks.append(Heading(3, check.description))
                blocks += check_blocks(check)
        blocks.append(Paragraph((Text("See the public checks again with "),
                                 Code(f"pytest exercises/test_{exercise}.py"), Text("."))))
    return blocks


def write_feedback(graded: Graded, folder: Path) -> list[Path]:
    """Write ``feedback.md`` and ``feedback.html`` for one student into ``folder``."""
    blocks = feedback_blocks(graded)
    folder.mkdir(parents=True, exist_ok=True)
    markdown = folder / "feedback.md"
    markdown.write_text(to_markdown(blocks), encoding="utf-8")
    page = folder / "feedback.html"
    title = f"Sourcewise feedback: {graded.record.student.name or graded.record.student.id}"
    page.write_text(to_html_page(title, to_html_body(blocks)), encoding="utf-8")
    return [markdown, page]
