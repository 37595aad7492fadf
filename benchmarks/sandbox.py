"""Per-submission cost of the sandboxed worker, against importing the same code in-process.

Run: .venv/bin/python benchmarks/sandbox.py [--rounds N]

Everything is measured in one run on this machine, so the ratios are what to read (the
absolute numbers move with the machine's load). It grades the toy exercise of the test
suite (tests/grading/toy): its reference solution, 7 calls per submission (like the
checks), then whole submissions through pytest.

Rows:
  in-process import   load the file with importlib and call it here (no isolation at all:
                      the baseline the sandbox is compared with; never do this to grade)
  worker, process     a fresh limited worker per submission, no bubblewrap
  worker, bubblewrap  a fresh worker per submission under bubblewrap
  grade_submissions   the batch API: one pytest session, a fresh bwrap worker per submission
  grade_submission    one in-process pytest.main() per submission
  pytest subprocess   one `python -m pytest --submission X` per submission (the naive way)
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sourcewise.grading.api import grade_submission, grade_submissions
from sourcewise.grading.options import GradingOptions
from sourcewise.grading.proxy import Budget, SubmissionSession
from sourcewise.grading.sandbox import plan_sandbox
from sourcewise.grading.submission import Submission

ROOT = Path(__file__).resolve().parents[1]
TOY = ROOT / "tests" / "grading" / "toy"
CHECKS = [TOY / "checks", TOY / "hidden"]
CALLS = [("add", (2, 3)), ("add", (1, 1)), ("add", (0, 7)), ("add", (-4, 4)),
         ("classify", ("Officials said so.",)), ("classify", ("A disgrace.",)),
         ("add", (40, 2))]


def make_submissions(count: int) -> list[Path]:
    folder = Path(tempfile.mkdtemp(prefix="sourcewise-bench-"))
    paths = []
    for index in range(count):
        target = folder / f"s{index:04d}"
        target.mkdir()
        for name in ("toy.py", "toy2.py"):
            shutil.copy(TOY / "solution" / name, target / name)
        paths.append(target)
    return paths


def in_process(path: Path, index: int) -> None:
    spec = importlib.util.spec_from_file_location(f"bench_toy_{index}", path / "toy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for function, args in CALLS:
        getattr(module, function)(*args)


def in_worker(mode: str) -> Callable[[Path, int], None]:
    options = GradingOptions(sandbox=mode)
    plan = plan_sandbox(mode, None, None, options.limits)

    def run(path: Path, index: int) -> None:
        session = SubmissionSession(Submission.locate(path, exercises=("toy",)), plan, options)
        try:
            for function, args in CALLS:
                session.call("toy", function, args, {}, Budget(10))
        finally:
            session.close()

    return run


def per_submission(run: Callable[[Path, int], None], paths: list[Path]) -> float:
    """Median seconds per submission over ``paths`` (after one warm-up)."""
    run(paths[0], -1)
    times = []
    for index, path in enumerate(paths):
        started = time.perf_counter()
        run(path, index)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def batch(paths: list[Path]) -> float:
    grade_submissions(paths[:1], CHECKS, GradingOptions(sandbox="require"))
    started = time.perf_counter()
    results = grade_submissions(paths, CHECKS, GradingOptions(sandbox="require"))
    elapsed = time.perf_counter() - started
    assert all(result.points == result.max_points for result in results)
    return elapsed / len(paths)


def one_session_each(path: Path, index: int) -> None:
    result = grade_submission(path, CHECKS, GradingOptions(sandbox="require"))
    assert result.points == result.max_points


def subprocess_each(path: Path, index: int) -> None:
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                    "--sandbox=require", f"--submission={path}", *map(str, CHECKS)],
                   check=True, capture_output=True, cwd=ROOT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40, help="submissions per row")
    rounds = parser.parse_args().rounds
    paths = make_submissions(rounds)
    try:
        rows = [
            ("in-process import", per_submission(in_process, paths)),
            ("worker, process", per_submission(in_worker("process"), paths)),
            ("worker, bubblewrap", per_submission(in_worker("require"), paths)),
        ]
        baseline = rows[0][1]
        print(f"Per-submission cost, 7 calls each, median of {rounds} (one run):")
        for name, seconds in rows:
            print(f"  {name:<22}{seconds * 1000:8.2f} ms   {seconds / baseline:7.1f}x in-process")
        grading = [
            ("pytest subprocess", per_submission(subprocess_each, paths[: max(5, rounds // 5)])),
            ("grade_submission", per_submission(one_session_each, paths[: rounds // 2])),
            ("grade_submissions", batch(paths)),
        ]
        naive = grading[0][1]
        print("Whole submissions (6 checks, bubblewrap), one process:")
        for name, seconds in grading:
            print(f"  {name:<22}{seconds * 1000:8.2f} ms   {1 / seconds:7.1f}/s   "
                  f"{naive / seconds:6.1f}x the pytest subprocess")
    finally:
        shutil.rmtree(paths[0].parent, ignore_errors=True)


if __name__ == "__main__":
    main()
