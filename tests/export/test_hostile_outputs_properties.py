"""Property tests: whatever text or value a student's code produces, every writer writes a
file its readers parse, and nothing reaches a terminal or a spreadsheet unsafely (issue 14,
"every text or value a student can produce is stored, shown and exported safely")."""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sourcewise.batch.intake import Intake
from sourcewise.batch.roster import Student
from sourcewise.batch.run import Plan, summary
from sourcewise.batch.store import Record, ResultStore
from sourcewise.export.class_results import load_class
from sourcewise.export.feedback import write_feedback
from sourcewise.export.gradebook import write_gradebook, write_status
from sourcewise.export.gradescope_results import write_results_json
from sourcewise.export.junit import write_junit
from sourcewise.grading.channel import ChannelError, parse_line
from sourcewise.grading.display import show
from sourcewise.grading.feedback import summary_text
from sourcewise.grading.results import CheckResult, ItemResult, SubmissionResult
from sourcewise.grading.safe_text import (
    FORMULA_START,
    clean_data,
    clean_text,
    csv_cell,
    dump_json,
    terminal_text,
    xml_text,
)
from sourcewise.grading.worker import NotPlain, to_json

HOSTILE_CHARACTERS = ["\udcff", "\ud800", "\udfff", "\ufffe", "\uffff", "\U0010ffff",
                      "\x00", "\x1b", "\x1b[2K", "\x9b", "\x07", "\r", "\n", "\t", "\u202e",
                      "\u2066", "\u2028", "\ufeff", "=", "+", "-", "@", "\uff1d", " ", "'",
                      '"', "<", "&", "]]>", "\\", "\U0001f600"]
TEXT = st.lists(st.one_of(st.characters(exclude_categories=()),
                          st.sampled_from(HOSTILE_CHARACTERS)), max_size=30).map("".join)
NUMBERS = st.one_of(
    st.integers(),
    st.integers(min_value=0, max_value=6000).map(lambda digits: 10 ** digits),
    st.integers(min_value=0, max_value=6000).map(lambda digits: -(7 ** digits)),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([float("inf"), float("-inf"), float("nan"), -0.0, 1e308, 5e-324]),
)


def nested(depth: int) -> object:
    value: object = "deep"
    for level in range(depth):
        value = [value] if level % 2 else {"k": value}
    return value


VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), NUMBERS, TEXT),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.tuples(children, children),
                               st.dictionaries(st.one_of(TEXT, st.integers()), children,
                                               max_size=4)),
    max_leaves=12,
) | st.integers(min_value=0, max_value=1200).map(nested)

