"""Exercise 1's form in Chromium: filled by mouse and keyboard, saved, downloaded, graded.

The form is filled with the reference answers (instructor/solutions/label_by_hand.py) by
clicking words and labels; the file it downloads is graded by `sourcewise grade` beside the
reference file and must get the same points, check by check.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from conftest import ROOT
from test_browser import AXE_RUN, SCHEMES, _describe, is_loopback

from sourcewise.casestudy import default_case_study

PAGE = "exercises/label-by-hand/"
SOLUTION = ROOT / "instructor" / "solutions" / "label_by_hand.py"
UNITS = default_case_study().hand_label_units


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REFERENCE = _load(SOLUTION, "reference_label_by_hand").ANSWERS


class Tab:
    """A page of a fresh browser context, with every request leaving 127.0.0.1 recorded."""

    def __init__(self, browser, url: str, scheme: str = "light", javascript: bool = True):
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(color_scheme=scheme, accept_downloads=True,
                                           java_script_enabled=javascript,
                                           viewport={"width": 1280, "height": 900})
        self.context.route("**/*", self._guard)
        self.context.add_init_script(AXE_SCRIPT)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.goto(url, wait_until="load")

    def _guard(self, route):
        if is_loopback(route.request.url):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def answers(self) -> dict:
        return self.page.evaluate("document.getElementById('sw-label-form').sourcewise.answers()")

    def close(self):
        self.context.close()


@pytest.fixture
def tab(browser, served):
    """The student site's exercise 1 page, in a fresh light-scheme context."""
    opened = Tab(browser, served["student"] + PAGE)
    yield opened
    assert opened.outside == []
    assert opened.errors == []
    opened.close()


def _word_indexes(sentence: str, quote: str) -> list[int]:
    """The indexes of the words (runs of non-space) that the quote's first occurrence touches."""
    start = sentence.index(quote)
    end = start + len(quote)
    indexes, at = [], 0
    for index, word in enumerate(sentence.split()):
        at = sentence.index(word, at)
        if at < end and start < at + len(word):
            indexes.append(index)
        at += len(word)
    return indexes


def fill_by_clicking(page, answers: dict) -> None:
    """Choose each label and click each word of each quote, as a student with a mouse would."""
    for unit in UNITS:
        answer = answers[unit.id]
        page.click(f"label[for='lf-{unit.id}-l-{answer['label']}']")
        for quote in answer["evidence"]:
            for index in _word_indexes(unit.text, quote):
                page.click(f"label[for='lf-{unit.id}-w{index}']")


def _graded_tests(out: Path, student: str) -> list[tuple[str, float, float]]:
    results = json.loads((out / "students" / student / "results.json").read_text("utf-8"))
    return [(t["name"], t["score"], t["max_score"]) for t in results["tests"]
            if "label_by_hand" in t.get("tags", [])]


@pytest.fixture(scope="module")
def downloaded(browser, served, tmp_path_factory) -> tuple[Path, dict]:
    """The form filled with the reference answers by clicking: its file and its answers()."""
    opened = Tab(browser, served["student"] + PAGE)
    fill_by_clicking(opened.page, REFERENCE)
    answers = opened.answers()
    with opened.page.expect_download() as info:
        opened.page.click("button.sw-lf-download")
    download = info.value
    folder = tmp_path_factory.mktemp("form-download")
    path = folder / download.suggested_filename
    download.save_as(path)
    assert opened.outside == [] and opened.errors == []
    opened.close()
    return path, answers


def test_clicking_the_reference_answers_builds_the_reference_dictionary(downloaded):
    """Clicked labels and words give the reference labels and quotes, sentence by sentence
    (quotes of neighbouring words become one quote: the form marks words, not quotes)."""
    _, answers = downloaded
    assert list(answers) == [unit.id for unit in UNITS]
    for unit in UNITS:
        answer, reference = answers[unit.id], REFERENCE[unit.id]
        assert answer["sentence"] == unit.text
        assert answer["label"] == reference["label"]
        for quote in reference["evidence"]:
            assert any(quote in mine for mine in answer["evidence"]), (unit.id, quote)
        marked = {i for quote in reference["evidence"] for i in _word_indexes(unit.text, quote)}
        assert sum(len(q.split()) for q in answer["evidence"]) == len(marked), unit.id


