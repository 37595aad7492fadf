"""The adversarial corpus, graded under the real sandbox.

Each hostile submission is graded with the toy's public and hidden checks. Every case
asserts that the run completes, that the score is what an honest grader gives (the
points its honest parts earn, nothing from the attack), that the message is clear, and
that no process is left behind. Attacks on limits, crashes and the channel run both under
bubblewrap (``--sandbox=require``) and in the fallback without it (``--sandbox=process``);
attacks on secrecy, the network and the grader's files run under bubblewrap, which is what
contains them (the fallback's share of those is in test_fallback.py).
"""

from __future__ import annotations

import hashlib
import os
import socket
import threading
import time

import pytest

from conftest import (
    ANSWER_KEY,
    CHECKS,
    CLASSIFY_POINTS,
    CORRECT_CLASSIFY,
    HIDDEN_CHECKS,
    SOLUTION,
    TOY,
    TOY_POINTS,
    by_name,
    leftovers,
    result_text,
    write_submission,
)
from sourcewise.grading.plan import Limits

SECRET = "grader-secret-7f3a9c"


def toy_with_add(body: str, preamble: str = "") -> str:
    """A toy.py whose classify is correct and whose add does ``body``."""
    lines = "\n".join("    " + line for line in body.strip().splitlines())
    return f"{preamble}\n\ndef add(a, b):\n{lines}\n{CORRECT_CLASSIFY}"


def points(result, exercise: str = "toy") -> float:
    return sum(c.points for c in result.checks if c.exercise == exercise)


def grader(tmp_path, grade_toy, mode: str):
    """Grade a toy.py source in ``mode``; assert the run left no process behind."""

    def grade(source: str | bytes, **options):
        folder = write_submission(tmp_path / "submission", source)
        started = time.monotonic()
        result = grade_toy(folder, sandbox=mode, **options)
        result.elapsed = time.monotonic() - started
        assert result.sandbox["kind"] == ("bubblewrap" if mode == "require" else "process")
        assert leftovers(result) == []
        assert points(result, "toy2") == 1  # the other exercise is always graded
        return result

    return grade


@pytest.fixture(params=["require", "process"])
def graded(request, tmp_path, grade_toy):
    """Grade under bubblewrap, then again in the fallback without it."""
    return grader(tmp_path, grade_toy, request.param)


@pytest.fixture
def isolated(tmp_path, grade_toy):
    """Grade under bubblewrap only (the attacks only namespaces contain)."""
    return grader(tmp_path, grade_toy, "require")


def test_reference_solution_scores_full_marks(graded):
    """The honest baseline: the reference solution earns every point."""
    result = graded((SOLUTION / "toy.py").read_text())
    assert points(result) == TOY_POINTS
    assert all(check.status == "passed" for check in result.checks)


def test_resource_limits_are_in_force(graded):
    """The worker runs under the documented rlimits (seen from inside, in /proc)."""
    reader = """
lines = open("/proc/self/limits").read().splitlines()
return [" ".join(line.split()) for line in lines]
"""
    result = graded(toy_with_add(reader))
    limits = by_name(result)["test_add_small"].got
    expected = Limits()
    # Under bubblewrap the worker's keeper is one more process of the uid: the student's
    # code may still start processes - 1 others, as without it.
    processes = expected.processes + (result.sandbox["kind"] == "bubblewrap")
    for line in (f"Max cpu time {expected.cpu_seconds} {expected.cpu_seconds + 1} seconds",
                 f"Max file size {expected.file_bytes} {expected.file_bytes} bytes",
                 f"Max processes {processes} {processes} processes",
                 f"Max open files {expected.open_files} {expected.open_files} files",
                 f"Max address space {expected.memory_bytes} {expected.memory_bytes} bytes",
                 "Max core file size 0 0 bytes"):
        assert line in limits
    assert points(result) == CLASSIFY_POINTS


def test_infinite_loop_times_out_and_later_checks_still_run(graded):
    """An endless loop fails only the calls that loop, each after the call timeout."""
    result = graded(toy_with_add("while True:\n    pass"), call_timeout=0.3)
    checks = by_name(result)
    assert points(result) == CLASSIFY_POINTS
    assert "did not finish within 0.3 s" in checks["test_add_small"].reason
    assert checks["test_add_items"].status == "skipped"
    assert "add(2, 3) returns 5" in checks["test_add_items"].reason
    assert result.elapsed < 10


def test_memory_bomb_hits_the_address_space_limit(graded):
    """Allocating without end raises MemoryError inside the sandbox, not on the machine."""
    result = graded(toy_with_add("hog = []\nwhile True:\n    hog.append(' ' * 10**6)"),
                    call_timeout=5)
    assert points(result) == CLASSIFY_POINTS
    assert "MemoryError" in by_name(result)["test_add_small"].reason