SETTINGS = settings(max_examples=60, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strict_json(data: bytes) -> object:
    """Parse as a strict reader would: UTF-8 only, no NaN or Infinity."""

    def refuse(name: str) -> object:
        raise ValueError(name)

    return json.loads(data.decode("utf-8"), parse_constant=refuse)


def hostile_result(text: str, value: object, number: object) -> SubmissionResult:
    """A graded submission whose every student-controlled field holds ``text``,
    ``value`` or ``number``."""
    items = [ItemResult(f"i-{text}", False, text, value, None, f"why {text}", text),
             ItemResult("i2", False, value, number, text, text, text)]
    check = CheckResult("exercises/test_toy.py::test_x", "test_x", "who_says_so",
                        f"describes {text}", "failed", 0.0, 0.0, 3.0, reason=text,
                        hint=text, expected=value, got=number, got_error=None, items=items,
                        details=text, output=text)
    return SubmissionResult(submission=text, checks=[check], errors=[text], notes=[text])


def hostile_record(text: str, result: SubmissionResult, status: str = "graded") -> Record:
    student = Student(id=text or "x", name=text, canvas_id=text, sis_user_id=text,
                      sis_login_id=text, section=text)
    return Record(key="student", student=student, origins=(text,), status=status,
                  message=text, notes=(text,), seconds=1.0,
                  result=result.to_json() if status == "graded" else None)


@SETTINGS
@given(VALUES)
def test_dump_json_always_gives_text_every_reader_parses(value):
    """dump_json of any value is UTF-8 JSON without NaN, and cleaning twice changes nothing."""
    text = dump_json(value)
    strict_json(text.encode("utf-8"))
    assert clean_data(clean_data(value)) == clean_data(value) or value != value


@SETTINGS
@given(TEXT, VALUES, NUMBERS)
def test_results_json_is_always_written_and_reads_back(tmp_path, text, value, number):
    """--results-json is written and parses whatever the student's text and values are."""
    path = tmp_path / "results.json"
    hostile_result(text, value, number).write_json(path)
    back = SubmissionResult.from_json(strict_json(path.read_bytes()))
    assert back.checks[0].reason == clean_text(text)  # only lone surrogates change


@SETTINGS
@given(TEXT, VALUES, NUMBERS)
def test_the_result_store_saves_and_loads_any_record(tmp_path, text, value, number):
    """A stored record is written whole and loads back, whatever it holds."""
    store = ResultStore(tmp_path)
    store.save(hostile_record(text, hostile_result(text, value, number)))
    strict_json(store.path("student").read_bytes())
    assert store.load("student") is not None


@SETTINGS
@given(TEXT, VALUES, NUMBERS, st.sampled_from(["graded", "rejected"]))
def test_every_class_output_parses_and_is_defused(tmp_path, text, value, number, status):
    """gradebook, Moodle and status CSVs are defused; junit.xml parses; results.json and
    the feedback files are written and parse."""
    record = hostile_record(text, hostile_result(text, value, number), status)
    results = load_class([record])
    write_gradebook(results, tmp_path / "gradebook.csv")
    write_gradebook(results, tmp_path / "moodle.csv", points_row=False)
    write_status(results, tmp_path / "status.csv")
    for name in ("gradebook.csv", "moodle.csv", "status.csv"):
        with (tmp_path / name).open(encoding="utf-8", newline="") as stream:
            for row in csv.reader(stream):
                for cell in row:
                    assert not cell.lstrip(" \u00a0\u3000").startswith(FORMULA_START), cell
    ET.parse(write_junit(results, tmp_path / "junit.xml"))
    (graded,) = results.students
    strict_json(write_results_json(graded, tmp_path / "results.json").read_bytes())
    for path in write_feedback(graded, tmp_path / "feedback"):
        path.read_bytes().decode("utf-8")


@SETTINGS
@given(TEXT, VALUES, NUMBERS, st.booleans())
def test_the_terminal_summary_holds_no_control_characters(text, value, number, verbose):
    """The pytest summary shows student text with every control character escaped."""
    shown = terminal_text(summary_text(hostile_result(text, value, number), verbose=verbose),
                          newlines=True)
    assert not RAW_CONTROL.search(shown)
    shown.encode("utf-8")


@SETTINGS
@given(TEXT)
def test_the_batch_summary_holds_no_control_characters(text):
    """`sourcewise grade`'s summary shows folder names and messages neutralised."""
    record = hostile_record(text, hostile_result(text, 1, 1), "rejected")
    lines = summary([record], Intake((), (text,)), Plan((), 0), 1.0, Path(text or "out"),
                    [])
    assert not RAW_CONTROL.search(lines.replace("\n", ""))
    lines.encode("utf-8")


@SETTINGS
@given(TEXT)
def test_text_helpers_hold_their_promises(text):
    """xml_text, csv_cell, terminal_text and show never fail and keep their guarantees."""
    escaped = xml_text(text).replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;")
    ET.fromstring(f"<a b='{escaped}'/>")
    assert not csv_cell(text).lstrip(" \u00a0\u3000").startswith(FORMULA_START) \
        or csv_cell(text).startswith("'")
    assert not RAW_CONTROL.search(terminal_text(text))
    show(text).encode("utf-8", "surrogatepass")


@SETTINGS
@given(VALUES)
def test_show_never_fails(value):
    """Any value, huge numbers and deep nesting included, can be shown to the student."""
    assert isinstance(show(value), str)


@SETTINGS
@given(st.binary(max_size=200) | TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_the_channel_reader_refuses_or_parses_anything(data):
    """Any bytes on the answer channel are an answer or a ChannelError, nothing else."""
    try:
        message = parse_line(data)
    except ChannelError:
        return
    assert isinstance(message, dict)
    dump_json(message).encode("utf-8")


@SETTINGS
@given(VALUES)
def test_what_the_worker_sends_the_reader_takes(value):
    """A value the worker accepts crosses as ASCII JSON the trusted side parses, strings
    with lone surrogates arriving as U+FFFD; a value it refuses says why."""
    try:
        text = to_json({"v": value}, [1 << 20])
    except (NotPlain, RecursionError):
        return
    message = parse_line(text.encode("ascii"))
    json.dumps(message, ensure_ascii=False).encode("utf-8")
