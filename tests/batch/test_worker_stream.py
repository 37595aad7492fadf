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


def test_an_engine_failure_is_that_submissions_error_and_grading_goes_on(tmp_path):
    """A failure on b: a is kept, b gets an error with its real cause at once, and c and
    the next chunk are graded in a new session."""
    engine = Engine(fail_at={"b"})
    store, replies = run(tmp_path, engine, [["a", "b", "c"], ["d", "e"]])
    assert engine.sessions == 2
    assert [(r["key"], r["status"]) for r in replies] == [
        ("a", "graded"), ("b", "error"), ("c", "graded"), ("d", "graded"), ("e", "graded")]
    message = store.load("b").message
    assert "internal error while grading this submission (RuntimeError: engine failure " \
           "on b at test_worker_stream.py:" in message
    assert "not the student's fault" in message
    assert store.load("c").result.submission == str(tmp_path / "c")
    assert store.load("d").result.submission == str(tmp_path / "d")


def test_a_result_that_cannot_be_saved_is_recorded_as_an_error(tmp_path):
    """A result the store cannot write is that student's error, saying why; the next
    student is graded."""

    class Unwritable(ResultStore):
        def save(self, record: Record) -> None:
            if record.key == "a" and record.status == "graded":
                raise UnicodeEncodeError("utf-8", "\udcff", 0, 1, "surrogates not allowed")
            super().save(record)

    store, sent = Unwritable(tmp_path / "out"), io.StringIO()
    grade_stream(Engine(), TaskStream([chunk_line(tmp_path, ["a", "b"])]), store,
                 Replies(sent))
    replies = [json.loads(line) for line in sent.getvalue().splitlines()]
    assert [(r["key"], r["status"]) for r in replies] == [("a", "error"), ("b", "graded")]
    assert "internal error while saving the result (UnicodeEncodeError" in \
        store.load("a").message


def test_a_session_that_cannot_start_fails_one_submission_at_a_time(tmp_path):
    """When the checks cannot even be collected, each failed session costs the next
    submission an error saying why; none is lost, and grading goes on."""
    engine = Engine(fail_at_start=2)
    store, replies = run(tmp_path, engine, [["a", "b"], ["c"], ["d"]])
    assert [(r["key"], r["status"]) for r in replies] == [
        ("a", "error"), ("b", "error"), ("c", "graded"), ("d", "graded")]
    assert "the checks could not be collected" in store.load("a").message
    assert engine.sessions == 3
