"""The benchmark scripts run from a clone and report what the README quotes (a smoke run on
a few submissions; the figures themselves come from full runs, not from tests)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(script: str, *args: str) -> str:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_the_grading_benchmark_reports_both_ways_the_floor_and_equal_points():
    """A small grading benchmark prints both rates and their ratio, grades the sampled
    submissions to the same points both ways, and measures the student code's floor."""
    out = run("grading.py", "--submissions", "6", "--naive-sample", "3")
    assert re.search(r"^\(a\) naive.* = \d+\.\d+ submissions/s$", out, re.M), out
    assert re.search(r"^\(b\) sourcewise grade.* = \d+\.\d+ submissions/s$", out, re.M), out
    assert re.search(r"^ratio \(b\)/\(a\): \d+\.\d+x", out, re.M), out
    same = re.search(r"^Same points both ways \(to 0\.01\): (\d+) of (\d+) sampled", out, re.M)
    assert same, out
    assert same[1] == same[2], out
    assert int(same[2]) > 0, out
    floor = re.search(r"^The floor: .*: (\d+) ms of CPU.* the same work costs (\d+) ms\.$",
                      out, re.M)
    assert floor, out
    assert int(floor[1]) > 0, out
    assert int(floor[2]) > 0, out
    efficiency = re.search(r"^efficiency: floor CPU / batch CPU per submission = "
                           r"(\d+\.\d+) ", out, re.M)
    assert efficiency, out
    assert 0 < float(efficiency[1]) < 1.5, out
    assert re.search(r"^Stored results: 6 records, median \d+\.\d KB", out, re.M), out


def test_the_sandbox_benchmark_compares_each_way_with_importing_in_process():
    """The sandbox benchmark prints a cost for each way of running student code."""
    out = run("sandbox.py", "--rounds", "2")
    for way in ("in-process import", "worker, process", "worker, bubblewrap",
                "pytest subprocess", "grade_submission", "grade_submissions"):
        assert re.search(rf"^  {re.escape(way)} +\d+\.\d+ ms", out, re.M), (way, out)
