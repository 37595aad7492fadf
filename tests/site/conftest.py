"""Fixtures for the site tests: a small case study, both builds, a server and a browser."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from sourcewise.casestudy import load_case_study
from sourcewise.casestudy.model import CaseStudy
from sourcewise.prerequisites import find_chromium, missing_chromium

SMALL_CASE = Path(__file__).parent.parent / "data" / "small-case"


@pytest.fixture(scope="session")
def small_case() -> CaseStudy:
    """The small second case study of tests/data/small-case, loaded and checked."""
    return load_case_study(SMALL_CASE)


# ---------------------------------------------------------------------------------------
# Built sites, served on 127.0.0.1, and one browser for the whole session.

ROOT = Path(__file__).resolve().parents[2]
CONFIGS = {"student": ROOT / "mkdocs.yml", "instructor": ROOT / "mkdocs.instructor.yml"}
MKDOCS = [sys.executable, "-m", "mkdocs"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


def build_site(config: Path, site_dir: Path) -> subprocess.Popen:
    """Start `mkdocs build --strict` of one config into a folder (as `make build` does)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(
        [*MKDOCS, "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


@pytest.fixture(scope="session")
def built_sites(tmp_path_factory) -> dict[str, Path]:
    """Both builds, made once per session with --strict (in parallel); fails if either fails."""
    out = tmp_path_factory.mktemp("sites")
    running = {name: build_site(config, out / name) for name, config in CONFIGS.items()}
    failures = []
    for name, process in running.items():
        log, _ = process.communicate(timeout=300)
        if process.returncode != 0:
            failures.append(f"{name} build failed ({process.returncode}):\n{log}")
    assert not failures, "\n".join(failures)
    return {name: out / name for name in CONFIGS}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def served(built_sites) -> Iterator[dict[str, str]]:
    """Each built site served by a threaded http.server on 127.0.0.1: base URL by build."""
    servers = {}
    for name, folder in built_sites.items():
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers[name] = server
    yield {name: f"http://127.0.0.1:{s.server_port}/" for name, s in servers.items()}
    for server in servers.values():
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """The system's Chromium (SOURCEWISE_CHROMIUM, or by name on PATH), driven by
    Playwright (no browser download); tests/conftest.py stops the run first without it."""
    executable = find_chromium()
    if executable is None:
        pytest.fail(missing_chromium(), pytrace=False)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable,
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def built_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as a URL path relative to the site root."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        pages.append(relative.removesuffix("index.html"))
    return pages
