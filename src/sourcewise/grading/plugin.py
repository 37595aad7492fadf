"""The sourcewise pytest plugin (registered through the pytest11 entry point).

It stays inert in a pytest run without checks. A check is a test marked with
``@pytest.mark.exercise(name)``; for those the plugin provides the ``student`` and
``grade`` fixtures, orders checks after their dependencies, scores them, prints the
summary and, with ``--results-json``, writes the result model. The contract for check
writers is in CONTRIBUTING.md ("Writing checks").
"""

from __future__ import annotations

import dataclasses
import inspect
import time
import traceback
from pathlib import Path

import pytest

from sourcewise.grading import hooks
from sourcewise.grading.checks import (
    CheckDefinitionError,
    CheckSpec,
    CheckState,
    Grade,
    order_by_dependencies,
    score_check,
)
from sourcewise.grading.failures import NotGradable, StudentError, TimeLimitReached
from sourcewise.grading.feedback import summary_lines, title
from sourcewise.grading.options import GradingOptions
from sourcewise.grading.plan import MODES, STUDENT_NOTE, SandboxPlan, SandboxUnavailable
from sourcewise.grading.proxy import Budget
from sourcewise.grading.results import CheckResult, SubmissionResult
from sourcewise.grading.run import GradingRun, Student
from sourcewise.grading.safe_text import terminal_text
from sourcewise.grading.sandbox import plan_sandbox
from sourcewise.grading.site_url import normalise, read_site_url
from sourcewise.grading.submission import Submission, SubmissionError, course_helpers

PLUGIN_NAME = "sourcewise-grading"
STATE = pytest.StashKey[CheckState]()
MAX_DETAILS = 4000
TRACEBACK_FRAMES = 4
DIRECT_FIXTURES = {"student", "grade"}
MARKERS = (
    "exercise(name): the student's file this check grades (<name>.py)",
    "points(n): points possible for this check (default 1)",
    "visibility(v): 'public' (default), 'hidden' or 'after_due_date'",
    "hint(text): shown to the student when this check fails",
    "lesson(path): the site page (relative to docs/) linked from this check's feedback",
    "depends(*names): checks in the same file that must pass before this one runs",
)
PLUGIN_MARKERS = {line.split("(", 1)[0] for line in MARKERS}


def pytest_addoption(parser: pytest.Parser) -> None:
    defaults = GradingOptions()
    group = parser.getgroup("sourcewise", "Sourcewise grading")
    group.addoption("--submission", metavar="PATH", default=None,
                    help="the submission to grade: a file or a folder (its exercises/ "
                         "subfolder if it has one). Default: exercises/ in the rootdir.")
    group.addoption("--sandbox", choices=MODES, default=None,
                    help="require: bubblewrap or stop (the default with --submission, "
                         "grading someone's work); auto: bubblewrap when it works, else a "
                         "limited process with a warning (the default for your own "
                         "exercises/); process: always the limited process (no isolation "
                         "of files or network).")
    group.addoption("--sandbox-slot", type=int, default=None, metavar="N",
                    help="uid slot (uid 60001+N when root); default: a free slot. Give "
                         "parallel graders different slots.")
    group.addoption("--sandbox-python", default=None, metavar="PATH",
                    help="the Python that runs student code (default: the one running "
                         "pytest, else /usr/bin/python3)")
    group.addoption("--call-timeout", type=float, default=defaults.call_timeout,
                    metavar="SECONDS", help="wall-clock limit for one call of a student "
                                            "function")
    group.addoption("--check-timeout", type=float, default=defaults.check_timeout,
                    metavar="SECONDS", help="student time allowed per check")
    group.addoption("--submission-timeout", type=float,
                    default=defaults.submission_timeout, metavar="SECONDS",
                    help="student time allowed per submission")
    group.addoption("--results-json", metavar="PATH", default=None,
                    help="also write the results as JSON (atomically)")
    group.addoption("--site-url", metavar="URL", default=None,
                    help="base URL of the Sourcewise site for lesson links (default: the "
                         "sourcewise_site_url ini value, else [tool.sourcewise] site-url "
                         "in pyproject.toml, else no links)")
    parser.addini("sourcewise_site_url", "base URL of the site for lesson links", default="")


def pytest_addhooks(pluginmanager: pytest.PytestPluginManager) -> None:
    pluginmanager.add_hookspecs(hooks)


