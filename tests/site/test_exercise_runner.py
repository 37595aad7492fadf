"""The exercise pages' editor and "Check my work", in Chromium, against local pytest.

One built site, one server and one browser for the whole session (conftest.py); this module
shares one page. Every request must stay on 127.0.0.1. The points the page shows per check
are compared with `pytest --submission` run locally on the same files in this test run.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
import zipfile
from html import escape as html_escape
from pathlib import Path

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from test_browser import AXE_RUN, SCHEMES, WEIGHT_LIMIT, is_loopback

from conftest import CHROMIUM_ARGS, ROOT
from sourcewise.batch.project import Project
from sourcewise.casestudy import default_case_study
from sourcewise.exercises.catalogue import EXERCISES
from sourcewise.prerequisites import find_chromium
from sourcewise.release.leaks import find_leaks
from sourcewise.site.runner import student_files
from sourcewise.site.runner_page import NOT_CODED

CODED = [e for e in EXERCISES if e.name not in NOT_CODED]
VARIANTS = {
    "solution": ROOT / "instructor" / "solutions",
    "starter": ROOT / "exercises",
    "partial": ROOT / "tests" / "exercises" / "submissions" / "partial",
}
CHECK_TIMEOUT = 180_000  # ms: a cold start on a busy machine, plus restarts after a loop
# Ends every call that sees the article's glued sentence ("sights.The"): an endless loop
# in the middle of the checks' items.
ENDLESS = '''def split_sentences(text):
    if "sights.The" in text:
        while True:
            pass
    return [text.strip()]
'''


def variant_files(variant: str) -> dict[str, str]:
    """Every student file of a variant (the starter where the variant has no such file)."""
    files = {}
    for file in student_files(ROOT / "exercises"):
        path = VARIANTS[variant] / file.name
        if not path.is_file():
            path = ROOT / "exercises" / file.name
        files[file.name] = path.read_text(encoding="utf-8")
    return files


def local_points(folder: Path, check_files: list[Path], out: Path) -> dict[str, dict]:
    """Per exercise, {check name: points} from local `pytest --submission folder`."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", *map(str, check_files), "--submission", str(folder),
         "--results-json", str(out), "-p", "no:cacheprovider", "-q"],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert out.is_file(), done.stdout + done.stderr
    points: dict[str, dict] = {}
    for check in json.loads(out.read_text(encoding="utf-8"))["checks"]:
        points.setdefault(check["exercise"], {})[check["name"]] = check["points"]
    return points


