"""Batched calls (``student.fn.map``): one round trip, and per call exactly what single calls give.

Each hostile toy function misbehaves on one input only. The same calls are made twice, on
fresh sessions: once as a batch (``SubmissionSession.call_many``) and once one by one
(``SubmissionSession.call``), and the outcomes must be equal item by item: values, error
kinds and the messages the student reads. A batch that times out, crashes the worker or
overflows its cap must fall back to single calls; a batch whose calls merely raise or
return non-JSON values must still be answered in one round trip.
"""

from __future__ import annotations

import dataclasses
import textwrap

import pytest

from conftest import child_pids
from sourcewise.grading import NotGradable, StudentError
from sourcewise.grading.options import GradingOptions
from sourcewise.grading.plan import Limits
from sourcewise.grading.proxy import Budget, SubmissionSession
from sourcewise.grading.sandbox import plan_sandbox
from sourcewise.grading.submission import Submission

INPUTS = [1, 2, 3, 4, 5]  # every hostile function misbehaves on 3 only

HOSTILE = {
    "loops": "while True:\n    pass",
    "exits": "import os\nos._exit(0)",
    "floods": "return 'x' * 900_000",  # each answer fits one call's cap; a batch's does not
    "not_json": "return {1, 2}",
    "raises": "raise ValueError('three is bad')",
    "prints_a_lot": "print('y' * 10_000_000)\nreturn None",
}
TOY = "import os\n" + "\n".join(
    f"def {name}(x):\n    print('called with', x)\n    if x {'>=' if name == 'floods' else '=='} 3:\n"
    + textwrap.indent(body, "        ") + "\n    return x * 2\n"
    for name, body in HOSTILE.items()
) + textwrap.dedent("""
    def burns_cpu(x):
        if x == 3:
            while True:
                pass
        return x * 2

    def answers():
        return {"a": 1}
""")


@pytest.fixture(params=["require", "process"])
def session_factory(request, tmp_path):
    """Fresh sessions on one toy submission, under bubblewrap and in the fallback."""
    folder = tmp_path / "submission"
    folder.mkdir()
    (folder / "toy.py").write_text(TOY, encoding="utf-8")
    sessions = []

    def make(**options) -> SubmissionSession:
        options.setdefault("call_timeout", 0.5)
        grading = GradingOptions(sandbox=request.param, **options)
        plan = plan_sandbox(grading.sandbox, None, None, grading.limits)
        session = SubmissionSession(Submission.locate(folder, exercises=("toy",)), plan, grading)
        sessions.append(session)
        return session

    yield make
    for session in sessions:
        session.close()
    assert child_pids() == []


def outcome(value: object) -> tuple:
    """What the student reads about one call: its value, or the error's kind and message."""
    if isinstance(value, StudentError):
        return ("error", value.kind, value.call, value.reason, value.output)
    return ("value", value)


def both_ways(make, function: str, check_seconds: float = 10.0, **options):
    """(batched session, batched outcomes, single outcomes, printed both ways)."""
    batched, single = make(**options), make(**options)
    batch_budget, single_budget = Budget(check_seconds), Budget(check_seconds)
    got = batched.call_many("toy", function, [[x] for x in INPUTS], batch_budget)
    expected = []
    for x in INPUTS:
        try:
            expected.append(single.call("toy", function, (x,), {}, single_budget))
        except StudentError as error:
            expected.append(error)
    return (batched, [outcome(v) for v in got], [outcome(v) for v in expected],
            batch_budget.printed, single_budget.printed)


@pytest.mark.parametrize(("function", "kind"), [("loops", "timeout"), ("exits", "crashed")])
def test_a_batch_that_hangs_or_crashes_falls_back_to_single_calls(session_factory, function,
                                                                  kind):
    """An endless loop or os._exit on item 3 fails item 3 only, as single calls would."""
    batched, got, expected, printed, printed_single = both_ways(session_factory, function)
    assert got == expected
    assert [o[0] for o in got] == ["value", "value", "error", "value", "value"]
    assert got[2][1] == kind
    assert [o[1] for o in got if o[0] == "value"] == [2, 4, 8, 10]
    assert printed == printed_single
    if kind == "timeout":
        assert batched.batching is False  # it cost a call timeout: no more batches at all
    else:
        assert batched.unbatched == {("toy", function)}  # its later calls are single calls


