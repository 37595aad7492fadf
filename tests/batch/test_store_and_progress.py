"""The result store keeps records whole across crashes; the progress line suits its output."""

from __future__ import annotations

import io
import json

from sourcewise.batch.progress import Progress
from sourcewise.batch.roster import Student
from sourcewise.batch.store import Record, ResultStore


def make_record(key: str = "alice", **changes) -> Record:
    fields = {"key": key, "student": Student.unlisted(key), "origins": (f"{key}.zip",),
              "status": "graded", "notes": ("a note",), "submission_digest": "s",
              "checks_digest": "c", "seconds": 0.5,
              "result": {"checks": [{"name": "x", "score": 1.0}]}}
    return Record(**(fields | changes))


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
    assert [p.name for p in store.folder.iterdir()] == ["alice.json"]


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