def write_folder(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def local(tmp_path_factory) -> dict[str, dict[str, dict]]:
    """Local pytest's points for every variant, exercise and check (one run per variant)."""
    base = tmp_path_factory.mktemp("local")
    checks = [ROOT / "exercises" / f"test_{e.name}.py" for e in CODED]
    return {variant: local_points(write_folder(base / variant, variant_files(variant)), checks,
                                  base / f"{variant}.json") for variant in VARIANTS}


@pytest.fixture(scope="module")
def outside() -> list[str]:
    """Requests that tried to leave 127.0.0.1 (they are blocked)."""
    return []


def new_context(browser, outside, scheme="light"):
    context = browser.new_context(color_scheme=scheme, accept_downloads=True,
                                  service_workers="block", viewport={"width": 1280, "height": 900})

    def guard(route):
        if is_loopback(route.request.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    return context


@pytest.fixture(scope="module")
def page(browser, served, outside):
    """One page for the module's tests, in a light-scheme context."""
    context = new_context(browser, outside)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    yield page
    context.close()


def open_exercise(page, served, exercise):
    page.goto(served["student"] + exercise.page.removesuffix(".md") + "/")
    page.wait_for_selector(".sw-runner .sw-runner__tools:not([hidden])")


def store(page, files: dict[str, str]) -> None:
    page.evaluate("files => Object.entries(files).forEach(([n, t]) => "
                  "window.sourcewise.storage.save(n, t))", files)


def open_file(page, name: str, text: str) -> None:
    """Load code into the editor through its "Open a file" button."""
    page.set_input_files(".sw-runner input[type=file]", files=[
        {"name": name, "mimeType": "text/x-python", "buffer": text.encode("utf-8")}])
    page.wait_for_function("name => document.querySelector('.sw-runner__status')"
                           ".textContent.startsWith('Opened ' + name)", arg=name)


def check(page) -> dict[str, float]:
    """Press "Check my work"; the points shown per check."""
    page.evaluate("document.querySelector('.sw-runner__results').textContent = ''")
    page.click(".sw-runner button[data-action=check]")
    page.wait_for_selector(".sw-results__title, .sw-runner__results [role=alert]",
                           timeout=CHECK_TIMEOUT)
    page.wait_for_function("!document.querySelector('.sw-runner__results[aria-busy]')")
    assert page.locator(".sw-results__title").count() == 1, page.inner_text(".sw-runner__results")
    return dict(page.evaluate("[...document.querySelectorAll('.sw-check')].map(li => "
                              "[li.dataset.check, Number(li.dataset.points)])"))


@pytest.mark.parametrize("exercise", CODED, ids=[e.name for e in CODED])
def test_the_page_gives_the_points_of_local_pytest(page, served, local, exercise):
    """Solution, starter and a partial solution: each check's points on the page equal
    local `pytest --submission` on the same files."""
    open_exercise(page, served, exercise)
    for variant in VARIANTS:
        files = variant_files(variant)
        store(page, files)
        name = f"{exercise.name}.py"
        open_file(page, name, files[name])
        shown = check(page)
        assert shown == pytest.approx(local[variant][exercise.name]), variant
    assert sum(local["solution"][exercise.name].values()) > sum(
        local["starter"][exercise.name].values())  # the variants differ
    assert page.errors == []


def test_an_endless_loop_is_stopped_and_named_then_the_next_check_works(page, served, tmp_path,
                                                                         local):
    """A call that never returns: the page names it and its sentence, gives the points local
    pytest gives, and the next check (the solution) gets full marks."""
    exercise = CODED[0]
    open_exercise(page, served, exercise)
    store(page, variant_files("solution"))
    open_file(page, f"{exercise.name}.py", ENDLESS)
    shown = check(page)
    stopped = " ".join(page.locator(".sw-results__stopped").all_inner_texts())
    paragraph = next(line for line in default_case_study().text.splitlines()
                     if "sights.The" in line)
    assert f"split_sentences('{paragraph[:40]}" in stopped, stopped
    assert "endless loop" in stopped
    folder = write_folder(tmp_path / "endless", {**variant_files("solution"),
                                                 f"{exercise.name}.py": ENDLESS})
    expected = local_points(folder, [ROOT / "exercises" / f"test_{exercise.name}.py"],
                            tmp_path / "endless.json")[exercise.name]
    assert shown == pytest.approx(expected)
    assert 0 < sum(shown.values()) < sum(local["solution"][exercise.name].values())
    open_file(page, f"{exercise.name}.py", variant_files("solution")[f"{exercise.name}.py"])
    assert check(page) == pytest.approx(local["solution"][exercise.name])
    assert page.locator(".sw-results__stopped").count() == 0


def test_code_survives_a_reload_and_reset_asks_first(page, served):
    """Typed code is saved as it is typed and is there after a reload; "Reset to the
    starter" asks, and only a yes brings the starter back."""
    exercise = CODED[1]
    open_exercise(page, served, exercise)
    name = f"{exercise.name}.py"
    page.evaluate("name => window.sourcewise.storage.clear(name)", name)
    page.reload()
    page.click(".sw-runner textarea")
    page.wait_for_selector(".sw-runner .cm-content:focus")
    page.keyboard.press("Control+End")
    page.keyboard.type("\n# my own note, kept\n")
    page.reload()
    page.wait_for_selector(".sw-runner .sw-runner__tools:not([hidden])")
    assert "# my own note, kept" in page.input_value(".sw-runner textarea")
    answers = iter([False, True])
    page.on("dialog", lambda dialog: dialog.accept() if next(answers) else dialog.dismiss())
    page.click(".sw-runner button[data-action=reset]")
    page.wait_for_timeout(300)
    assert "# my own note, kept" in page.input_value(".sw-runner textarea")
    page.click(".sw-runner button[data-action=reset]")
    starter = (ROOT / "exercises" / name).read_text(encoding="utf-8")
    page.wait_for_function("name => window.sourcewise.storage.load(name) === null", arg=name)
    assert page.input_value(".sw-runner textarea") == starter


def test_download_all_is_graded_by_sourcewise_grade_as_on_the_page(page, served, tmp_path):
    """"Download all" gives exercises/<file>.py for every student file; `sourcewise grade`
    gives that zip the page's points, and "Download" gives the one file."""
    exercise = CODED[0]
    open_exercise(page, served, exercise)
    name = f"{exercise.name}.py"
    files = {**variant_files("solution"), name: variant_files("partial")[name]}
    store(page, files)
    page.reload()
    page.wait_for_selector(".sw-runner .sw-runner__tools:not([hidden])")
    shown = check(page)
    with page.expect_download() as one:
        page.click(".sw-runner button[data-action=download]")
    assert one.value.suggested_filename == f"{exercise.name}.py"
    assert Path(one.value.path()).read_text(encoding="utf-8") == files[f"{exercise.name}.py"]
    with page.expect_download() as download:
        page.click(".sw-runner button[data-action=download-all]")
    submissions = tmp_path / "submissions"
    submissions.mkdir()
    archive = submissions / "student-one.zip"
    download.value.save_as(archive)
    with zipfile.ZipFile(archive) as opened:
        assert opened.testzip() is None
        assert {n: opened.read(n).decode() for n in opened.namelist()} == {
            f"exercises/{name}": text for name, text in files.items()}
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "sourcewise.cli", "grade", str(submissions),
                           "--out", str(out), "--public-only", "--project", str(ROOT)],
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    [results] = [json.loads(p.read_text()) for p in (out / "students").glob("*/results.json")]
    graded = [test["score"] for test in results["tests"] if exercise.name in test["tags"]]
    assert graded == pytest.approx(list(shown.values()), abs=1e-3)  # same order; 4 places


def _focus(page) -> dict:
    return page.evaluate("""() => {
        const a = document.activeElement;
        return {inEditor: !!a.closest('.cm-editor') || a.matches('.sw-runner textarea'),
                action: a.getAttribute('data-action'), heading: a.matches('.sw-results__title'),
                text: a.textContent.slice(0, 200)};
    }""")


def test_keyboard_alone_reaches_the_editor_leaves_it_runs_and_reads(browser, served, outside):
    """Tab reaches the editor; Escape then Tab leaves it for "Check my work"; Enter runs
    the checks and moves the focus to the results, which say the points."""
    context = new_context(browser, outside)
    page = context.new_page()
    open_exercise(page, served, CODED[2])
    for _ in range(400):
        page.keyboard.press("Tab")
        if _focus(page)["inEditor"]:
            break
    else:
        pytest.fail("Tab never reached the editor")
    page.wait_for_selector(".sw-runner .cm-content:focus")
    page.keyboard.press("Tab")  # inside the editor, Tab indents
    assert _focus(page)["inEditor"]
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    assert _focus(page)["action"] == "check"
    page.keyboard.press("Enter")
    page.wait_for_selector(".sw-results__title:focus", timeout=CHECK_TIMEOUT)
    assert _focus(page)["text"].startswith("Results: ")
    context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_nothing_with_the_editor_and_results_open(browser, served, outside, scheme):
    """axe-core reports zero violations on an exercise page with the editor loaded and
    failed-check results (items, hints, lesson links) shown, in light and dark."""
    context = new_context(browser, outside, scheme)
    context.add_init_script(AXE_SCRIPT)
    page = context.new_page()
    exercise = CODED[0]
    open_exercise(page, served, exercise)
    store(page, variant_files("partial"))
    page.reload()
    page.click(".sw-runner textarea")
    page.wait_for_selector(".sw-runner .cm-editor")
    check(page)
    assert page.locator(".sw-check--failed .sw-item").count() > 0
    assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
    violations = page.evaluate(AXE_RUN)
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations]
    context.close()


