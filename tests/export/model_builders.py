"""Result-model objects for the output tests, built as the engine builds them."""

from __future__ import annotations

from sourcewise.batch.roster import Student
from sourcewise.batch.store import Record
from sourcewise.grading.results import CheckResult, ItemResult, SubmissionResult

HOSTILE = "<script>alert(1)</script> | `tick` **bold** [x](javascript:evil)"
HIDDEN_SENTENCE = "The harbour master reportedly resigned in June."


def check(exercise: str, name: str, status: str, score: float, max_points: float, *,
          visibility: str = "public", items: list[ItemResult] | None = None,
          **extra: object) -> CheckResult:
    """A CheckResult as the engine makes it."""
    return CheckResult(
        nodeid=f"exercises/test_{exercise}.py::{name}", name=name, exercise=exercise,
        description=f"{name.replace('_', ' ')} works.", status=status, score=score,
        points=round(score * max_points, 6), max_points=max_points, visibility=visibility,
        lesson_url=f"http://127.0.0.1:8000/exercises/{exercise}/", items=items or [],
        **{"lesson": f"exercises/{exercise}.md", **extra})


def label_items(answers: list[str], expected: list[str], prefix: str = "i",
                text: str = "Sentence {n}.") -> list[ItemResult]:
    return [ItemResult(f"{prefix}{n}", got == want, want, got, None, f"Because {want}.",
                       text.format(n=n)) for n, (got, want) in enumerate(zip(answers, expected, strict=True))]


def result_for(checks: list[CheckResult]) -> dict:
    return SubmissionResult(submission="/staged/x", checks=checks).to_json()


def class_records() -> list[Record]:
    """Alice (full marks), Bob (partial, hostile answers), Carol (rejected zip)."""
    labels = ["framing", "sourced_fact", "attributed_claim"]
    alice = result_for([
        check("who_says_so", "test_labels", "passed", 1.0, 3, items=label_items(labels, labels)),
        check("who_says_so", "test_hidden", "passed", 1.0, 2, visibility="hidden",
              items=label_items(labels[:1], labels[:1], "h", HIDDEN_SENTENCE)),
        check("how_sure", "test_finds_hedges", "passed", 1.0, 4),
    ])
    bob = result_for([
        check("who_says_so", "test_labels", "failed", 1 / 3, 3,
              items=label_items(["framing", HOSTILE, "framing"], labels),
              reason="2 of 3 sentences got the wrong label.", hint="Look for who says so."),
        check("who_says_so", "test_hidden", "failed", 0.0, 2, visibility="hidden",
              items=label_items(["sourced_fact"], labels[:1], "h", HIDDEN_SENTENCE),
              reason=f"Wrong on: {HIDDEN_SENTENCE}", hint="Secret hint about June."),
        check("how_sure", "test_finds_hedges", "not gradable", 0.0, 4,
              reason="how_sure.py has a syntax error on line 3: fix it and run the checks."),
    ])
    return [
        Record("alice", Student("alice", "Smith, Alice", "101", "S1", "asmith", "A"),
               ("alice.zip",), "graded", submission_digest="a", checks_digest="c",
               seconds=0.4, result=alice),
        Record("bob", Student.unlisted("bob"), ("bob",), "graded",
               notes=("ignored a second copy of how_sure.py at old/how_sure.py",),
               submission_digest="b", checks_digest="c", seconds=1.2, result=bob),
        Record("carol", Student.unlisted("carol"), ("carol.zip",), "rejected",
               message="the zip holds a path that points outside its folder", checks_digest="c"),
    ]