def pytest_configure(config: pytest.Config) -> None:
    for line in MARKERS:
        config.addinivalue_line("markers", line)
    config.pluginmanager.register(GradingPlugin(config), PLUGIN_NAME)


def check_traceback(error: BaseException, check: object) -> str:
    """The last TRACEBACK_FRAMES frames of the traceback, none above the check's own frame
    (what ran the check says nothing about it); pytest's getrepr() would cost about 0.1 s
    per failure."""
    code = getattr(check, "__code__", None)
    frame = error.__traceback__
    while frame is not None and frame.tb_frame.f_code is not code:
        frame = frame.tb_next
    lines = traceback.format_exception(type(error), error, frame or error.__traceback__,
                                       limit=-TRACEBACK_FRAMES)
    return "".join(lines)[-MAX_DETAILS:]


def api_plugin(config: pytest.Config) -> object | None:
    """The plugin object of sourcewise.grading.api, when pytest runs under that API."""
    for plugin in config.pluginmanager.get_plugins():
        if getattr(plugin, "is_sourcewise_api", False) is True:
            return plugin
    return None


def plugin_site_url(config: pytest.Config) -> str | None:
    """--site-url, else the sourcewise_site_url ini value, else the course's
    [tool.sourcewise] site-url in the rootdir's pyproject.toml, else None (no links)."""
    given = config.getoption("site_url") or config.getini("sourcewise_site_url")
    if given:
        return normalise(given, "--site-url", allow_local=True)
    return read_site_url(config.rootpath)


def options_from_config(config: pytest.Config) -> GradingOptions:
    api = api_plugin(config)
    if api is not None:
        return api.options
    try:
        return GradingOptions(
            sandbox=config.getoption("sandbox") or (
                "require" if config.getoption("submission") else "auto"),
            sandbox_slot=config.getoption("sandbox_slot"),
            sandbox_python=config.getoption("sandbox_python"),
            call_timeout=config.getoption("call_timeout"),
            check_timeout=config.getoption("check_timeout"),
            submission_timeout=config.getoption("submission_timeout"),
            site_url=plugin_site_url(config),
        )
    except ValueError as exc:
        raise pytest.UsageError(str(exc)) from None


