"""A grading process grades chunk after chunk in one session, and survives engine failures.

The engine is replaced by a stand-in that grades what the stream gives it and fails when
told to: what is under test is the worker's bookkeeping (which record gets which result,
which ones get an error, and that grading goes on), not the engine.
"""

from __future__ import annotations

import io
import json

from sourcewise.batch.roster import Student
from sourcewise.batch.store import Record, ResultStore
from sourcewise.batch.worker import Replies, TaskStream, grade_stream
from sourcewise.grading.results import SubmissionResult


class Engine:
    """Grades each folder it takes from the stream; raises when it meets a folder named in
    ``fail_at`` (then starts over with the stream in a new "session")."""

    def __init__(self, fail_at: set[str] = frozenset(), fail_at_start: int = 0) -> None:
        self.fail_at = set(fail_at)
        self.fail_at_start = fail_at_start  # sessions that fail before taking anything
        self.sessions = 0

    def grade(self, folders, on_result) -> None:
        self.sessions += 1
        if self.fail_at_start:
            self.fail_at_start -= 1
            raise RuntimeError("the checks could not be collected")
        for folder in folders:
            if folder.name in self.fail_at:
                self.fail_at.discard(folder.name)
                raise RuntimeError(f"engine failure on {folder.name}")
            on_result(SubmissionResult(str(folder)))


def chunk_line(tmp_path, keys: list[str]) -> str:
    tasks = [{"key": key, "staged": str(tmp_path / key),
              "record": Record(key, Student(key), (key,), "ready").to_json()} for key in keys]
    return json.dumps(tasks)


def run(tmp_path, engine: Engine, chunks: list[list[str]]) -> tuple[ResultStore, list[dict]]:
    store = ResultStore(tmp_path / "out")
    sent = io.StringIO()
    grade_stream(engine, TaskStream(chunk_line(tmp_path, c) for c in chunks), store,
                 Replies(sent))
    return store, [json.loads(line) for line in sent.getvalue().splitlines()]


def test_every_chunk_is_graded_in_one_session_in_order(tmp_path):
    """Chunks read one after another feed one session; each record gets its own result."""
    engine = Engine()
    store, replies = run(tmp_path, engine, [["a", "b"], ["c"], ["d", "e"]])
    assert engine.sessions == 1
    assert [r["key"] for r in replies] == ["a", "b", "c", "d", "e"]
    for key in "abcde":
        record = store.load(key)
        assert record.status == "graded"
        assert record.result.submission == str(tmp_path / key)


def test_an_engine_failure_fails_the_rest_of_its_chunk_and_grading_goes_on(tmp_path):
    """A failure on b: a is kept, b and c get an error, the next chunk is graded anew."""
    engine = Engine(fail_at={"b"})
    store, replies = run(tmp_path, engine, [["a", "b", "c"], ["d", "e"]])
    assert engine.sessions == 2
    assert [(r["key"], r["status"]) for r in replies] == [
        ("a", "graded"), ("b", "error"), ("c", "error"), ("d", "graded"), ("e", "graded")]
    assert "internal error while grading (RuntimeError: engine failure on b)" in \
        store.load("c").message
    assert store.load("d").result.submission == str(tmp_path / "d")


def test_a_session_that_cannot_start_fails_one_chunk_at_a_time(tmp_path):
    """When the checks cannot even be collected, each chunk gets errors; none is lost."""
    engine = Engine(fail_at_start=2)
    store, replies = run(tmp_path, engine, [["a", "b"], ["c"], ["d"]])
    assert [(r["key"], r["status"]) for r in replies] == [
        ("a", "error"), ("b", "error"), ("c", "error"), ("d", "graded")]
    assert engine.sessions == 3