def test_no_runner_request_leaves_127_0_0_1(outside, page):
    """Nothing the runner loads (Pyodide, wheels, the editor) comes from outside."""
    assert outside == []


def test_an_exercise_page_first_load_stays_small_and_loads_no_runtime(browser, served, outside):
    """Opening an exercise page loads <= 150 KB gzipped and none of Pyodide, the Python
    archive or the editor bundle: they load on first use."""
    context = new_context(browser, outside)
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    open_exercise(page, served, CODED[0])
    page.wait_for_load_state("networkidle")
    urls = [r.url for r in responses]
    packed = sum(len(gzip.compress(r.body(), compresslevel=9)) for r in responses)
    context.close()
    assert not [u for u in urls if "/runner/pyodide/" in u or u.endswith(("python.zip",
                                                                          "editor.js"))]
    assert any(u.endswith("/runner/runner.js") for u in urls)
    assert packed <= WEIGHT_LIMIT


def test_every_coded_exercise_page_has_the_editor_with_its_starter(built_sites):
    """Exercises 2 to 9 carry the editor holding their starter; exercise 1 does not."""
    for exercise in EXERCISES:
        html = (built_sites["student"] / exercise.page.removesuffix(".md") / "index.html"
                ).read_text(encoding="utf-8")
        has = f'data-exercise="{exercise.name}"' in html and "sw-runner__code" in html
        assert has == (exercise in CODED), exercise.name
        if has:
            starter = (ROOT / "exercises" / f"{exercise.name}.py").read_text(encoding="utf-8")
            first_line = html_escape(starter.splitlines()[0], quote=False)
            assert first_line in html


