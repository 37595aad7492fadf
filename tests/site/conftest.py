"""Fixtures for the site tests: a small case study, both builds, a server and a browser."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from sourcewise.casestudy.model import (
    AuditedNumber,
    CaseStudy,
    Cue,
    FactCheck,
    Publication,
    Quantity,
    Source,
    Span,
    Unit,
)

SMALL_CASE = Path(__file__).parent.parent / "data" / "small-case"


def _build_small_case() -> CaseStudy:
    text = (SMALL_CASE / "article.txt").read_text(encoding="utf-8")
    rows = [
        # id, kind, paragraph, first words, label, cues, source, hand
        ("t00", "heading", 0, "City council doubles", "framing", [], None, False),
        ("p01s01", "sentence", 1, "The city council voted", "sourced_fact",
         [("on Tuesday", "time"), ("according to", "attribution")],
         "the published minutes of the meeting", False),
        ("p01s02", "sentence", 1, "The transport department estimated", "official_estimate",
         [("estimated", "attribution"), ("roughly", "approximator")], "The transport department", False),
        ("p02s01", "sentence", 2, "Shop owners", "attributed_claim", [("said", "attribution")],
         "Shop owners on Main Street, including Patel & Sons", True),
        ("p02s02", "sentence", 2, "Some residents", "vague_attribution",
         [("reportedly", "hedge")], "Some residents", False),
        ("h01", "heading", 3, "A city on the move?", "framing", [], None, False),
        ("p04s01", "sentence", 4, "Cycling is", "unsourced_assertion", [], None, True),
        ("p04s02", "sentence", 4, "The council's bold", "framing",
         [("bold vision", "loaded"), ("triumph", "loaded")], None, False),
    ]
    units = []
    for uid, kind, paragraph, first, label, cues, source, hand in rows:
        start = text.index(first)
        end = text.index("\n", start) if kind == "heading" else None
        if end is None:
            end = start + next(i for i in range(len(text) - start)
                               if text[start + i] in ".?" and (start + i + 1 == len(text)
                                                              or text[start + i + 1] in " \n")) + 1
        unit_text = text[start:end]
        quantities = []
        for figure, value, noun, approx, owner in (("$4 million", 4e6, "USD", None, "city council"),
                                                   ("12,000", 12000, "people", "roughly",
                                                    "transport department")):
            if figure in unit_text:
                at = start + unit_text.index(figure)
                quantities.append(Quantity(Span(figure, at), value, None, noun, approx, owner))
        units.append(Unit(
            id=uid, kind=kind, start=start, end=end, text=unit_text, paragraph=paragraph,
            label=label, accept=("unsourced_assertion",) if uid == "p02s02" else (),
            cues=tuple(Cue(c, start + unit_text.index(c), k) for c, k in cues),
            source=Span(source, start + unit_text.index(source)) if source else None,
            rationale=f"Rationale of {uid}: why this sentence is {label}.",
            quantities=tuple(quantities),
            factchecks=(FactCheck(f"Finding about {uid}.", "supported",
                                  (f"https://example.org/check/{uid}",)),) if uid.startswith("p") else (),
            points=("small-case",), hand_label=hand,
        ))
    publication = Publication(
        "City council doubles bike-lane budget", "The Riverside Courier",
        "https://example.org/news/bike-lanes", date(2024, 3, 12), True,
        "The article says the vote was on Tuesday; the council met on Tuesday 12 March 2024.",
        ("https://example.org/council/minutes-2024-03-12",),
    )
    sources = (
        Source("minutes", "Council minutes", "document", True, ("p01s01",), "Published online.",
               ("https://example.org/council/minutes-2024-03-12",)),
        Source("shops", "Main Street shop owners", "interested party", True, ("p02s01",),
               "They have a stake in parking.", ()),
    )
    numbers = (
        AuditedNumber("budget", "p01s01", "$4 million", "city council", "bike lanes",
                      "2024 budget", "The minutes say $4 million.", "supported",
                      ("https://example.org/council/minutes-2024-03-12",)),
    )
    return CaseStudy("small-case", publication, text, tuple(units), sources, numbers)


@pytest.fixture(scope="session")
def small_case() -> CaseStudy:
    """The small test case study, every unit annotated."""
    return _build_small_case()


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
    """Debian's Chromium, driven by Playwright (no browser download)."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium",
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
