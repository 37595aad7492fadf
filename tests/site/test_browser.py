"""The built sites in Chromium: errors, outside requests, axe, keyboard, screenshots, weight.

Every page of both builds is visited (pages are discovered from the built folders, so pages
added later are covered). axe-core runs on every student page in the light and the dark
scheme, and on every instructor page whose content differs from the student page at the
same address (the rest differ only in the site name and one nav entry).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from conftest import ROOT, built_pages

SCHEMES = {"light": "default", "dark": "slate"}  # color_scheme -> Material's data attribute
ARTIFACTS = ROOT / "test-artifacts"
WEIGHT_LIMIT = 150_000  # bytes, gzipped, for the first load of the case-study page
LOCAL_SCHEMES = {"data", "blob", "about"}


def is_loopback(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname == "127.0.0.1"


@dataclass
class Visit:
    build: str
    scheme: str
    path: str
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    violations: list[dict] | None = None  # None: axe did not run on this visit
    body_scheme: str | None = None


def _content(html: str) -> str:
    start = html.index('<article class="md-content__inner md-typeset">')
    return html[start : html.rindex("</article>")]


def _page_html(site: Path, path: str) -> str | None:
    file = site / path if path.endswith(".html") else site / path / "index.html"
    return file.read_text(encoding="utf-8") if file.exists() else None


def _needs_axe(build: str, path: str, sites: dict[str, Path]) -> bool:
    """Every student page; instructor pages only where their content differs from students'."""
    if build == "student":
        return True
    student = _page_html(sites["student"], path)
    instructor = _page_html(sites["instructor"], path)
    return student is None or _content(student) != _content(instructor or "")


AXE_RUN = "axe.run({resultTypes: ['violations']}).then(results => results.violations)"


@pytest.fixture(scope="session")
def visits(browser, served, built_sites) -> list[Visit]:
    """One visit per page, build and scheme, recording errors, outside requests and axe."""
    results: list[Visit] = []
    for build, site in built_sites.items():
        for scheme, attribute in SCHEMES.items():
            context = browser.new_context(color_scheme=scheme,
                                          viewport={"width": 1280, "height": 900})
            current: list[Visit] = []

            def guard(route, current=current):
                if is_loopback(route.request.url):
                    route.continue_()
                else:
                    current[-1].outside.append(route.request.url)
                    route.abort()

            context.route("**/*", guard)
            context.add_init_script(AXE_SCRIPT)  # axe-core, shipped in axe-playwright-python
            page = context.new_page()
            page.on("console", lambda m, c=current: c[-1].errors.append(m.text)
                    if m.type == "error" else None)
            page.on("pageerror", lambda e, c=current: c[-1].errors.append(str(e)))
            for path in built_pages(site):
                run_axe = _needs_axe(build, path, built_sites)
                if scheme == "dark" and not run_axe:
                    continue  # loaded in the light scheme already
                visit = Visit(build, scheme, path)
                current.append(visit)
                page.goto(served[build] + path, wait_until="load")
                visit.body_scheme = page.get_attribute("body", "data-md-color-scheme")
                if run_axe:
                    visit.violations = page.evaluate(AXE_RUN)
                assert visit.body_scheme == attribute, f"{path}: scheme {visit.body_scheme}"
            results.extend(current)
            context.close()
    return results


def test_every_page_of_both_builds_is_visited(visits, built_sites):
    """The browser checks cover every built page of both builds, in both schemes for students."""
    for build, site in built_sites.items():
        seen = {v.path for v in visits if v.build == build}
        assert seen == set(built_pages(site))
    student = [v for v in visits if v.build == "student"]
    assert {v.scheme for v in student} == set(SCHEMES)
    assert any(v.path == "case-study/" for v in student)


def test_no_page_logs_a_console_error(visits):
    """No page of either build logs a console error or throws."""
    failures = [f"{v.build} {v.scheme} /{v.path}: {v.errors}" for v in visits if v.errors]
    assert not failures, "\n".join(failures)


def test_no_request_leaves_127_0_0_1(visits):
    """Every request a page makes goes to the local server (no fonts, CDNs or APIs)."""
    failures = [f"{v.build} /{v.path}: {v.outside}" for v in visits if v.outside]
    assert not failures, "\n".join(failures)


def _describe(violation: dict) -> str:
    targets = "; ".join(", ".join(n["target"]) for n in violation["nodes"][:5])
    return f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}"


