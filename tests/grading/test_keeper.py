"""The keeper (``worker.keep``): under bubblewrap, a worker that dies answering a request
is replaced by a fork of the sandbox's init (or of a template that has loaded the module)
instead of a new sandbox, and after a timeout or garbage the init resets the sandbox. Every
outcome must be what a restart gives: the same values, error kinds, messages and details,
item by item, with the student's state (module globals, files in /tmp, processes) reset as
after a restart.
"""

from __future__ import annotations

import textwrap

import pytest

from conftest import child_pids
from sourcewise.grading import StudentError, launch, proxy
from sourcewise.grading.options import GradingOptions
from sourcewise.grading.proxy import Budget, SubmissionSession
from sourcewise.grading.sandbox import plan_sandbox
from sourcewise.grading.submission import Submission

TOY = textwrap.dedent("""
    import os

    COUNT = 0

    def counts(x):
        # state kept between calls, until the worker dies
        global COUNT
        COUNT += 1
        if x % 3 == 0:
            os._exit(x)
        return COUNT

    def segfaults(x):
        if x == 3:
            import ctypes
            ctypes.string_at(0)
        return x

    def leaves_files(x):
        seen = sorted(os.listdir("/tmp"))
        open(f"/tmp/{x}", "w").close()
        if x == 3:
            os._exit(1)
        return seen

    def forks(x):
        # leaves a process behind, then crashes on even inputs: what it left must die
        if os.fork() == 0:
            import time
            time.sleep(60)
        if x % 2 == 0:
            os._exit(0)
        return x

    def fills_tmp(x):
        # 1 MB files (the file-size limit) until /tmp is full: how many fit
        written = 0
        try:
            while written < 64:
                with open(f"/tmp/fill{written}", "wb") as out:
                    out.write(bytes(1024 * 1024))
                written += 1
        except OSError:
            pass
        return written

    def forks_and_returns(x):
        # every copy returns into the worker's code, as a fork bomb's copies do (forks
        # fail once the copies, ended but not reaped, fill the process limit)
        for _ in range(3):
            try:
                os.fork()
            except OSError:
                pass
        return x

    def loops(x):
        if x == 3:
            while True:
                pass
        return x

    def writes_garbage(x):
        if x == 3:
            import sys
            os.write(int(sys.argv[2]), b"not an answer\\n")  # the worker's answer pipe
        return x

    def spawns(x):
        # as many processes as the process limit allows: it must bind as without a keeper,
        # except that after a crash the template is one more process of the sandbox
        children = 0
        try:
            while True:
                if os.fork() == 0:
                    import time
                    time.sleep(60)
                children += 1
        except OSError:
            pass
        if x == 2:
            os._exit(0)
        return children
""")
INPUTS = list(range(1, 8))


@pytest.fixture
def make(tmp_path, monkeypatch):
    """Sessions on the toy under bubblewrap, with the keeper on or off; counts sandboxes."""
    folder = tmp_path / "submission"
    folder.mkdir()
    (folder / "toy.py").write_text(TOY, encoding="utf-8")
    sessions, starts = [], []
    start = proxy.SubmissionSession._start

    def counted(self):
        starts.append(self)
        return start(self)

    monkeypatch.setattr(proxy.SubmissionSession, "_start", counted)

    def session(keeper: bool, call_timeout: float = 2) -> SubmissionSession:
        monkeypatch.setattr(launch, "KEEPER", keeper)
        options = GradingOptions(sandbox="require", call_timeout=call_timeout)
        plan = plan_sandbox(options.sandbox, None, None, options.limits)
        made = SubmissionSession(Submission.locate(folder, exercises=("toy",)), plan, options)
        made._start()
        made.starts = lambda: starts.count(made)
        sessions.append(made)
        return made

    yield session
    for made in sessions:
        made.close()
    assert child_pids() == []


def outcome(value: object) -> tuple:
    """A call's value, or what its error says: kind, call, message, output, and the
    student's lines of the details (the worker's own frames and thread ids differ)."""
    if isinstance(value, StudentError):
        details = [line for line in value.details.splitlines()
                   if "toy.py" in line or line.startswith("Fatal")]
        return ("error", value.kind, value.call, value.reason, value.output, details)
    return ("value", value)


def run(session: SubmissionSession, function: str) -> list[tuple]:
    """The function's calls as one batch, then one by one: every outcome."""
    got = [outcome(v) for v in session.call_many("toy", function, [[x] for x in INPUTS],
                                                  Budget(10))]
    for x in INPUTS:
        try:
            got.append(outcome(session.call("toy", function, (x,), {}, Budget(10))))
        except StudentError as error:
            got.append(outcome(error))
    return got