def test_the_downloaded_file_is_label_by_hand_py_returning_those_answers(downloaded):
    """The download is named label_by_hand.py and its answers() returns the form's dictionary."""
    path, answers = downloaded
    assert path.name == "label_by_hand.py"
    assert _load(path, "downloaded_label_by_hand").answers() == answers


def test_sourcewise_grade_gives_the_download_the_reference_points(downloaded, tmp_path):
    """`sourcewise grade` gives the downloaded file the reference file's points, check by check."""
    path, _ = downloaded
    submissions = tmp_path / "class"
    for student, source in {"form": path, "reference": SOLUTION}.items():
        (submissions / student).mkdir(parents=True)
        (submissions / student / "label_by_hand.py").write_bytes(source.read_bytes())
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "sourcewise.cli", "grade", str(submissions), "--out", str(out),
         "--project", str(ROOT)], capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    with (out / "status.csv").open(encoding="utf-8", newline="") as stream:
        rows = {row["student"]: row for row in csv.DictReader(stream)}
    assert rows["form"]["status"] == rows["reference"]["status"] == "graded"
    assert rows["form"]["points"] == rows["reference"]["points"]
    form, reference = _graded_tests(out, "form"), _graded_tests(out, "reference")
    assert form == reference
    assert len(form) >= 4  # two public checks and two hidden ones
    assert all(score == maximum for _, score, maximum in form)


def test_keyboard_alone_marks_words_and_chooses_a_label(tab):
    """Tab reaches a sentence's words, arrows move, Space marks; Tab then Space picks a label."""
    page, unit = tab.page, UNITS[0]
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == f"lf-{unit.id}-w0":
            break
    else:
        pytest.fail("Tab never reached the first word of the first sentence")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.id") == f"lf-{unit.id}-w3"
    page.keyboard.press("Tab")  # the words are one stop: Tab leaves them for the labels
    assert page.evaluate("document.activeElement.type") == "radio"
    page.keyboard.press("ArrowRight")  # moves to and chooses the next label
    answer = tab.answers()[unit.id]
    expected_quote = " ".join(unit.text.split()[2:4])
    assert answer["evidence"] == [expected_quote]
    assert answer["label"] == page.evaluate("document.activeElement.value")
    assert answer["label"] is not None


def test_a_mouse_selection_marks_every_word_it_touches(tab):
    """Dragging over words from the second to the fourth marks those three as one quote."""
    page, unit = tab.page, UNITS[3]
    page.locator(f"label[for='lf-{unit.id}-w0']").scroll_into_view_if_needed()
    first = page.locator(f"label[for='lf-{unit.id}-w1']").bounding_box()
    last = page.locator(f"label[for='lf-{unit.id}-w3']").bounding_box()
    page.mouse.move(first["x"] + 3, first["y"] + first["height"] / 2)
    page.mouse.down()
    page.mouse.move(last["x"] + last["width"] - 3, last["y"] + last["height"] / 2, steps=8)
    page.mouse.up()
    assert tab.answers()[unit.id]["evidence"] == [" ".join(unit.text.split()[1:4])]


def test_answers_survive_a_reload_and_start_again_asks_first(tab):
    """A reload keeps labels and marks; "Start again" clears only once the student confirms."""
    page, unit = tab.page, UNITS[1]
    fill_by_clicking(page, REFERENCE)
    before = tab.answers()
    page.reload(wait_until="load")
    assert tab.answers() == before
    stored = page.evaluate("localStorage.getItem('sourcewise:form:label_by_hand')")
    assert json.loads(stored)["units"][unit.id]["label"] == REFERENCE[unit.id]["label"]
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("button.sw-lf-reset")
    assert tab.answers() == before
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button.sw-lf-reset")
    assert all(a["label"] is None and a["evidence"] == [] for a in tab.answers().values())


