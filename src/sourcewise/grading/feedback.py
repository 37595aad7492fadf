"""The end-of-run summary a student reads: per exercise and per check, with what to do next.

``summary_lines`` returns ``(text, style)`` pairs; ``style`` names a terminal colour that
only repeats what the words already say (PASSED, FAILED, ...), so colour is never the only
signal. ``summary_text`` joins them for files and tests.
"""

from __future__ import annotations

from sourcewise.grading.display import (
    difference,
    only_whitespace_differs,
    plural,
    sentence,
    show,
)
from sourcewise.grading.failures import MISSING
from sourcewise.grading.results import CheckResult, ItemResult, SubmissionResult

STATUS_LABELS = {"passed": "PASSED", "failed": "FAILED", "not gradable": "NOT GRADABLE",
                 "skipped": "SKIPPED"}
STATUS_STYLES = {"passed": "green", "failed": "red", "not gradable": "red",
                 "skipped": "yellow"}
ITEMS_SHOWN = 5
INDENT = "      "

Line = tuple[str, str | None]


def points_text(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.2f}".rstrip("0")


def title(result: SubmissionResult) -> str:
    return ("sourcewise: all checks (public and hidden)" if result.includes_hidden
            else "sourcewise: public checks")


def _expected_got(expected: object, got: object, got_error: str | None,
                  prefix: str) -> list[Line]:
    lines: list[Line] = []
    if expected is MISSING and got is MISSING and got_error is None:
        return lines
    marks = only_whitespace_differs(expected, got)
    if expected is not MISSING:
        lines.append((f"{prefix}expected: {show(expected, mark_spaces=marks)}", None))
    if got_error is not None:
        lines.append((f"{prefix}got:      no value, because {got_error}", None))
    elif got is not MISSING:
        lines.append((f"{prefix}got:      {show(got, mark_spaces=marks)}", None))
        if expected is not MISSING:
            note = difference(expected, got)
            if note:
                lines.append((f"{prefix}          ({note})", None))
    return lines


def wrong_items(items: list[ItemResult]) -> tuple[dict[str, list[ItemResult]],
                                                  list[ItemResult]]:
    """The wrong items, split: those the function gave no answer for, grouped by what
    happened (so that a timeout or a crash is said once, with how many items it cost), and
    the wrong answers."""
    failed: dict[str, list[ItemResult]] = {}
    answered = []
    for item in items:
        if item.correct:
            continue
        if item.got_error is not None:
            failed.setdefault(item.got_error, []).append(item)
        else:
            answered.append(item)
    return failed, answered


def _item_lines(items: list[ItemResult], verbose: bool) -> list[Line]:
    """The wrong items: the failed calls, each said once, then each wrong answer with its
    whole sentence, expected and got, and why."""
    failed, answered = wrong_items(items)
    lines: list[Line] = []
    for error, group in failed.items():
        lines.append((f"{INDENT}no answer for {plural(len(group), 'item')}: {error}", None))
        first = group[0]
        where = f" {sentence(first.text)}" if first.text else ""
        lines.append((f"{INDENT}  {'for example ' if len(group) > 1 else ''}item "
                      f"{first.id}:{where}", None))
        if verbose and len(group) > 1:
            lines.append((f"{INDENT}  also items {', '.join(i.id for i in group[1:])}", None))
        if len(group) == 1 and first.why:
            lines.append((f"{INDENT}  why: {first.why}", None))
    shown = answered if verbose else answered[:ITEMS_SHOWN]
    for item in shown:
        lines.append((f"{INDENT}item {item.id}:" + (f" {sentence(item.text)}" if item.text
                                                     else ""), None))
        lines += _expected_got(item.expected, item.got, item.got_error, INDENT + "  ")
        if item.why:
            lines.append((f"{INDENT}  why: {item.why}", None))
    if len(answered) > len(shown):
        lines.append((f"{INDENT}... and {plural(len(answered) - len(shown), 'more wrong item')}"
                      " (run pytest -v to see them all)", None))
    return lines