@pytest.mark.parametrize("function", ["counts", "segfaults", "leaves_files", "forks"])
def test_a_crash_under_the_keeper_gives_what_a_restart_gives(make, function):
    restarted, kept = make(keeper=False), make(keeper=True)
    expected, got = run(restarted, function), run(kept, function)
    assert got == expected
    assert any(o[0] == "error" and o[1] == "crashed" for o in got)
    assert restarted.starts() > 1  # without the keeper, each crash costs a new sandbox
    assert kept.starts() == 1


@pytest.mark.parametrize(("function", "kind"), [("loops", "timeout"),
                                              ("writes_garbage", "garbage")])
def test_a_reset_after_a_timeout_or_garbage_gives_what_a_new_sandbox_gives(make, function,
                                                                         kind):
    """After a timeout or garbage on the channel the keeper resets the sandbox (every
    process killed, the pipes emptied) instead of the grader starting a new one."""
    restarted, kept = make(keeper=False, call_timeout=0.3), make(keeper=True, call_timeout=0.3)
    expected, got = run(restarted, function), run(kept, function)
    assert got == expected
    assert [o[1] for o in got if o[0] == "error"] == [kind] * 2
    assert [o[1] for o in got[:3]] == [1, 2, kind]  # the batch fell back to single calls
    assert restarted.starts() > 1
    assert kept.starts() == 1


def test_a_reset_kills_what_the_worker_left_behind(make):
    """Processes the student's code started die at a reset, as with a new sandbox."""
    session = make(keeper=True, call_timeout=0.3)
    session.call("toy", "forks", (1,), {}, Budget(10))  # leaves a sleeping process
    with pytest.raises(StudentError, match="did not finish"):
        session.call("toy", "loops", (3,), {}, Budget(10))
    # the sleeper is gone: every process but the keeper and its template (made by the
    # load after the reset) is the student's to start again
    assert session.call("toy", "spawns", (1,), {}, Budget(10)) == \
        GradingOptions().limits.processes - 2
    assert session.template == ("toy",)
    assert session.starts() == 1


def test_the_keeper_reports_the_exit_status_and_resets_state(make):
    got = run(make(keeper=True), "counts")
    singles = got[len(INPUTS):]
    assert [o[1] for o in singles] == [2, 3, "crashed", 1, 2, "crashed", 1]
    assert "(exit code 3)" in singles[2][3]
    assert "(exit code 6)" in singles[5][3]
    segfault = run(make(keeper=True), "segfaults")[2]
    assert "signal SIGSEGV" in segfault[3]
    assert any("toy.py" in line for line in segfault[5])  # faulthandler's traceback


def test_the_private_tmp_is_writable_and_small(make):
    """The student's code can write to its private /tmp, which holds at most 16 MB."""
    filled = make(keeper=True).call("toy", "fills_tmp", (1,), {}, Budget(10))
    assert 8 <= filled <= GradingOptions().limits.tmp_bytes // (1024 * 1024)


def test_files_left_in_tmp_are_gone_after_a_crash(make):
    """Files the student's code left in /tmp are gone after a crash, as in a new sandbox."""
    got = run(make(keeper=True), "leaves_files")[len(INPUTS):]
    # the batch before left files 4 to 7 (its crash at 3 emptied /tmp of 1 and 2)
    assert got[:2] == [("value", ["4", "5", "6", "7"]), ("value", ["1", "4", "5", "6", "7"])]
    assert got[2][:2] == ("error", "crashed")
    assert got[3] == ("value", [])  # a fresh /tmp, as in a new sandbox


def test_the_process_limit_binds_as_without_a_keeper_until_a_crash(make):
    """Before the first crash the student's code may start exactly as many processes as
    without a keeper (the limit minus the worker); with a template, one fewer. (The
    sessions run one after the other: they share the slot's uid, which the limit counts.)"""
    counts = {}
    for keeper in (False, True):
        session = make(keeper=keeper)
        first = session.call("toy", "spawns", (1,), {}, Budget(10))
        with pytest.raises(StudentError, match="exit code 0"):
            session.call("toy", "spawns", (2,), {}, Budget(10))
        counts[keeper] = (first, session.call("toy", "spawns", (3,), {}, Budget(10)))
        if keeper:
            assert session.template == ("toy",)
        session.close()
    processes = GradingOptions().limits.processes
    assert counts[False] == (processes - 1, processes - 1)
    assert counts[True] == (processes - 1, processes - 2)


@pytest.mark.parametrize("keeper", [False, True])
def test_copies_the_students_code_forked_never_answer(make, keeper):
    """Copies of the worker that the student's code forked end when they return into the
    worker, so every call gets its own answer and no sandbox is reset or restarted."""
    session = make(keeper=keeper)
    got = session.call_many("toy", "forks_and_returns", [[x] for x in INPUTS], Budget(10))
    got += [session.call("toy", "forks_and_returns", (x,), {}, Budget(10)) for x in INPUTS]
    assert got == INPUTS + INPUTS
    assert session.starts() == 1
