"""`make serve` works: the real MkDocs server starts, serves the case study, and stops."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

from conftest import MKDOCS, ROOT

from sourcewise.casestudy import default_case_study


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _signals_as_from_a_terminal() -> None:
    """In the server's process, before it starts: Ctrl-C's SIGINT handled by default and no
    signal blocked, as for a program started from a terminal, whatever this test process
    inherited or was left with by earlier tests (a child inherits ignored and blocked
    signals, and Python installs no KeyboardInterrupt handler for an ignored SIGINT)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_SETMASK, set())


def test_mkdocs_serve_serves_the_case_study_page_and_stops_cleanly():
    """`mkdocs serve` on a free 127.0.0.1 port serves the case-study page and stops on Ctrl-C."""
    port = _free_port()
    server = subprocess.Popen(
        [*MKDOCS, "serve", "-a", f"127.0.0.1:{port}"], cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        preexec_fn=_signals_as_from_a_terminal,
    )
    try:
        page = None
        deadline = time.monotonic() + 90
        while page is None and server.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
            page = _fetch(f"http://127.0.0.1:{port}/case-study/")
        assert page is not None, f"the server did not answer: {server.poll()}"
        assert default_case_study().publication.title in page
        assert 'class="sw-article"' in page
    finally:
        server.send_signal(signal.SIGINT)  # what Ctrl-C after `make serve` does
        try:
            log, _ = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            log, _ = server.communicate()
            raise AssertionError(f"the server did not stop on Ctrl-C within 30 s:\n{log}")
    assert server.returncode == 0, log
    assert _fetch(f"http://127.0.0.1:{port}/") is None  # the port is closed again