def test_axe_finds_no_violation_in_light_or_dark(visits):
    """axe-core reports zero violations on every page, in the light and the dark scheme."""
    checked = [v for v in visits if v.violations is not None]
    assert {(v.scheme) for v in checked} == set(SCHEMES)
    failures = [
        f"{v.build} {v.scheme} /{v.path}: {_describe(x)}" for v in checked for x in v.violations
    ]
    assert not failures, "\n".join(failures)


def test_axe_catches_what_the_fixes_prevent(browser, served):
    """Undoing one of a11y.js's fixes (the search dialog's name) makes axe report it."""
    context = browser.new_context()
    context.add_init_script(AXE_SCRIPT)
    page = context.new_page()
    page.goto(served["student"] + "case-study/", wait_until="load")
    assert page.evaluate(AXE_RUN) == []
    page.evaluate("document.querySelector('.md-search').removeAttribute('aria-label')")
    assert [v["id"] for v in page.evaluate(AXE_RUN)] == ["aria-dialog-name"]
    context.close()


@pytest.fixture
def case_page(browser, served):
    """The student case-study page in a fresh light-scheme context."""
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(served["student"] + "case-study/")
    yield page
    context.close()


FIRST_TAG_WITH_LINK = """() => {
  for (const box of document.querySelectorAll("details.sw-more")) {
    const note = box.querySelector(".sw-note");
    if (note.querySelector("a[href]")) return note.id;
  }
  return null;
}"""


def _state(page, note_id):
    return page.evaluate(
        """(id) => {
            const note = document.getElementById(id);
            const box = note.closest("details");
            const tag = box.querySelector("summary");
            return {
                open: box.open,
                visible: note.checkVisibility() && note.getBoundingClientRect().height > 0,
                focusOnTag: document.activeElement === tag,
                focusInNote: note.contains(document.activeElement),
            };
        }""",
        note_id,
    )


def test_annotation_opens_and_closes_with_the_keyboard_alone(case_page):
    """Tab reaches a unit's tag; Enter opens its note, Escape closes it, Space and Enter toggle."""
    page = case_page
    note_id = page.evaluate(FIRST_TAG_WITH_LINK)
    assert note_id is not None
    for _ in range(600):
        page.keyboard.press("Tab")
        if _state(page, note_id)["focusOnTag"]:
            break
    else:
        pytest.fail("Tab never reached the tag")
    assert _state(page, note_id) == {"open": False, "visible": False,
                                     "focusOnTag": True, "focusInNote": False}
    page.keyboard.press("Enter")
    assert _state(page, note_id)["open"]
    assert _state(page, note_id)["visible"]
    page.keyboard.press("Tab")  # into the note: its first link
    assert _state(page, note_id)["focusInNote"]
    page.keyboard.press("Escape")
    assert _state(page, note_id) == {"open": False, "visible": False,
                                     "focusOnTag": True, "focusInNote": False}
    page.keyboard.press("Space")
    assert _state(page, note_id)["visible"]
    page.keyboard.press("Enter")
    assert not _state(page, note_id)["visible"]


def test_annotation_opens_and_closes_with_the_mouse(case_page):
    """Clicking a tag opens its note; clicking it again closes it."""
    note_id = case_page.evaluate(FIRST_TAG_WITH_LINK)
    tag = case_page.locator(f"details:has(#{note_id}) > summary")
    tag.click()
    assert case_page.locator(f"#{note_id}").is_visible()
    tag.click()
    assert not case_page.locator(f"#{note_id}").is_visible()


def test_notes_open_and_close_without_javascript(browser, served):
    """With JavaScript off, a click or Enter on a tag opens its note, and again closes it."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served["student"] + "case-study/")
    boxes = page.locator("details.sw-more")
    assert boxes.count() > 20
    note = boxes.nth(2).locator(".sw-note")
    summary = boxes.nth(2).locator("summary")
    assert not note.is_visible()
    summary.click()
    assert note.is_visible()
    summary.click()
    assert not note.is_visible()
    summary.focus()
    page.keyboard.press("Enter")
    assert note.is_visible()
    intro = page.locator("article p").first.inner_text()
    assert "Select the tag again to close it" in intro  # the instructions match what works
    context.close()


def test_a_link_to_a_unit_opens_its_note(browser, served):
    """Opening the case-study page at a unit's address (#u-...) shows that unit's note."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(served["student"] + "case-study/")
    note_id = page.evaluate(FIRST_TAG_WITH_LINK)
    unit_id = note_id.removeprefix("n-")
    page.goto(served["student"] + f"case-study/#u-{unit_id}")
    page.reload()
    assert page.locator(f"#{note_id}").is_visible()
    context.close()