def _check_lines(check: CheckResult, verbose: bool, repeat_reason: bool) -> list[Line]:
    label = STATUS_LABELS[check.status]
    score = f"{points_text(check.points)}/{points_text(check.max_points)}"
    lines: list[Line] = [(f"  {label:<13}{check.description}  [{score}]",
                          STATUS_STYLES[check.status])]
    if check.status == "passed":
        return lines
    if check.reason and repeat_reason:
        lines.append((f"{INDENT}{check.reason}", None))
    if check.status != "failed":
        return lines
    lines += _expected_got(check.expected, check.got, check.got_error, INDENT)
    lines += _item_lines(check.items, verbose)
    if check.hint:
        lines.append((f"{INDENT}hint: {check.hint}", None))
    if check.lesson_url:
        lines.append((f"{INDENT}lesson: {check.lesson_url}", None))
    if verbose and check.output:
        lines.append((f"{INDENT}your code printed:", None))
        lines += [(f"{INDENT}  | {line}", None) for line in check.output.splitlines()[:20]]
    if verbose and check.details:
        lines += [(f"{INDENT}{line}", None) for line in check.details.splitlines()]
    return lines


def summary_lines(result: SubmissionResult, *, verbose: bool = False) -> list[Line]:
    lines: list[Line] = []
    if result.sandbox:
        lines.append((f"Sandbox: {result.sandbox.get('description')}", None))
        if result.sandbox.get("warning"):
            lines.append((f"sourcewise: {result.sandbox['warning']}", "red"))
    lines += [(f"Grader problem: {error}", "red") for error in result.errors]
    by_exercise: dict[str, list[CheckResult]] = {}
    for check in result.checks:
        by_exercise.setdefault(check.exercise, []).append(check)
    one_line = False  # the previous exercise took one line: no blank line between them
    for summary in result.exercises():
        untouched = not_started(by_exercise[summary.name])
        if untouched:
            if not one_line:
                lines.append(("", None))
            lines.append((f"{summary.name}.py: {points_text(summary.points)} of "
                          f"{points_text(summary.max_points)} points. Not started: "
                          f"{untouched}.", "bold"))
            one_line = True
            continue
        one_line = False
        lines.append(("", None))
        lines.append((f"{summary.name}.py: {points_text(summary.points)} of "
                      f"{points_text(summary.max_points)} points", "bold"))
        if summary.not_gradable:
            lines.append((f"  NOT GRADABLE: {summary.not_gradable}", "red"))
        previous = summary.not_gradable
        for check in by_exercise[summary.name]:
            # A reason shared by consecutive checks (a broken file) is printed once.
            lines += _check_lines(check, verbose, repeat_reason=check.reason != previous)
            if check.status != "passed":
                previous = check.reason
    if verbose and result.notes:
        lines.append(("", None))
        lines += [(f"Note: {note}", None) for note in result.notes]
    lines.append(("", None))
    lines += totals_lines(result)
    return lines


def not_started(checks: list[CheckResult]) -> str | None:
    """``"`find_hedges` still returns []"`` when every function the exercise's checks
    called only ever gave what its starter gives (and no check passed); else None."""
    if any(check.status in ("passed", "not gradable") for check in checks):
        return None
    returned: dict[str, set[str]] = {}
    for check in checks:
        for function, outcomes in check.returned.items():
            returned.setdefault(function, set()).update(outcomes)
    if not returned or any(len(outcomes) != 1 or "other" in outcomes
                           for outcomes in returned.values()):
        return None
    return " and ".join(f"`{function}` still {next(iter(outcomes))}"
                        for function, outcomes in returned.items())


def totals_lines(result: SubmissionResult) -> list[Line]:
    counts = result.counts()
    parts = ", ".join(f"{count} {status}" for status, count in counts.items() if count)
    scope = "All checks" if result.includes_hidden else "Public checks"
    total = (f"{scope}: {points_text(result.points)} of {points_text(result.max_points)} "
             f"points ({parts or 'no checks ran'}).")
    style = "green" if result.checks and counts["passed"] == len(result.checks) else "bold"
    lines: list[Line] = [(total, style)]
    if result.checks_withheld:
        lines.append((f"{plural(result.checks_withheld, 'more check')} "
                      f"{'is' if result.checks_withheld == 1 else 'are'} not shown yet.", None))
    if not result.includes_hidden:
        lines.append(("These are the public checks only. The grader also runs hidden checks, "
                      "so your final score can differ.", None))
    return lines


def summary_text(result: SubmissionResult, *, verbose: bool = False) -> str:
    return "\n".join(text for text, _ in summary_lines(result, verbose=verbose))
