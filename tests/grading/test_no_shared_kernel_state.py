"""No kernel state outlives a student's sandbox: what one student's code stores in the uid's
keyring (or System V IPC, /dev/shm, /tmp) a later student's code cannot read, in the same
uid slot, under bubblewrap and, for the keyring, in the fallback (issue 14, kind 5)."""

from __future__ import annotations

import pytest

from sourcewise.grading.options import GradingOptions
from sourcewise.grading.proxy import Budget, SubmissionSession
from sourcewise.grading.sandbox import plan_sandbox
from sourcewise.grading.seccomp import program
from sourcewise.grading.submission import Submission

TOY = '''
import ctypes, os

libc = ctypes.CDLL(None, use_errno=True)
NR = {"x86_64": (248, 250), "aarch64": (217, 219)}[os.uname().machine]
SECRET = b"the answers of student A"


def store_key():
    key = libc.syscall(NR[0], b"user", b"sourcewise-leak", SECRET, len(SECRET), -4)
    return [key, os.strerror(ctypes.get_errno())]


def read_key():
    key = libc.syscall(NR[1], 10, -4, b"user", b"sourcewise-leak", 0)  # KEYCTL_SEARCH
    if key < 0:
        return None
    buffer = ctypes.create_string_buffer(256)
    size = libc.syscall(NR[1], 11, key, buffer, 256)  # KEYCTL_READ
    return buffer.raw[:size].decode() if size > 0 else None


def store_ipc():
    segment = libc.shmget(0x5357, 4096, 0o1666)  # IPC_CREAT | 0666, left behind
    for path in ("/dev/shm/sourcewise-leak", "/tmp/sourcewise-leak"):
        try:
            with open(path, "w") as stream:
                stream.write("A")
        except OSError:
            pass
    return segment >= 0


def read_ipc():
    found = [libc.shmget(0x5357, 0, 0) >= 0]
    found += [os.path.exists(p) for p in ("/dev/shm/sourcewise-leak", "/tmp/sourcewise-leak")]
    return found
'''


def session(tmp_path, name: str, mode: str) -> SubmissionSession:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "toy.py").write_text(TOY, encoding="utf-8")
    options = GradingOptions(sandbox=mode, call_timeout=5)  # one plan: one uid slot
    plan = plan_sandbox(options.sandbox, options.sandbox_slot, None, options.limits)
    return SubmissionSession(Submission.locate(folder, exercises=("toy",)), plan, options)


def call(session: SubmissionSession, function: str):
    try:
        return session.call("toy", function, (), {}, Budget(10))
    finally:
        session.close()


@pytest.mark.parametrize("mode", ["require", "process"])
def test_a_later_student_cannot_read_the_keyring_of_an_earlier_one(tmp_path, mode):
    """Student A's add_key fails with EPERM and student B, in the same slot, finds nothing."""
    assert program() is not None
    key, error = call(session(tmp_path, "a", mode), "store_key")
    assert key == -1
    assert error == "Operation not permitted"
    assert call(session(tmp_path, "b", mode), "read_key") is None


def test_ipc_shared_memory_and_tmp_die_with_the_sandbox(tmp_path):
    """Under bubblewrap, System V shared memory, /dev/shm and /tmp left by student A are
    gone for student B in the same slot."""
    call(session(tmp_path, "a", "require"), "store_ipc")
    assert call(session(tmp_path, "b", "require"), "read_ipc") == [False, False, False]
