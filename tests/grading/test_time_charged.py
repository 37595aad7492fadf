"""Every second a submission costs is charged to its time limit, and its staging copy is
private and removed (issue 14, kind 2), under bubblewrap and in the fallback."""

from __future__ import annotations

import os
import stat
import tempfile
import textwrap
from pathlib import Path

import pytest

from conftest import CHECKS
from sourcewise.grading.api import grade_submission
from sourcewise.grading.options import GradingOptions
from sourcewise.grading.plan import Limits
from sourcewise.grading.submission import Submission, remove_orphaned_staging, remove_staging

SANDBOXES = [pytest.param("require", id="bubblewrap"), pytest.param("process", id="fallback")]

# Slow to load (under the import limit), a thread at import (so no template is kept), and
# a crash on every call: each call loads it again.
SLOW_AND_CRASHING = textwrap.dedent('''
    import os, threading, time

    time.sleep(1.2)
    threading.Thread(target=time.sleep, args=(30,), daemon=True).start()

    def add(a, b):
        os._exit(7)

    def classify(text):
        os._exit(7)

    def shout(text):
        os._exit(7)
''')


@pytest.mark.parametrize("sandbox", SANDBOXES)
def test_loads_and_reloads_count_against_the_submission_limit(tmp_path, sandbox):
    """A module that sleeps at import and crashes on every call is stopped near the
    submission limit; checks it left no time for say "not run: time limit"."""
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "toy.py").write_text(SLOW_AND_CRASHING, encoding="utf-8")
    (folder / "toy2.py").write_text(SLOW_AND_CRASHING, encoding="utf-8")
    limit = 4.0
    result = grade_submission(folder, CHECKS, GradingOptions(
        sandbox=sandbox, import_timeout=2.0, call_timeout=0.5, submission_timeout=limit))
    assert result.duration < limit + 1.5, result.duration  # it took 11.5 to 12.9 s before
    not_run = [c for c in result.checks if c.reason.startswith("Not run: time limit")]
    assert not_run, [c.reason for c in result.checks]
    assert all(c.status == "skipped" and c.points == 0 for c in not_run)
    ran = [c for c in result.checks if c not in not_run]
    assert ran, "the checks before the limit are graded"
    assert all("stopped Python itself" in (c.reason + " ".join(
        i.got_error or "" for i in c.items)) or c.status == "skipped" for c in ran)


def test_a_staging_copy_is_private_to_the_grader(tmp_path):
    """The staging copy of a submission can be read by nobody but the grader (and, when
    the grader is root, the sandbox's own uid through its group)."""
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "toy.py").write_text("x = 1\n", encoding="utf-8")
    submission = Submission.locate(folder, exercises=("toy",))
    for reader in (None, 60099):
        staging, _ = submission.stage(Limits(), reader_gid=reader)
        try:
            for path in (Path(staging), Path(staging) / "toy.py"):
                mode = path.stat().st_mode
                assert not mode & stat.S_IRWXO, oct(mode)
                if reader is None:
                    assert not mode & stat.S_IRWXG, oct(mode)
                elif os.geteuid() == 0:
                    assert path.stat().st_gid == reader
        finally:
            remove_staging(staging)
        assert not Path(staging).exists()


def test_staging_left_by_a_dead_grader_is_removed(tmp_path):
    """Staging folders whose grading process is gone are removed by the next grader."""
    dead = os.fork()
    if dead == 0:
        os._exit(0)
    os.waitpid(dead, 0)
    left = Path(tempfile.mkdtemp(prefix=f"sourcewise-sub-{dead}-"))
    (left / "toy.py").write_text("secret = 1\n", encoding="utf-8")
    mine = Path(tempfile.mkdtemp(prefix=f"sourcewise-sub-{os.getpid()}-"))
    try:
        remove_orphaned_staging()
        assert not left.exists()
        assert mine.exists()
    finally:
        os.rmdir(mine)