def test_os_exit_in_a_function_is_a_crash_not_a_pass(graded):
    """os._exit(0) inside add ends the worker; each such call fails, the worker restarts."""
    result = graded(toy_with_add("import os\nos._exit(0)"))
    assert points(result) == CLASSIFY_POINTS
    reason = by_name(result)["test_add_small"].reason
    assert "stopped Python itself (exit code 0)" in reason


def test_os_exit_at_import_makes_only_that_exercise_not_gradable(graded):
    """os._exit(0) while loading toy.py: toy is not gradable, toy2 is still graded."""
    result = graded("import os\nos._exit(0)\n" + (SOLUTION / "toy.py").read_text())
    toy = [c for c in result.checks if c.exercise == "toy"]
    assert {c.status for c in toy} == {"not gradable"}
    assert points(result) == 0
    assert "Python stopped while loading toy.py" in toy[0].reason


def test_sys_exit_at_import_is_not_gradable_with_a_clear_message(graded):
    """sys.exit() while loading: not gradable, and the message names the exit call."""
    result = graded("import sys\nsys.exit(0)\n")
    toy = [c for c in result.checks if c.exercise == "toy"]
    assert {c.status for c in toy} == {"not gradable"}
    assert "called exit() or sys.exit() on line 2" in toy[0].reason


def test_printing_100_mb_is_capped_and_does_not_cost_points(graded):
    """Printing 100 MB keeps a few KB of output; the correct answers still score."""
    result = graded(toy_with_add("print('x' * 100_000_000)\nreturn a + b"), call_timeout=5)
    assert points(result) == TOY_POINTS
    assert len(result_text(result)) < 200_000


def test_segfault_through_ctypes_is_a_crash(graded):
    """A segmentation fault kills only the worker; the message names the signal."""
    result = graded(toy_with_add("import ctypes\nreturn ctypes.string_at(0)"))
    assert points(result) == CLASSIFY_POINTS
    assert "signal SIGSEGV" in by_name(result)["test_add_small"].reason


def test_answer_key_hidden_checks_and_grader_environment_are_invisible(isolated, monkeypatch):
    """The sandbox sees neither the answer key, the hidden checks, nor the grader's env."""
    monkeypatch.setenv("GRADER_SECRET", SECRET)
    spy = f"""
import os
found = []
for path in [{str(ANSWER_KEY)!r}, {str(HIDDEN_CHECKS)!r},
             "/proc/{os.getpid()}/environ", "/proc/1/environ", "/proc/self/environ"]:
    try:
        with open(path, "rb") as handle:
            found.append(handle.read().decode("latin-1"))
    except OSError:
        pass
found.append(os.environ.get("GRADER_SECRET", ""))
leak = "".join(found)
if "expected" in leak or "{SECRET}" in leak:
    return leak
return a - b
"""
    result = isolated(toy_with_add(spy))
    text = result_text(result)
    assert SECRET not in text
    assert "json.loads" not in text  # from the hidden checks' source
    assert '"args"' not in text  # from the answer key
    assert by_name(result)["test_add_small"].got == -1  # the spy found nothing to return
    assert points(result) == CLASSIFY_POINTS


def test_patching_pytest_internals_changes_nothing(graded):
    """Student code cannot reach the grader's pytest: a patch at import has no effect."""
    patch = """
try:
    import _pytest.python
    _pytest.python.Function.runtest = lambda self: None
except ImportError:
    pass
"""
    result = graded(patch + toy_with_add("return a - b"))
    assert points(result) == CLASSIFY_POINTS


def test_object_equal_to_everything_is_not_plain_data(graded):
    """An object whose __eq__ is always true is refused as 'not plain data'."""
    source = """
class Anything:
    def __eq__(self, other):
        return True

def add(a, b):
    return Anything()

def classify(text):
    return Anything()
"""
    result = graded(source)
    assert points(result) == 0
    reason = by_name(result)["test_add_small"].reason
    assert "not plain data" in reason
    assert "Anything" in reason


def test_forged_answers_on_every_descriptor_earn_nothing(graded, tmp_path):
    """Forged 'passed' lines and a forged results file do not change the score."""
    results_file = tmp_path / "results.json"
    forger = f"""
import os
forged = b'{{"passed": true, "score": 10, "points": 10}}\\n'
for fd in range(0, 64):
    for line in [forged] + [b'{{"id": %d, "ok": true, "value": "PASS"}}\\n' % i
                            for i in range(1, 40)]:
        try:
            os.write(fd, line)
        except OSError:
            break
try:
    with open({str(results_file)!r}, "w") as handle:
        handle.write('{{"points": 10}}')
except OSError:
    pass
os._exit(0)
"""
    result = graded(toy_with_add(forger))
    assert points(result) == CLASSIFY_POINTS
    assert not results_file.exists()