def test_the_leak_search_opens_the_runner_files(built_sites, tmp_path):
    """The runner as built holds no secret; a reference solution slipped into its Python
    archive is found there, and one in its editor bundle too."""
    project = Project.locate(ROOT)
    bundle = tmp_path / "bundle"
    shutil.copytree(built_sites["student"] / "runner", bundle / "site" / "runner")
    assert find_leaks(project, bundle) == []
    solution = (ROOT / "instructor" / "solutions" / f"{CODED[1].name}.py").read_text()
    with zipfile.ZipFile(bundle / "site" / "runner" / "python.zip", "a") as archive:
        archive.writestr("sourcewise/exercises/smuggled.py", solution)
    with (bundle / "site" / "runner" / "editor.js").open("a", encoding="utf-8") as editor:
        editor.write("\n/* " + (ROOT / "instructor" / "hidden" /
                                f"test_{CODED[2].name}_hidden.py").read_text() + " */\n")
    found = {(leak.secret.kind, leak.found_in) for leak in find_leaks(project, bundle)}
    assert ("solution", "site/runner/python.zip!sourcewise/exercises/smuggled.py") in found
    assert ("hidden check", "site/runner/editor.js") in found


def test_student_files_are_every_editable_module_beside_the_starters(tmp_path):
    """The runner loads every .py a student edits (helpers included), never the checks."""
    for name in ("split_sentences.py", "textkit.py", "test_split_sentences.py",
                 "conftest.py", "notes.txt"):
        (tmp_path / name).write_text("")
    files = student_files(tmp_path)
    assert [(f.name, f.exercise) for f in files] == [("split_sentences.py", "split_sentences"),
                                                     ("textkit.py", None)]


# Allocates without bound on the article's glued sentence: bytes that double until the
# interpreter runs out of memory, in the middle of the checks' items.
HOG = '''def split_sentences(text):
    if "sights.The" in text:
        grown = text.encode()
        while True:
            grown = grown + grown
    return [text.strip()]
'''