TAGS_AT_LINE_START = """() => {
  const bad = [];
  for (const glue of document.querySelectorAll(".sw-article .sw-glue")) {
    const word = glue.querySelector(".sw-unit__text");
    const tag = glue.querySelector(".sw-tag");
    const rects = word.getClientRects();
    const last = rects[rects.length - 1];
    const box = tag.getBoundingClientRect();
    // On the same line: the tag's vertical middle lies within the last word's line box.
    const middle = (box.top + box.bottom) / 2;
    if (!(middle > last.top - 4 && middle < last.bottom + 4)) bad.push(glue.closest("[id]").id);
  }
  return bad;
}"""


@pytest.mark.parametrize("width", [360, 700, 1280])
def test_no_line_starts_with_a_tag(browser, served, width):
    """At phone, tablet and desktop widths, every tag sits on the line of its unit's last word."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(served["student"] + "case-study/")
    assert page.locator(".sw-article .sw-glue").count() > 40
    assert page.evaluate(TAGS_AT_LINE_START) == []
    context.close()


def test_claim_map_marks_link_to_their_units(browser, served):
    """Each claim-map mark is a named link to an existing unit; following one opens its note."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(served["student"] + "case-study/")
    links = page.locator("figure.sw-map a.sw-map__link")
    units = page.locator(".sw-article [id^='u-']")
    assert links.count() == units.count() > 40
    targets = page.evaluate("""() => [...document.querySelectorAll('a.sw-map__link')]
        .map(a => [a.getAttribute('aria-label'),
                   !!document.getElementById(a.getAttribute('href').slice(1))])""")
    assert all(label and exists for label, exists in targets)
    legend = page.locator("figure.sw-map .sw-map__legend li").all_inner_texts()
    for name in ("Sourced fact", "Official estimate", "Attributed claim",
                 "Unsupported framing"):
        assert any(name in item for item in legend), name
    last = page.locator("figure.sw-map a.sw-map__link").nth(5)
    href = last.get_attribute("href")
    last.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("h => location.hash === h", arg=href)
    box = page.locator(f"{href} details.sw-more")
    if box.count():  # a labelled unit: its note is open
        assert box.evaluate("d => d.open")
    context.close()