def test_unreadable_saved_answers_are_kept_aside_and_reported(tab):
    """Broken saved state does not stop the form: it is kept under another key and reported."""
    page = tab.page
    page.evaluate("localStorage.setItem('sourcewise:form:label_by_hand', '{not json')")
    page.reload(wait_until="load")
    assert "could not be read" in page.text_content(".sw-lf-status")
    assert page.evaluate("localStorage.getItem('sourcewise:form:label_by_hand:unreadable')") \
        == "{not json"
    assert page.is_visible("#sw-label-form")


ODD = ['"', "'", "\\", '\\"', "\n", "\r\n", "\t", "\x00", "\x7f", "\u2028", "\u2029", "’",
       "\U0001f600", '"""', "'''", "{", "}", "#", "\\N{BULLET}", "\\u2019", "${x}", "`", "\ufeff"]


def _odd_strings(seed: int, count: int) -> list[str]:
    pieces = [*ODD, "a", " ", "word", "é", "中", "\u0301"]
    generator = random.Random(seed)
    return ["".join(generator.choice(pieces) for _ in range(generator.randint(0, 12)))
            for _ in range(count)]


def test_the_generated_file_is_valid_python_for_odd_strings(tab, tmp_path):
    """Quotes, backslashes, newlines, NUL and non-ASCII text come back from the file exactly."""
    strings = ODD + _odd_strings(seed=11, count=300)
    answers = {}
    for index in range(0, len(strings) - 2, 3):
        answers[strings[index] + f"#{index}"] = {"sentence": strings[index + 1], "label": None,
                                                 "evidence": strings[index: index + 3]}
    answers["labelled"] = {"label": strings[5], "evidence": []}
    source = tab.page.evaluate("(a) => SourcewiseLabelForm.pythonSource(a)", answers)
    path = tmp_path / "label_by_hand.py"
    path.write_bytes(source.encode("utf-8"))
    assert _load(path, "odd_label_by_hand").answers() == answers


def test_a_lone_surrogate_becomes_an_escape_not_a_broken_file(tab, tmp_path):
    """A string with half a surrogate pair still makes a UTF-8 file Python can read."""
    source = tab.page.evaluate(
        "() => SourcewiseLabelForm.pythonSource({x: {label: null, evidence: ['a\\ud800b']}})")
    path = tmp_path / "label_by_hand.py"
    path.write_bytes(source.encode("utf-8"))
    assert _load(path, "surrogate_label_by_hand").answers() == {
        "x": {"label": None, "evidence": ["a\ud800b"]}}


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_axe_finds_no_violation_in_the_filled_form(browser, served, scheme):
    """axe-core reports nothing on the page with a filled form, in light and dark."""
    opened = Tab(browser, served["student"] + PAGE, scheme=scheme)
    fill_by_clicking(opened.page, REFERENCE)
    opened.page.focus(f"#lf-{UNITS[0].id}-w0")
    # Scrolling up shows Material's "Back to top" button, fading in: axe must see it faded in.
    opened.page.wait_for_function("getComputedStyle(document.querySelector('.md-top')).opacity"
                                  " === '1' || document.querySelector('.md-top').hidden")
    opened.page.wait_for_timeout(300)
    violations = opened.page.evaluate(AXE_RUN)
    opened.close()
    assert [_describe(v) for v in violations] == []


def test_without_javascript_the_page_says_how_to_do_it_by_hand(browser, served):
    """With JavaScript off the form stays hidden and the page lists the sentences to answer."""
    opened = Tab(browser, served["student"] + PAGE, javascript=False)
    page = opened.page
    assert not page.is_visible("#sw-label-form")
    note = page.locator("noscript + *, .sw-lf-plain").first
    assert note.is_visible()
    text = page.text_content("article")
    assert "This form needs JavaScript" in text
    for unit in UNITS:
        assert f"{unit.id}: {unit.text}" in text
    assert "pytest exercises/test_label_by_hand.py" in text
    opened.close()
