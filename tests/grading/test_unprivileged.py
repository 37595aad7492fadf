"""A student's machine: grading as an ordinary user, with bubblewrap's user namespace.

When this suite runs as root, the scenario runs as uid 60050 through setpriv (with
Debian's Python, which that uid can execute, and a copy of the package it can read: the
checkout may be in a 0700 home folder); as an ordinary user it runs directly.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import CORRECT_CLASSIFY, IS_ROOT

SRC = Path(__file__).resolve().parents[2] / "src"
USER = 60050

SCENARIO = textwrap.dedent("""
    import json, os, sys, tempfile
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    from sourcewise.grading.options import GradingOptions
    from sourcewise.grading.proxy import Budget, SubmissionSession
    from sourcewise.grading.sandbox import plan_sandbox
    from sourcewise.grading.submission import Submission
    from sourcewise.grading import StudentError

    folder = Path(tempfile.mkdtemp())
    (folder / "toy.py").write_text(sys.argv[2])
    options = GradingOptions(call_timeout=0.5)
    plan = plan_sandbox("require", None, None, options.limits)
    session = SubmissionSession(Submission.locate(folder, exercises=("toy",)), plan, options)
    report = {"kind": plan.kind, "plan_uid": plan.uid, "me": os.getuid()}
    report["add"] = session.call("toy", "add", (2, 3), {}, Budget(5))
    report["worker_uid"] = session.call("toy", "whoami", (), {}, Budget(5))
    try:
        session.call("toy", "bomb", (), {}, Budget(5))
    except StudentError as err:
        report["bomb"] = err.kind
    report["after_bomb"] = session.call("toy", "add", (1, 1), {}, Budget(5))
    session.close()
    report["children"] = [int(pid) for task in Path("/proc/self/task").iterdir()
                          for pid in (task / "children").read_text().split()]
    print(json.dumps(report))
""")

SUBMISSION = textwrap.dedent("""
    import os

    def add(a, b):
        return a + b

    def whoami():
        return os.getuid()

    def bomb():
        while True:
            try:
                os.fork()
            except OSError:
                pass
""") + CORRECT_CLASSIFY


def test_ordinary_user_gets_the_bubblewrap_sandbox_without_root(tmp_path, readable_src):
    """Without root, bwrap runs in a user namespace: same isolation, the user's own uid,
    and a fork bomb still dies with the worker."""
    command = [sys.executable, "-c", SCENARIO, str(readable_src if IS_ROOT else SRC),
               SUBMISSION]
    if IS_ROOT:
        command = ["setpriv", f"--reuid={USER}", f"--regid={USER}", "--clear-groups",
                   "/usr/bin/python3", *command[1:]]
    out = subprocess.run(command, capture_output=True, text=True, timeout=60,
                         cwd=tmp_path if not IS_ROOT else "/", env={"PATH": os.environ["PATH"]})
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["kind"] == "bubblewrap"
    assert report["plan_uid"] is None
    assert report["worker_uid"] == report["me"]
    assert report["add"] == 5
    assert report["bomb"] == "timeout"
    assert report["after_bomb"] == 2
    assert report["children"] == []
    if IS_ROOT:  # nothing at all runs as the test user any more
        leftover = subprocess.run(["pgrep", "-u", str(USER)], capture_output=True, text=True)
        assert leftover.stdout == ""
