"""Grade submissions from Python: the API batch grading builds on.

``grade_submission(path, check_paths, options)`` runs pytest in this process with the
sourcewise plugin and returns the ``SubmissionResult``. ``grade_submissions(paths,
check_paths, options, on_result=...)`` grades many submissions in ONE pytest session:
the checks are collected once, then run once per submission, each submission in its own
fresh sandboxed worker. That removes pytest's start-up and collection from the
per-submission cost, which is then about one worker start (~11 ms of CPU under
bubblewrap) plus the checks themselves. When every collected test is a plain check (a
module-level function taking only ``student`` and ``grade``, not parametrized, with no
markers but the plugin's), the checks are run directly, without pytest's per-test
protocol (its reports, log and output capture, warning filters and terminal lines, about
0.3 ms per check, all thrown away here); their results are the ones pytest gives, and
other plugins' per-test hooks do not see them. Otherwise each check runs under pytest's
protocol. ``on_result`` is called after each submission (write it atomically there, so an
interrupted batch loses nothing graded). ``grade_stream`` does the same for an iterable
read as it goes (a long-lived grading process feeds it work as it arrives) and keeps no
result.

To use two cores, run one grading process per core, each with its own share of the
submissions. When the grader is root, every process takes its own uid slot (uid 60001 +
slot) automatically through a lock file, so parallel processes never share a uid; pass
``GradingOptions(sandbox_slot=N)`` to choose one. Use ``sandbox="require"`` in
production: a machine without a working bubblewrap then raises ``SandboxUnavailable``
instead of grading with less isolation.

Student code never runs in this process: it is only ever executed by the sandboxed
worker. The check paths must be trusted files (the grader's public and hidden checks),
never a submission's own tests.

Notes for batch use:

* Results: ``SubmissionResult.write_json(path)`` writes atomically;
  ``result.for_student(after_due_date=...)`` is the copy to show a student (hidden checks
  withheld). A check's ``grader_error`` ("sandbox" or "check") marks a grader-side
  problem, not the student's.
* pytest imports check modules by file name (its default import mode): in one process,
  two different check files with the same name clash. Grade one course per process, or
  pass ``pytest_args=["--import-mode=importlib"]``.
* A submission path that does not exist still gets a result: every check not gradable,
  and the reason in ``result.errors``.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import pytest

from sourcewise.grading.options import GradingOptions
from sourcewise.grading.plan import SandboxUnavailable
from sourcewise.grading.plugin import PLUGIN_NAME
from sourcewise.grading.results import SubmissionResult

__all__ = ["GradingError", "GradingOptions", "SandboxUnavailable", "grade_stream",
           "grade_submission", "grade_submissions"]

BASE_ARGS = ("-qq", "-p", "no:cacheprovider")


class GradingError(Exception):
    """pytest could not run the checks (for example a check file failed to import)."""


class _ApiPlugin:
    is_sourcewise_api = True  # how the grading plugin finds the options passed here

    def __init__(self, options: GradingOptions, submissions: Iterable[Path],
                 on_result: Callable[[SubmissionResult], None]) -> None:
        self.options = options
        self.submissions = submissions
        self.on_result = on_result
        self.taken = 0  # submissions taken from the iterable
        self.graded = 0
        self.exhausted = False  # every submission was taken
        self.error: Exception | None = None  # set by the grading plugin, raised here
        self.collection_errors: list[str] = []

    def pytest_sourcewise_result(self, result: SubmissionResult) -> None:
        self.graded += 1
        self.on_result(result)

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.collection_errors.append(f"{report.nodeid}: {report.longreprtext[-2000:]}")

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session: pytest.Session) -> bool:
        if self.collection_errors:
            raise session.Interrupted("the checks could not be collected")
        grading = session.config.pluginmanager.get_plugin(PLUGIN_NAME)
        if not grading.specs:
            raise session.Interrupted("no checks were collected")
        items = session.items
        directly = grading.runs_directly(items)
        try:
            for submission in self.submissions:
                self.taken += 1
                grading.begin_run(submission)
                for index, item in enumerate(items):
                    if directly:
                        grading.run_directly(item)
                        continue
                    following = items[index + 1] if index + 1 < len(items) else None
                    item.config.hook.pytest_runtest_protocol(item=item, nextitem=following)
                grading.end_run()
        except Exception as error:  # raised to the caller as it is: its real cause
            self.error = error
            raise
        finally:
            grading.abandon_run()  # a run cut short still closes its sandbox
        self.exhausted = True
        return True


def grade_stream(
    submissions: Iterable[str | Path],
    check_paths: Sequence[str | Path],
    options: GradingOptions | None = None,
    *,
    on_result: Callable[[SubmissionResult], None],
    pytest_args: Sequence[str] = (),
) -> int:
    """Grade each submission with the checks in ``check_paths``, in one pytest session,
    taking the submissions from the iterable only as they are needed and handing each
    result to ``on_result`` (none is kept, so a stream can be as long as it likes).

    Returns how many were graded. Raises ``SandboxUnavailable`` when the sandbox asked for
    cannot run, and ``GradingError`` when the checks themselves cannot be collected or run.
    """
    paths = (Path(path) for path in submissions)
    plugin = _ApiPlugin(options or GradingOptions(), paths, on_result)
    args = [*BASE_ARGS, *pytest_args, *map(str, check_paths)]
    output = io.StringIO()
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
        code = pytest.main(args, plugins=[plugin])
    if plugin.error is not None:
        raise plugin.error
    if not plugin.exhausted or plugin.graded != plugin.taken:
        problem = "; ".join(plugin.collection_errors) or output.getvalue()[-2000:]
        raise GradingError(f"pytest exited with {code!s} after grading {plugin.graded} "
                           f"submission{'s' * (plugin.graded != 1)}: {problem}")
    return plugin.graded


def grade_submissions(
    submissions: Iterable[str | Path],
    check_paths: Sequence[str | Path],
    options: GradingOptions | None = None,
    *,
    on_result: Callable[[SubmissionResult], None] | None = None,
    pytest_args: Sequence[str] = (),
) -> list[SubmissionResult]:
    """Grade each submission with the checks in ``check_paths``, in one pytest session.

    Returns one ``SubmissionResult`` per submission, in order; ``on_result`` is also called
    with each as soon as it is known. Raises like ``grade_stream``.
    """
    results: list[SubmissionResult] = []

    def keep(result: SubmissionResult) -> None:
        results.append(result)
        if on_result is not None:
            on_result(result)

    grade_stream(submissions, check_paths, options, on_result=keep, pytest_args=pytest_args)
    return results


def grade_submission(
    submission: str | Path,
    check_paths: Sequence[str | Path],
    options: GradingOptions | None = None,
    *,
    pytest_args: Sequence[str] = (),
) -> SubmissionResult:
    """Grade one submission with the checks in ``check_paths`` (see grade_submissions)."""
    return grade_submissions([submission], check_paths, options, pytest_args=pytest_args)[0]