def test_after_a_crashed_batch_other_functions_still_batch(session_factory):
    """A function that crashes its batch loses batching; the others keep one round trip."""
    session = session_factory()
    session.call_many("toy", "exits", [[x] for x in INPUTS], Budget(10))
    before = session.next_id
    got = session.call_many("toy", "raises", [[x] for x in INPUTS], Budget(10))
    assert session.next_id == before + 1
    assert [outcome(v)[0] for v in got] == ["value", "value", "error", "value", "value"]


def test_the_batch_time_lost_is_not_charged_to_the_check(session_factory):
    """A check budget that single calls fit into still fits after a failed batch (the
    reload after the timeout is charged, as for single calls; the lost batch is not)."""
    _, got, expected, _, _ = both_ways(session_factory, "loops", check_seconds=1.0)
    assert got == expected
    assert got[2][3] == "loops(3) did not finish within 0.5 s. Look for an endless loop or very slow code."
    assert [o[0] for o in got] == ["value", "value", "error", "value", "value"]


def test_a_batch_over_its_size_cap_falls_back_to_single_calls(session_factory):
    """Answers that together pass the batch cap are asked again one by one; each fits."""
    limits = Limits(batch_bytes=2 * 1024 * 1024)  # three answers of 900 kB pass it
    batched, got, expected, _, _ = both_ways(session_factory, "floods", limits=limits)
    assert got == expected
    assert got[2] == ("value", "x" * 900_000)
    assert batched.unbatched == {("toy", "floods")}


@pytest.mark.parametrize(("function", "kind"), [("not_json", "not_json"), ("raises", "raised")])
def test_a_call_that_fails_cleanly_keeps_the_batch(session_factory, function, kind):
    """A non-JSON value or an exception on item 3 is item 3's outcome, in one round trip."""
    batched, got, expected, printed, printed_single = both_ways(session_factory, function)
    assert got == expected
    assert got[2][1] == kind
    assert printed == printed_single == [f"called with {x}\n" for x in INPUTS]
    assert batched.batching is True
    assert not batched.unbatched
    assert batched.next_id == 2  # one load, one batch


def test_printed_output_is_captured_and_capped_per_call(session_factory):
    """Each call's output is kept apart and capped, as for single calls."""
    batched, got, expected, printed, printed_single = both_ways(session_factory, "prints_a_lot")
    assert got == expected
    assert printed == printed_single
    assert len(printed) == len(INPUTS)
    assert "more characters of output were dropped" in printed[2]
    assert batched.batching is True
    assert not batched.unbatched


def test_the_cpu_limit_still_binds_inside_a_batch(session_factory):
    """A CPU-bound call is stopped by the worker's CPU limit; only its item fails."""
    limits = Limits(cpu_seconds=1)
    # The wall-clock limits are far above the CPU limit, so that on a loaded machine (a
    # tenth of a core each) the CPU limit still binds first; on a quiet one this costs the
    # same few seconds.
    batched, got, expected, _, _ = both_ways(session_factory, "burns_cpu", check_seconds=300,
                                             call_timeout=60, limits=limits)
    assert got == expected
    assert got[2][1] == "crashed"
    assert "SIGKILL" in got[2][3] or "SIGXCPU" in got[2][3]
    assert [o[0] for o in got] == ["value", "value", "error", "value", "value"]


def test_a_missing_function_is_not_gradable_for_the_whole_batch(session_factory):
    """A batch of calls to a function the file lacks raises NotGradable, like one call."""
    session = session_factory()
    with pytest.raises(NotGradable, match="has no function named nowhere"):
        session.call_many("toy", "nowhere", [[1], [2]], Budget(5))


def test_arguments_must_be_plain_data(session_factory):
    """A check that passes a set to the student's function fails on the trusted side."""
    session = session_factory()
    with pytest.raises(TypeError):
        session.call_many("toy", "raises", [[{1, 2}]], Budget(5))


def test_a_spent_budget_gives_out_of_time_per_call(session_factory):
    """With no time left, every call of the batch says it was not run, as single calls do."""
    session = session_factory()
    budget = dataclasses.replace(Budget(1.0), spent=1.0)
    got = session.call_many("toy", "raises", [[1], [2]], budget)
    assert [error.kind for error in got] == ["out_of_time", "out_of_time"]
    assert got[0].reason.startswith("raises(1) was not run")