class GradingPlugin:
    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.api = api_plugin(config)
        self.options = options_from_config(config)
        self.verbose = config.get_verbosity() > 0
        self.specs: dict[str, CheckSpec] = {}
        self.needs: dict[str, list[str]] = {}
        self.order: list[str] = []
        self.plan: SandboxPlan | None = None
        self.student_note = False  # the student's own run without bubblewrap
        self.run: GradingRun | None = None
        self.finished: list[SubmissionResult] = []  # for the terminal summary
        self.arguments: dict[str, tuple[str, ...]] = {}  # each direct check's fixtures
        self.course_helpers: dict[str, bytes] | None = None  # read on the first run

    # ------------------------------------------------------------ runs

    def begin_run(self, path: str | Path | None) -> GradingRun:
        """Start grading one submission (``None``: the student's own exercises/ folder)."""
        submission, missing = None, None
        exercises = tuple(sorted({spec.exercise for spec in self.specs.values()}))
        if self.course_helpers is None:
            self.course_helpers = course_helpers(self.config.rootpath / "exercises", exercises)
        if path is not None:
            try:
                submission = Submission.locate(path, exercises=exercises,
                                               course_helpers=self.course_helpers)
            except SubmissionError as exc:
                if self.api is None:
                    raise
                missing = str(exc)
        else:
            folder = self.config.rootpath / "exercises"
            if folder.is_dir():
                submission = Submission.locate(folder, label="exercises/",
                                               exercises=exercises)
            else:
                missing = (f"There is no exercises/ folder in {self.config.rootpath}. Run "
                           "pytest from your Sourcewise folder, or pass --submission PATH.")
        assert self.plan is not None
        self.run = GradingRun(submission, missing, self.plan, self.options,
                              given=str(path or ""))
        return self.run

    def end_run(self) -> SubmissionResult:
        """Finish the current submission: close its sandbox, publish its result."""
        assert self.run is not None
        result = self.run.finish(self.order)
        if self.run.submission is None and self.api is not None:
            result.errors.append(self.run.missing or "no submission")
        self.run = None
        if self.api is None:  # the API's caller gets every result; nobody reads a summary
            self.finished.append(result)
        path = self.config.getoption("results_json")
        if path:
            result.write_json(path)
        self.config.hook.pytest_sourcewise_result(config=self.config, result=result)
        return result

    def abandon_run(self) -> None:
        """Close the current submission's sandbox without a result (grading failed)."""
        run, self.run = self.run, None
        if run is not None:
            run.close()

    # ------------------------------------------------------------ collection

    def pytest_collection_modifyitems(self, session: pytest.Session, config: pytest.Config,
                                      items: list[pytest.Item]) -> None:
        try:
            specs = {}
            for item in items:
                spec = CheckSpec.from_item(item)
                if spec is not None:
                    specs[item.nodeid] = spec
            items[:], self.needs = order_by_dependencies(items, specs)
        except CheckDefinitionError as exc:
            raise pytest.UsageError(f"sourcewise: {exc}") from None
        self.specs = specs
        self.order = [item.nodeid for item in items if item.nodeid in specs]
        if not specs or config.option.collectonly:
            return
        try:
            self.plan = plan_sandbox(self.options.sandbox, self.options.sandbox_slot,
                                     self.options.sandbox_python, self.options.limits)
        except SandboxUnavailable as exc:
            if self.api is not None:
                self.api.error = exc
            pytest.exit(f"sourcewise: {exc}", returncode=pytest.ExitCode.USAGE_ERROR)
        if self.plan.warning and self.api is None and config.getoption("submission") is None:
            # The student's own exercises/: one line for them, not the grader's advice.
            self.plan = dataclasses.replace(self.plan, warning=None)
            self.student_note = True
        if not self.verbose:
            self._quiet_pytest_failures(config, all_checks=len(specs) == len(items))
        if self.api is None:
            try:
                self.begin_run(config.getoption("submission"))
            except SubmissionError as exc:
                raise pytest.UsageError(str(exc)) from None

    @staticmethod
    def _quiet_pytest_failures(config: pytest.Config, all_checks: bool) -> None:
        """Without -v, the summary replaces pytest's tracebacks and failure list."""
        if config.option.tbstyle == "auto":
            config.option.tbstyle = "no"
        reporter = config.pluginmanager.get_plugin("terminalreporter")
        if all_checks and reporter is not None:
            reporter.reportchars = "".join(c for c in reporter.reportchars if c == "w")

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        reporter = self.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is None or self.plan is None:
            return
        if self.student_note:
            reporter.write_line(f"sourcewise: {STUDENT_NOTE}")
        elif self.plan.warning:
            reporter.write_line(f"sourcewise: {self.plan.warning}", red=True)
        elif self.config.get_verbosity() >= 0:
            where = self.run.submission.label if self.run and self.run.submission else "?"
            reporter.write_line(terminal_text(f"sourcewise: grading {where} in a "
                                              f"{self.plan.describe()}"))

    # ------------------------------------------------------------ running checks

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        if item.nodeid not in self.specs or self.run is None:
            return
        state = item.stash[STATE] = CheckState(Budget(self.options.check_timeout))
        for needed in self.needs.get(item.nodeid, []):
            done = self.run.results.get(needed)
            if done is None or done.status == "passed":
                continue  # passed, or not selected in this run
            if done.status == "not gradable":
                state.not_gradable = NotGradable(done.reason, exercise=done.exercise,
                                                 kind="dependency")
            state.skip_reason = (f"Not checked until \u201c{done.description}\u201d "
                                 "passes: fix that first.")
            pytest.skip(state.skip_reason)

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo):
        report = yield
        spec = self.specs.get(item.nodeid)
        if spec is None or self.run is None or item.nodeid in self.run.results:
            return report
        if call.when == "teardown" or (call.when == "setup" and report.passed):
            return report
        result = self._score(item, spec, call.excinfo, call.duration)
        if result.status in ("failed", "not gradable") and not report.failed:
            report.outcome = "failed"
        if report.failed and not self.verbose:
            report.longrepr = terminal_text(f"{result.status.upper()}: {result.reason}")
        elif report.failed:  # pytest's own report quotes the student's text: defuse it
            report.longrepr = terminal_text(report.longreprtext, newlines=True)
        return report

    def _score(self, item: pytest.Item, spec: CheckSpec,
               excinfo: pytest.ExceptionInfo | None, duration: float) -> CheckResult:
        """Score how the check ended and keep the result in the current run."""
        assert self.run is not None
        details = ""
        if excinfo is not None and not excinfo.errisinstance(
                (pytest.skip.Exception, NotGradable, StudentError, TimeLimitReached)):
            details = check_traceback(excinfo.value, getattr(item, "obj", None))
        state = item.stash.get(STATE, None) or CheckState(Budget(self.options.check_timeout))
        result = score_check(spec, state, excinfo, details, self.options.site_url, duration)
        self.run.results[item.nodeid] = result
        return result

    # ------------------------------------------------------------ direct runs (the API)

    def runs_directly(self, items: list[pytest.Item]) -> bool:
        """True when every item is a plain check that pytest's per-test protocol adds
        nothing to: a module-level function whose only fixtures are ``student`` and
        ``grade``, not parametrized, with no markers but the plugin's."""
        if not items or not all(
                item.nodeid in self.specs and isinstance(item, pytest.Function)
                and item.cls is None and not hasattr(item, "callspec")
                and {mark.name for mark in item.iter_markers()} <= PLUGIN_MARKERS
                and inspect.isfunction(item.obj) and not inspect.iscoroutinefunction(item.obj)
                for item in items):
            return False
        arguments = {item.nodeid: tuple(inspect.signature(item.obj).parameters)
                     for item in items}
        # The fixtures' closure: the check's own arguments, plus pytest's ``request``
        # that ours use; anything else (autouse, usefixtures) needs pytest's protocol.
        if not all(set(item.fixturenames) - {"request"} == set(arguments[item.nodeid])
                   <= DIRECT_FIXTURES for item in items):
            return False
        self.arguments = arguments
        return True

    def run_directly(self, item: pytest.Function) -> CheckResult:
        """Run one check without pytest's per-test protocol: the plugin's own setup (the
        dependency rule), the check with its fixtures, and the same scoring as under
        pytest. For batch grading, where pytest's reports, log and output capture and
        terminal lines (about 0.3 ms per check) are thrown away."""
        spec = self.specs[item.nodeid]
        excinfo, started = None, time.perf_counter()
        try:
            self.pytest_runtest_setup(item)
            fixtures = {"student": lambda: self._student(item), "grade": lambda: self._grade(item)}
            started = time.perf_counter()
            item.obj(**{name: fixtures[name]() for name in self.arguments[item.nodeid]})
        except (KeyboardInterrupt, pytest.exit.Exception):
            raise
        except BaseException as error:  # scored as pytest would report it
            excinfo = pytest.ExceptionInfo.from_exception(error)
        return self._score(item, spec, excinfo, time.perf_counter() - started)

    def _student(self, item: pytest.Item) -> Student:
        spec = self.specs.get(item.nodeid)
        if spec is None or self.run is None:
            raise CheckDefinitionError(f"{item.nodeid} uses the student fixture but is "
                                       "not a check: add @pytest.mark.exercise(name)")
        return Student(self.run, spec.exercise, item.stash[STATE])

    def _grade(self, item: pytest.Item) -> Grade:
        if item.nodeid not in self.specs:
            raise CheckDefinitionError(f"{item.nodeid} uses the grade fixture but is "
                                       "not a check: add @pytest.mark.exercise(name)")
        return item.stash[STATE].grade

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if self.run is not None and self.api is None:
            self.end_run()

    def pytest_terminal_summary(self, terminalreporter) -> None:
        for result in self.finished:
            terminalreporter.write_sep("=", title(result), bold=True)
            for text, style in summary_lines(result, verbose=self.verbose):
                # Student text never reaches the terminal raw (escape sequences could
                # erase this summary and print a fake one).
                terminalreporter.write_line(terminal_text(text),
                                            **({style: True} if style else {}))


@pytest.fixture
def student(request: pytest.FixtureRequest) -> Student:
    """The student's functions, called in the sandboxed worker (see CONTRIBUTING.md)."""
    plugin: GradingPlugin = request.config.pluginmanager.get_plugin(PLUGIN_NAME)
    return plugin._student(request.node)


@pytest.fixture
def grade(request: pytest.FixtureRequest) -> Grade:
    """Record items and partial credit for this check (see CONTRIBUTING.md)."""
    plugin: GradingPlugin = request.config.pluginmanager.get_plugin(PLUGIN_NAME)
    return plugin._grade(request.node)
