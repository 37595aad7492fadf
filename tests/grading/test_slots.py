"""Slot locks: each user's are their own; root graders still never share a slot's uid."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import textwrap

import pytest

from conftest import IS_ROOT
from sourcewise.grading import slots
from sourcewise.grading.plan import SandboxUnavailable

OTHER_USER = 60052
TAKE_A_SLOT = textwrap.dedent("""
    import json, os, sys
    sys.path.insert(0, sys.argv[1])
    from sourcewise.grading.slots import acquire_slot, lock_folder
    slot = acquire_slot(None)
    print(json.dumps({"slot": slot, "folder": str(lock_folder()), "uid": os.geteuid()}))
""")


def take_a_slot(src: str, uid: int | None = None) -> subprocess.CompletedProcess[str]:
    """Take a slot in a fresh process (as ``uid`` through setpriv, with Debian's Python)."""
    command = [sys.executable, "-c", TAKE_A_SLOT, src]
    if uid is not None:
        command = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
                   "/usr/bin/python3", *command[1:]]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, cwd="/",
                          env={"PATH": os.environ["PATH"]}, check=False)


def private_to(folder: str, uid: int) -> bool:
    info = os.lstat(folder)
    return stat.S_ISDIR(info.st_mode) and info.st_uid == uid and not info.st_mode & 0o077


def test_a_users_slot_locks_are_in_a_folder_only_they_can_use(readable_src):
    """The lock folder belongs to the user, mode 0700: nobody else can take or block a slot."""
    done = take_a_slot(str(readable_src))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert private_to(report["folder"], os.geteuid())
    assert os.path.exists(os.path.join(report["folder"], f"slot-{report['slot']}.lock"))


def test_an_ordinary_user_takes_slots_after_a_root_run(readable_src):
    """After root has graded (its locks exist), an ordinary user's slots still work, in a
    folder of their own, apart from root's."""
    first = take_a_slot(str(readable_src))
    assert first.returncode == 0, first.stderr
    if not IS_ROOT:  # as an ordinary user: a second run of our own reuses our folder
        again = take_a_slot(str(readable_src))
        assert json.loads(again.stdout)["folder"] == json.loads(first.stdout)["folder"]
        return
    folder = slots.lock_folder(OTHER_USER)
    shutil.rmtree(folder, ignore_errors=True)
    try:
        done = take_a_slot(str(readable_src), OTHER_USER)
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout)
        assert report["uid"] == OTHER_USER
        assert report["folder"] != json.loads(first.stdout)["folder"]
        assert private_to(report["folder"], OTHER_USER)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_a_lock_folder_someone_else_made_is_refused(tmp_path, monkeypatch):
    """A folder planted where the locks go, open to others, is refused with what to do."""
    planted = tmp_path / "planted"
    planted.mkdir()
    planted.chmod(0o777)
    monkeypatch.setattr(slots, "lock_folder", lambda uid=None: planted)
    with pytest.raises(SandboxUnavailable, match="is not a private folder of this user"):
        slots._lock_dir()


def test_root_graders_share_one_folder_only_root_can_write():
    """Every root grader uses the same folder, so two never take the same slot's uid."""
    folder = slots.lock_folder(0)
    assert folder == slots.ROOT_FOLDER or str(folder) == "/tmp/sourcewise-slots-0"
    if IS_ROOT:
        slots._lock_dir()
        assert private_to(str(folder), 0)
