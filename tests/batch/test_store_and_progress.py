"""The result store keeps records whole across crashes; the progress line suits its output."""

from __future__ import annotations

import io
import json

from sourcewise.batch.progress import Progress
from sourcewise.batch.roster import Student
from sourcewise.batch.store import Record, ResultStore
from sourcewise.grading.results import CheckResult, ItemResult, SubmissionResult


def make_record(key: str = "alice", **changes) -> Record:
    fields = {"key": key, "student": Student.unlisted(key), "origins": (f"{key}.zip",),
              "status": "graded", "notes": ("a note",), "submission_digest": "s",
              "checks_digest": "c", "seconds": 0.5, "result": a_result()}
    return Record(**(fields | changes))


def a_result() -> SubmissionResult:
    """A small engine result with one check of two items, one of them wrong."""
    items = [ItemResult("i1", True, ["a"], ["a"], None, "Because a.", "Sentence a."),
             ItemResult("i2", False, ["b"], [], None, "Missed 'b'. Because b.", "Sentence b.")]
    check = CheckResult("exercises/test_x.py::test_x", "test_x", "how_sure", "Finds hedges.",
                        "failed", 0.5, 1.0, 2.0, reason="1 of 2 items correct.", items=items)
    return SubmissionResult("/staged/alice", [check], started="2026-12-07T00:00:00Z")


def test_records_round_trip_through_the_store(tmp_path):
    """A saved record loads back equal, and the store lists it."""
    store = ResultStore(tmp_path)
    record = make_record()
    store.save(record)
    assert store.load("alice") == record
    assert store.keys() == {"alice"}
    assert store.load("bob") is None


def test_leftovers_of_a_killed_write_are_cleaned_and_corrupt_records_ignored(tmp_path):
    """A temporary file left by a crash is removed; an unreadable record counts as absent."""
    store = ResultStore(tmp_path)
    store.save(make_record())
    leftover = store.folder / ".bob.x1y2.tmp"
    leftover.write_text('{"key": "bo')
    store.path("carol").write_text("{not json")
    old = json.loads(store.path("alice").read_text())
    old["format"] = 99
    store.path("dave").write_text(json.dumps(old))
    store = ResultStore(tmp_path)
    assert not leftover.exists()
    assert store.load("carol") is None
    assert store.load("dave") is None
    assert store.load("alice") == make_record()


def test_saving_replaces_the_whole_record(tmp_path):
    """A second save of the same key replaces the record and leaves no temporary file."""
    store = ResultStore(tmp_path)
    store.save(make_record(status="error", message="worker died"))
    store.save(make_record())
    assert store.load("alice").status == "graded"
    assert sorted(p.name for p in store.folder.iterdir()) == ["alice.json", "items"]


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_without_a_terminal_prints_plain_lines_each_tenth():
    """In a log, progress is a plain line at the start and at each tenth, with time left."""
    stream, clock = io.StringIO(), FakeClock()
    progress = Progress(20, stream, tty=False, clock=clock)
    for _ in range(20):
        clock.now += 0.5
        progress.advance()
    progress.close()
    lines = stream.getvalue().splitlines()
    assert "\r" not in stream.getvalue()
    assert len(lines) == 11
    assert lines[0] == "graded 1/20 (5%), 2.0/s, about 10 s left"
    assert lines[1] == "graded 2/20 (10%), 2.0/s, about 9 s left"
    assert lines[-1] == "graded 20/20 (100%), 2.0/s"


def test_progress_on_a_terminal_redraws_one_line_with_a_bar():
    """On a terminal, the line is redrawn in place with a bar, and ends with a newline."""
    stream, clock = io.StringIO(), FakeClock()
    progress = Progress(4, stream, tty=True, clock=clock)
    for problem in (False, True, False, False):
        clock.now += 1.0
        progress.advance(problem)
    progress.close()
    text = stream.getvalue()
    assert text.count("\r") == 4
    assert text.endswith("\n")
    last = text.split("\r")[-1]
    assert last.startswith("[########################] graded 4/4 (100%), 1.0/s")
    assert "1 with errors" in last


def test_progress_is_honest_while_one_slow_submission_remains():
    """With no more left than there are workers, the line never promises "0 s left": it
    says how many are left and how long since the previous one finished, and ``tick``
    keeps saying so while the slow one runs."""
    stream, clock = io.StringIO(), FakeClock()
    progress = Progress(10, stream, tty=False, clock=clock, workers=2, log_interval=5.0)
    for _ in range(9):
        clock.now += 0.1
        progress.advance()
    assert "waiting for the last one (the previous one finished 0 s ago)" in \
        stream.getvalue().splitlines()[-1]
    assert "0 s left" not in stream.getvalue()
    printed = len(stream.getvalue().splitlines())
    clock.now += 2.0
    progress.tick()  # a log gets a line only every log_interval seconds
    assert len(stream.getvalue().splitlines()) == printed
    clock.now += 4.0
    progress.tick()
    assert stream.getvalue().splitlines()[-1] == ("graded 9/10 (90%), 1.3/s, waiting for the "
                                                  "last one (the previous one finished 6 s ago)")
    clock.now += 4.0
    progress.advance()
    assert stream.getvalue().splitlines()[-1] == "graded 10/10 (100%), 0.9/s"


def test_progress_says_less_than_a_second_rather_than_zero():
    """A fast class with more left than workers reads "less than 1 s left"."""
    stream, clock = io.StringIO(), FakeClock()
    progress = Progress(100, stream, tty=False, clock=clock, workers=2)
    for _ in range(95):
        clock.now += 0.01
        progress.advance()
    assert stream.getvalue().splitlines()[-1].endswith("less than 1 s left")
