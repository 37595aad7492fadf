"""Benchmark: "Check my work" in headless Chromium against local pytest, in the same run.

    .venv/bin/python benchmarks/browser.py [--exercise split_sentences] [--warm 5]
                                           [--site DIR]

It builds the student site (unless --site names a built one), serves it on 127.0.0.1 and
opens the exercise page in Debian's Chromium with an empty cache, the reference solutions
saved as the student's files. Then it measures:

* cold: from pressing "Check my work" on the freshly opened page to the results (download
  of the runtime, Python's start, the first run of the checks). Goal: 8 s or less;
* warm: a re-check on the same page, the median of --warm runs, against the median of as
  many local `pytest exercises/test_<exercise>.py --submission DIR` runs on the same files
  (a fresh process each, as a student runs it). Goal: at most 3 times local pytest;
* download: every byte the page fetched for the cold check, compressed with gzip -9 as a
  server would send it. Goal: 12 MB or less.

The machine is shared with whatever else runs: run it a few times and quote the range.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sourcewise.site.runner import student_files  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
GOALS = {"cold": 8.0, "warm_ratio": 3.0, "download_mb": 12.0}


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def build_site(out: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    return out


def solution_files() -> dict[str, str]:
    files = {}
    for file in student_files(ROOT / "exercises"):
        path = ROOT / "instructor" / "solutions" / file.name
        files[file.name] = (path if path.is_file() else ROOT / "exercises" / file.name
                            ).read_text(encoding="utf-8")
    return files


def local_pytest(exercise: str, folder: Path, runs: int) -> float:
    """Median wall time of local pytest on the exercise's public checks."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pytest", f"exercises/test_{exercise}.py",
                        "--submission", str(folder), "-q", "-p", "no:cacheprovider"],
                       cwd=ROOT, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def press_check(page) -> float:
    page.evaluate("document.querySelector('.sw-runner__results').textContent = ''")
    started = time.perf_counter()
    page.click(".sw-runner button[data-action=check]")
    page.wait_for_selector(".sw-results__title", timeout=300_000)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--exercise", default="split_sentences")
    parser.add_argument("--warm", type=int, default=5, help="warm re-checks (and local runs)")
    parser.add_argument("--site", type=Path, help="a built student site (default: build one)")
    args = parser.parse_args()
    page_path = next(e.page for e in __import__("sourcewise.exercises.catalogue",
                     fromlist=["EXERCISES"]).EXERCISES if e.name == args.exercise)
    with tempfile.TemporaryDirectory(prefix="sourcewise-bench-") as scratch:
        site = args.site or build_site(Path(scratch) / "site")
        folder = Path(scratch) / "submission"
        folder.mkdir()
        files = solution_files()
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_port}/{page_path.removesuffix('.md')}/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                 args=CHROMIUM_ARGS)
            context = browser.new_context(service_workers="block")
            outside: list[str] = []

            def guard(route):
                if route.request.url.startswith(f"http://127.0.0.1:{server.server_port}/"):
                    route.continue_()
                else:
                    outside.append(route.request.url)
                    route.abort()

            context.route("**/*", guard)
            page = context.new_page()
            page.goto(url, wait_until="networkidle")
            page.evaluate("files => Object.entries(files).forEach(([n, t]) => "
                          "window.sourcewise.storage.save(n, t))", files)
            page.reload(wait_until="networkidle")
            responses = []
            context.on("response", lambda response: responses.append(response))
            cold = press_check(page)
            points = page.inner_text(".sw-results__title")
            packed = raw = 0
            for response in responses:
                try:
                    body = response.body()
                except Exception:  # a redirect or an aborted request has no body
                    continue
                raw += len(body)
                packed += len(gzip.compress(body, compresslevel=9))
            warm = statistics.median(press_check(page) for _ in range(args.warm))
            browser.close()
        server.shutdown()
        local = local_pytest(args.exercise, folder, args.warm)
    ratio = warm / local
    megabytes = packed / 1e6
    print(f"exercise {args.exercise}: {points}")
    print(f"cold first check (empty cache): {cold:.2f} s (goal <= {GOALS['cold']:g} s)")
    print(f"warm re-check: {warm:.2f} s; local pytest: {local:.2f} s; ratio {ratio:.2f}x "
          f"(goal <= {GOALS['warm_ratio']:g}x)")
    print(f"download for the cold check: {len(responses)} responses, {raw / 1e6:.1f} MB raw, "
          f"{megabytes:.1f} MB gzipped (goal <= {GOALS['download_mb']:g} MB)")
    print(f"requests outside 127.0.0.1: {len(outside)}")
    return 0 if not outside else 1


if __name__ == "__main__":
    sys.exit(main())