def test_instructor_sidebar_title_fits_its_box(browser, served):
    """The instructor build's two-line site name in the sidebar never overflows onto the menu."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(served["instructor"] + "instructors/")
    overflow = page.evaluate("""() => {
        const t = document.querySelector('.md-nav--primary > .md-nav__title');
        return [t.scrollHeight, t.clientHeight, t.getClientRects().length];
    }""")
    assert overflow[2] == 1
    assert overflow[0] <= overflow[1] + 1, overflow
    context.close()


def test_label_ids_in_tables_never_break_mid_word(browser, served):
    """Label ids such as unsourced_assertion in a table stay on one line on a narrow screen."""
    context = browser.new_context(viewport={"width": 420, "height": 900})
    page = context.new_page()
    page.goto(served["student"] + "exercises/label-by-hand/")
    lines = page.evaluate("""() => [...document.querySelectorAll('td code')]
        .filter(c => /^[a-z]+_[a-z_]+$/.test(c.textContent))
        .map(c => [c.textContent, c.getClientRects().length])""")
    assert len(lines) >= 5
    assert all(count == 1 for _, count in lines), lines
    context.close()


def test_screenshots_of_the_case_study_and_claim_map(browser, served, capsys):
    """Screenshots of the case-study page and of its claim map are saved as test artifacts."""
    ARTIFACTS.mkdir(exist_ok=True)
    saved = []
    for scheme in SCHEMES:
        context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(served["student"] + "case-study/", wait_until="networkidle")
        suffix = "" if scheme == "light" else "-dark"
        whole = ARTIFACTS / f"case-study{suffix}.png"
        figure = ARTIFACTS / f"claim-map{suffix}.png"
        page.screenshot(path=whole, full_page=True)
        # Scroll the figure clear of Material's fixed header before taking it alone.
        page.locator("figure.sw-map").evaluate(
            "e => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 100)")
        page.locator("figure.sw-map").screenshot(path=figure)
        saved += [whole, figure]
        context.close()
    for path in saved:
        assert path.stat().st_size > 5_000  # a real image, not an empty one
    with capsys.disabled():
        print("\nscreenshots: " + ", ".join(p.relative_to(ROOT).as_posix() for p in saved))


def test_search_index_loads_on_first_use_and_search_works(browser, served):
    """The search index is not part of a first load; focusing search loads it and finds text."""
    context = browser.new_context()
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(served["student"] + "case-study/", wait_until="networkidle")
    assert not [url for url in requested if url.endswith("search_index.json")]
    page.keyboard.press("s")  # Material's shortcut: focus the search field
    page.keyboard.type("Taliban")
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    assert [url for url in requested if url.endswith("search/search_index.json")]
    assert page.locator(".md-search-result__item").count() > 0
    context.close()


def test_case_study_first_load_weighs_at_most_150_kb_gzipped(browser, served, capsys):
    """Everything the case-study page loads at first (HTML, CSS, JS, ...) is <= 150 KB gzipped."""
    context = browser.new_context()
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(served["student"] + "case-study/", wait_until="networkidle")
    raw = packed = 0
    for response in responses:
        body = response.body()
        raw += len(body)
        packed += len(gzip.compress(body, compresslevel=9))
    context.close()
    kinds = sorted({urlsplit(r.url).path.rsplit(".", 1)[-1] for r in responses})
    with capsys.disabled():
        print(f"\ncase-study first load: {len(responses)} responses ({', '.join(kinds)}), "
              f"{raw:,} bytes raw, {packed:,} bytes gzipped (limit {WEIGHT_LIMIT:,})")
    assert len(responses) >= 3  # the page, its CSS and its JS at least
    assert packed <= WEIGHT_LIMIT


def test_trace_activity_gives_feedback_at_once_by_keyboard(browser, served):
    """With the keyboard only, a student picks a report and a change, checks, and reads feedback."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(served["student"] + "trace-it/")
    form = page.locator("form.sw-trace__form").first
    item = form.get_attribute("data-item")
    answer = page.locator(f"#{item}-answer [data-answer]").get_attribute("data-answer")
    change = page.locator(f"#{item}-answer [data-changes]").get_attribute("data-changes").split()[0]
    form.locator(f"#{item}-source-{answer}").focus()
    page.keyboard.press("Space")
    form.locator(f"#{item}-change-{change}").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # past the other changes (one radio group is one tab stop)
    assert page.evaluate("document.activeElement.textContent") == "Check my answer"
    page.keyboard.press("Enter")
    feedback = form.locator(".sw-trace__feedback").inner_text()
    assert feedback.startswith("✓ Right report. ✓ Right:")
    assert page.url.endswith("/trace-it/")  # no navigation: the script handled it
    # A wrong report is called wrong.
    others = form.locator(f"input[name='{item}-source']:not([value='{answer}'])").first
    others.check()
    form.locator("button.sw-trace__check").click()
    assert "✗ Not that" in form.locator(".sw-trace__feedback").inner_text()
    context.close()


def test_trace_activity_works_without_javascript(browser, served):
    """With JavaScript off, the radios work, no check button shows, and each answer opens."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served["student"] + "trace-it/")
    forms = page.locator("form.sw-trace__form")
    assert forms.count() >= 6
    assert not page.locator("button.sw-trace__check").first.is_visible()
    first = forms.first
    item = first.get_attribute("data-item")
    first.locator("input[type=radio]").first.check()
    assert first.locator("input[type=radio]").first.is_checked()
    answer = page.locator(f"#{item}-answer")
    why = answer.locator(".sw-trace__why")
    assert not why.is_visible()
    answer.locator("summary").click()
    assert why.is_visible()
    context.close()


@pytest.mark.parametrize(("width", "side_by_side"), [(1400, True), (390, False)])
def test_sourced_version_pairs_sit_side_by_side_on_wide_screens_only(browser, served, width,
                                                                      side_by_side):
    """On a wide screen our version sits beside the article's text; on a phone, below it."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(served["student"] + "sourced-version/")
    pair = page.locator(".sw-sv__pair").first
    left = pair.locator(".sw-sv__original").bounding_box()
    right = pair.locator(".sw-sv__ours").bounding_box()
    assert (abs(left["y"] - right["y"]) < 2 and right["x"] > left["x"]) == side_by_side
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1  # no sideways scrolling on a phone
    context.close()