def test_a_memory_hog_is_named_with_its_sentence_then_the_next_check_works(page, served,
                                                                           tmp_path, local):
    """A call that allocates without bound: the failed item names the function, its
    sentence and the MemoryError, the points equal local pytest's, and the next check (the
    solution) gets full marks."""
    exercise = CODED[0]
    open_exercise(page, served, exercise)
    store(page, variant_files("solution"))
    open_file(page, f"{exercise.name}.py", HOG)
    shown = check(page)
    paragraph = next(line for line in default_case_study().text.splitlines()
                     if "sights.The" in line)
    item = page.locator(".sw-item", has_text=paragraph[:60])
    assert item.count() == 1, page.inner_text(".sw-runner__results")
    # Pyodide either raises MemoryError, or (on a busy machine, growing its memory is slow)
    # the page's watchdog ends the worker first and names the call in its banner.
    stopped = " ".join(page.locator(".sw-results__stopped").all_inner_texts())
    assert ("split_sentences raised MemoryError" in item.inner_text()
            or f"split_sentences('{paragraph[:40]}" in stopped), item.inner_text()
    folder = write_folder(tmp_path / "hog", {**variant_files("solution"),
                                             f"{exercise.name}.py": HOG})
    expected = local_points(folder, [ROOT / "exercises" / f"test_{exercise.name}.py"],
                            tmp_path / "hog.json")[exercise.name]
    assert shown == pytest.approx(expected)
    assert 0 < sum(shown.values()) < sum(local["solution"][exercise.name].values())
    open_file(page, f"{exercise.name}.py", variant_files("solution")[f"{exercise.name}.py"])
    assert check(page) == pytest.approx(local["solution"][exercise.name])
    assert page.errors == []




def test_after_one_check_the_page_and_its_runner_work_offline(browser, served, local, outside):
    """Service worker allowed: after one check, with the network gone, the exercise page
    reloads, its editor comes up and a check runs and gives the same points."""
    context = browser.new_context(service_workers="allow", viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))

    def guard(route):
        outside.append(route.request.url)
        route.abort()

    context.route(lambda url: not is_loopback(url), guard)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        exercise = CODED[0]
        name = f"{exercise.name}.py"
        open_exercise(page, served, exercise)
        store(page, variant_files("solution"))
        open_file(page, name, variant_files("solution")[name])
        assert check(page) == pytest.approx(local["solution"][exercise.name])
        # The service worker keeps the page and the runtime once told of them; wait for it.
        page.wait_for_function(
            "base => Promise.all([location.href.split('#')[0], ...['python.zip', "
            "'pyodide/pyodide.asm.wasm', 'worker.js'].map(u => base + 'runner/' + u)]"
            ".map(u => caches.match(u))).then(hits => hits.every(Boolean))",
            arg=served["student"], timeout=60_000)
        context.set_offline(True)
        page.reload()
        page.wait_for_selector(".sw-runner .sw-runner__tools:not([hidden])")
        open_file(page, name, variant_files("starter")[name])
        assert check(page) == pytest.approx(local["starter"][exercise.name])
        assert errors == []
        assert all(is_loopback(url) for url in requests), requests
    finally:
        context.close()


def test_code_survives_closing_and_reopening_the_browser(browser, served, tmp_path):
    """Code typed in the editor is there after the whole browser is closed and started
    again on the same profile (as a student's browser keeps its site data)."""
    exercise, profile = CODED[2], tmp_path / "profile"
    note = "# typed before the browser was closed"

    def start():
        # A persistent context is a browser of its own, on the profile folder.
        context = browser.browser_type.launch_persistent_context(
            profile, executable_path=find_chromium(), args=CHROMIUM_ARGS,
            service_workers="block")
        context.route("**/*", lambda route: route.continue_()
                      if is_loopback(route.request.url) else route.abort())
        return context, context.pages[0] if context.pages else context.new_page()

    context, page = start()
    open_exercise(page, served, exercise)
    page.click(".sw-runner textarea")
    page.wait_for_selector(".sw-runner .cm-content:focus")
    page.keyboard.press("Control+End")
    page.keyboard.type(f"\n{note}\n")
    page.wait_for_function("([name, note]) => (window.sourcewise.storage.load(name) || '')"
                           ".includes(note)", arg=[f"{exercise.name}.py", note])
    context.close()

    context, page = start()
    open_exercise(page, served, exercise)
    assert note in page.input_value(".sw-runner textarea")
    context.close()