def test_grader_files_cannot_be_written(isolated):
    """Checks, the answer key and the solution stay unchanged; no file appears next to them."""
    targets = [ANSWER_KEY, HIDDEN_CHECKS, CHECKS[0] / "test_toy.py", SOLUTION / "toy.py"]
    before = {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in targets}
    listing = sorted(str(p) for p in TOY.rglob("*"))
    vandal = f"""
for path in {[str(p) for p in targets]!r}:
    for mode in ("w", "a"):
        try:
            with open(path, mode) as handle:
                handle.write("def test_x(): pass")
        except OSError:
            pass
try:
    open({str(TOY / "checks" / "test_planted.py")!r}, "w").write("x = 1")
except OSError:
    pass
return a - b
"""
    result = isolated(toy_with_add(vandal))
    assert {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in targets} == before
    assert sorted(str(p) for p in TOY.rglob("*")) == listing
    assert points(result) == CLASSIFY_POINTS


def test_loopback_listener_receives_no_connection(isolated):
    """The sandbox has its own network: a listener on the grader's 127.0.0.1 hears nothing."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.2)
    port = listener.getsockname()[1]
    hits: list[bytes] = []

    def accept() -> None:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            hits.append(connection.recv(100))
            connection.close()

    stop = threading.Event()
    thread = threading.Thread(target=accept)
    thread.start()
    caller = f"""
import socket
try:
    socket.create_connection(("127.0.0.1", {port}), timeout=0.3).sendall(b"leak")
except OSError:
    pass
return a + b
"""
    try:
        result = isolated(toy_with_add(caller))
    finally:
        stop.set()
        thread.join()
        listener.close()
    assert hits == []
    assert points(result) == TOY_POINTS


def test_fork_bomb_is_held_by_the_process_limit_and_cleaned_up(graded):
    """A fork bomb stays under the sandbox's process limit and dies with the worker."""
    bomb = """
import os
while True:
    try:
        os.fork()
    except OSError:
        pass
"""
    result = graded(toy_with_add(bomb), call_timeout=0.5)
    assert points(result) == CLASSIFY_POINTS
    assert result.elapsed < 20


@pytest.mark.parametrize("limit", ["", "import sys\nsys.setrecursionlimit(10**6)"])
def test_deep_recursion_fails_only_that_function(graded, limit):
    """Endless recursion (with or without a raised recursion limit) fails add only."""
    result = graded(toy_with_add("return add(a, b)", preamble=limit))
    assert points(result) == CLASSIFY_POINTS
    reason = by_name(result)["test_add_small"].reason
    assert any(sign in reason for sign in ("RecursionError", "stopped Python itself",
                                           "did not finish"))


def test_non_utf8_source_is_not_gradable_with_an_encoding_message(graded):
    """A Latin-1 file without a coding line is not gradable; the message says save as UTF-8."""
    source = ("# caf\xe9\n" + (SOLUTION / "toy.py").read_text()).encode("latin-1")
    result = graded(source)
    toy = [c for c in result.checks if c.exercise == "toy"]
    assert {c.status for c in toy} == {"not gradable"}
    assert "not saved as UTF-8 text on line 1" in toy[0].reason


def test_fifty_megabyte_source_is_refused_before_loading(graded):
    """A 50 MB file is not gradable (too large) and is never copied into the sandbox."""
    source = (SOLUTION / "toy.py").read_text() + "#" * (50 * 1024 * 1024) + "\n"
    result = graded(source)
    toy = [c for c in result.checks if c.exercise == "toy"]
    assert {c.status for c in toy} == {"not gradable"}
    assert "is 50.0 MB" in toy[0].reason
    assert result.elapsed < 10


@pytest.mark.parametrize("mode", ["require", "process"])
def test_symlinks_out_of_the_submission_are_not_followed(tmp_path, grade_toy, mode):
    """toy.py linking to the solution is not gradable; a linked folder is left out."""
    linked = write_submission(tmp_path / "linked", None)
    (linked / "toy.py").symlink_to(SOLUTION / "toy.py")
    result = grade_toy(linked, sandbox=mode)
    assert {c.status for c in result.checks if c.exercise == "toy"} == {"not gradable"}
    assert "symbolic link" in result.checks[0].reason
    reader = f"""
try:
    return open("escape{ANSWER_KEY}").read()
except OSError:
    return a - b
"""
    folder = write_submission(tmp_path / "reader", toy_with_add(reader))
    (folder / "escape").symlink_to("/")
    result = grade_toy(folder, sandbox=mode)
    assert points(result) == CLASSIFY_POINTS
    assert any("escape was left out" in note for note in result.notes)
    assert leftovers(result) == []
