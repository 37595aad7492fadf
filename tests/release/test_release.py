"""`sourcewise release`: the student bundle holds what students need and no answer."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from sourcewise.batch.project import Project
from sourcewise.casestudy import load_case_study
from sourcewise.exercises.catalogue import EXERCISES, HELPER_MODULES
from sourcewise.grading.site_url import read_site_url
from sourcewise.release.bundle import assemble, exercise_page_link
from sourcewise.release.leaks import words

REPO = Path(__file__).resolve().parents[2]
BUNDLE = "sourcewise-student"


def release(project: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sourcewise.cli", "release", "--out", str(out), "--project",
         str(project)], capture_output=True, text=True, timeout=900, check=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The release of this repository, built once for the module."""
    out = tmp_path_factory.mktemp("release")
    done = release(REPO, out)
    assert done.returncode == 0, done.stderr
    (out / "stderr.txt").write_text(done.stderr, encoding="utf-8")
    return out


def normalise(text: str) -> str:
    """Text as a reader sees it: tags, entities and JSON escapes undone, spaces collapsed."""
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    text = html.unescape(re.sub(r"<[A-Za-z/!?][^<>]*>", " ", text))
    return " ".join(text.split()).casefold()


def test_the_bundle_holds_what_students_need(built):
    """Folder and zip: README, pyproject, starters, helper module, public checks, package,
    built site."""
    with zipfile.ZipFile(built / f"{BUNDLE}.zip") as archive:
        names = set(archive.namelist())
    folder = {f"{BUNDLE}/{p.relative_to(built / BUNDLE).as_posix()}"
              for p in (built / BUNDLE).rglob("*") if p.is_file()}
    assert names == folder
    for needed in ("README.md", "pyproject.toml", "site/index.html",
                   "src/sourcewise/grading/plugin.py", "src/sourcewise/cases/taliban-arms/units.yaml"):
        assert f"{BUNDLE}/{needed}" in names
    for exercise in EXERCISES:
        assert f"{BUNDLE}/exercises/{exercise.name}.py" in names
        assert f"{BUNDLE}/exercises/test_{exercise.name}.py" in names
    for helper in HELPER_MODULES:
        assert f"{BUNDLE}/exercises/{helper}.py" in names
    for forbidden in ("instructor/", "tests/", "benchmarks/", ".git/"):
        assert not [n for n in names if f"/{forbidden}" in n], forbidden
    pyproject = (built / BUNDLE / "pyproject.toml").read_text(encoding="utf-8")
    assert 'testpaths = ["exercises"]' in pyproject


def secrets() -> dict[str, str]:
    """Instructor-only text, by where it comes from (built from the instructor's files).

    A line of code, or an explanation, that is also on a public page or in public code is
    no secret; a hidden sentence is one wherever else it appears, unless it is a phrase as
    common as "last june" (under 25 characters, or in the article)."""
    article = REPO / "src" / "sourcewise" / "cases" / "taliban-arms" / "article.txt"
    public = normalise("\n".join(
        p.read_text(encoding="utf-8") for p in [*(REPO / "exercises").glob("*.py"),
                                                *(REPO / "src").rglob("*.py"), article]))
    pages = public + normalise("\n".join(p.read_text(encoding="utf-8")
                                         for p in (REPO / "docs").rglob("*.md")))
    found: dict[str, str] = {}
    for path in sorted((REPO / "instructor").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            text = normalise(line)
            if len(text) >= 30 and text not in pages:
                found[f"{path.relative_to(REPO)}:{number}"] = text
    for path in sorted((REPO / "instructor" / "hidden" / "items").glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["items"]:
            for key, allowed in (("text", public), ("why", pages)):
                text = normalise(item[key])
                if len(text) >= 25 and text not in allowed:
                    found[f"{path.name} {item['id']}.{key}"] = text
    case = load_case_study(REPO / "src" / "sourcewise" / "cases" / "taliban-arms")
    for unit in case.hand_label_units:
        found[f"{unit.id}.rationale"] = normalise(unit.rationale)
    return found


def test_no_solution_hidden_check_hidden_item_or_answer_is_in_the_bundle(built):
    """Search every file of the zip for the text of every instructor-only file and answer."""
    with zipfile.ZipFile(built / f"{BUNDLE}.zip") as archive:
        text = "\n".join(normalise(archive.read(name).decode("utf-8", errors="ignore"))
                         for name in archive.namelist())
    hidden = secrets()
    assert len(hidden) > 100
    assert any(key.endswith(".rationale") for key in hidden)
    leaked = {where: needle for where, needle in hidden.items() if needle in text}
    assert leaked == {}


def test_a_normal_release_has_no_worked_answers_or_notes(built):
    """The normal bundle's site has no worked-answers pages and no hand-labelling rationale
    (``release --reveal`` publishes both, tests/release/test_reveal.py)."""
    site = built / BUNDLE / "site"
    assert not (site / "answers").exists()
    html = (site / "case-study" / "index.html").read_text(encoding="utf-8")
    page = " " + " ".join(words(html)) + " "
    units = load_case_study(REPO / "src" / "sourcewise" / "cases" / "taliban-arms").hand_label_units
    assert units
    for unit in units:
        assert " " + " ".join(words(unit.rationale)) + " " not in page, unit.id


def test_the_bundled_case_study_has_no_hand_labelling_answers(built):
    """The case study in the bundle is the redacted one: no label, cue or rationale."""
    case = load_case_study(built / BUNDLE / "src" / "sourcewise" / "cases" / "taliban-arms")
    assert case.redacted
    assert case.hand_label_units
    for unit in case.hand_label_units:
        assert unit.label is None
        assert unit.rationale == ""
        assert unit.cues == ()


def test_pytest_in_the_bundle_grades_the_exercises(built, tmp_path):
    """`pytest` in the unpacked bundle grades exercises/: starters score 0, a solution full."""
    with zipfile.ZipFile(built / f"{BUNDLE}.zip") as archive:
        archive.extractall(tmp_path)
    bundle = tmp_path / BUNDLE
    solved = EXERCISES[0].name
    shutil.copy(REPO / "instructor" / "solutions" / f"{solved}.py", bundle / "exercises")
    results = tmp_path / "results.json"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--results-json", str(results)], cwd=bundle, capture_output=True, text=True, timeout=300,
        env={"PYTHONPATH": str(bundle / "src"), "PATH": "/usr/bin:/bin"}, check=False)
    assert done.returncode == 1, done.stdout[-2000:] + done.stderr[-2000:]
    data = json.loads(results.read_text(encoding="utf-8"))
    exercises = {e["name"]: e for e in data["exercises"]}
    assert set(exercises) == {e.name for e in EXERCISES}
    assert exercises[solved]["points"] == exercises[solved]["max_points"] > 0
    assert all(e["points"] == 0 for name, e in exercises.items() if name != solved)
    assert all(c["visibility"] == "public" for c in data["checks"])


def project_copy(folder: Path) -> Path:
    """A copy of this repository (without Git, builds or the environment), to break."""
    return Path(shutil.copytree(REPO, folder, ignore=shutil.ignore_patterns(
        ".git", ".venv", "site", "site-instructor", "test-artifacts", "dist", "build",
        "__pycache__", "*.egg-info", "node_modules")))


def test_a_failing_solution_stops_the_release(tmp_path):
    """A reference solution below full marks: the release refuses and writes nothing."""
    project = project_copy(tmp_path / "project")
    broken = EXERCISES[3].name
    shutil.copy(project / "exercises" / f"{broken}.py",
                project / "instructor" / "solutions" / f"{broken}.py")
    out = tmp_path / "out"
    done = release(project, out)
    assert done.returncode == 1
    assert "refusing to release" in done.stderr
    assert f"reference solution of {broken}" in done.stderr
    assert not (out / BUNDLE).exists()
    assert not (out / f"{BUNDLE}.zip").exists()


def test_a_leaked_hidden_sentence_stops_the_release(tmp_path):
    """A hidden item's sentence pasted into a page: the release refuses and removes the
    bundle."""
    project = project_copy(tmp_path / "project")
    items = project / "instructor" / "hidden" / "items" / f"{EXERCISES[2].name}.yaml"
    sentence = yaml.safe_load(items.read_text(encoding="utf-8"))["items"][0]["text"]
    with (project / "docs" / "index.md").open("a", encoding="utf-8") as page:
        page.write(f"\n\nFor example: {sentence}\n")
    out = tmp_path / "out"
    done = release(project, out)
    assert done.returncode == 1
    assert "instructor-only text" in done.stderr
    assert "hidden item" in done.stderr
    assert not (out / BUNDLE).exists()


def test_without_a_site_url_the_release_warns_and_starters_point_into_the_bundle(built):
    """No site-url: one warning line; each starter links to its page in the bundle's site/,
    which is there, and never to a docs/ folder the bundle lacks."""
    warnings = [line for line in (built / "stderr.txt").read_text().splitlines()
                if "site-url" in line]
    assert len(warnings) == 1
    assert warnings[0].startswith("sourcewise release: warning: no site-url is set")
    bundle = built / BUNDLE
    for exercise in EXERCISES:
        text = (bundle / "exercises" / f"{exercise.name}.py").read_text(encoding="utf-8")
        link = exercise_page_link(exercise.page, None)
        assert link in text, exercise.name
        assert (bundle / link).is_file()
        assert "docs/" not in text
    assert "[tool.sourcewise]" not in (bundle / "pyproject.toml").read_text(encoding="utf-8")


def test_with_a_site_url_the_bundle_links_to_the_course_site(tmp_path):
    """With site-url, the starters link to their exercise page there, and the bundle's
    pyproject.toml carries the setting so its pytest links lessons to the same site."""
    site = tmp_path / "built-site"
    site.mkdir()
    (site / "index.html").write_text("<p>site</p>", encoding="utf-8")
    url = "https://school.example/sw/"
    bundle = assemble(Project.locate(REPO), tmp_path / "bundle", site, url)
    for exercise in EXERCISES:
        text = (bundle / "exercises" / f"{exercise.name}.py").read_text(encoding="utf-8")
        page = url + exercise.page.removesuffix(".md") + "/"
        assert f"Read the exercise page first: {page}" in " ".join(text.split()), exercise.name
        assert "docs/" not in text
        assert "127.0.0.1" not in text
        compile(text, exercise.name, "exec")
    assert read_site_url(bundle) == url


def test_the_readme_starts_with_the_browser_and_gives_one_set_of_commands(built, tmp_path):
    """The README points to the browser first, then one set of commands for Windows, macOS
    and Linux, virtualenv activation included; with site-url it links to the site."""
    text = (built / BUNDLE / "README.md").read_text(encoding="utf-8")
    assert text.index("in your browser") < text.index("Set up on your computer")
    for command in ("py -m venv .venv", "python3 -m venv .venv", ".venv\\Scripts\\activate",
                    "source .venv/bin/activate", "python -m pip install -e .",
                    "python -m pytest"):
        assert command in text, command
    assert ".venv/bin/pytest" not in text  # one way to run the checks, the same everywhere
    assert "127.0.0.1" not in text
    assert "@" not in text  # every placeholder filled in
    site = tmp_path / "built-site"
    site.mkdir()
    linked = assemble(Project.locate(REPO), tmp_path / "bundle", site, "https://s.example/sw/")
    readme = (linked / "README.md").read_text(encoding="utf-8")
    assert "<https://s.example/sw/>" in readme
    assert f"<https://s.example/sw/{EXERCISES[0].page.removesuffix('.md')}/>" in readme


def test_the_bundle_checks_run_where_fork_and_resource_are_missing(built, tmp_path):
    """`pytest` in the bundle, with os.fork and resource taken away (as on Windows), runs
    the public checks in a spawned worker and gives the same points as the normal run."""
    with zipfile.ZipFile(built / f"{BUNDLE}.zip") as archive:
        archive.extractall(tmp_path)
    bundle = tmp_path / BUNDLE
    solved = EXERCISES[2].name
    shutil.copy(REPO / "instructor" / "solutions" / f"{solved}.py", bundle / "exercises")
    windows_like = ("import os, sys; del os.fork; del os.killpg; sys.modules['resource'] = None; "
                    "import pytest; sys.exit(pytest.main())")
    points = {}
    for name, command in (("normal", ["-m", "pytest"]), ("spawned", ["-c", windows_like])):
        results = tmp_path / f"{name}.json"
        done = subprocess.run(
            [sys.executable, *command, "--results-json", str(results)], cwd=bundle,
            capture_output=True, text=True, timeout=300, check=False,
            env={"PYTHONPATH": str(bundle / "src"), "PATH": "/usr/bin:/bin"})
        assert done.returncode == 1, done.stdout[-2000:] + done.stderr[-2000:]
        data = json.loads(results.read_text(encoding="utf-8"))
        points[name] = {c["name"]: c["points"] for c in data["checks"]}
        points[name + " kind"] = data["sandbox"]["kind"]
        if name == "spawned":
            assert "WARNING" not in done.stdout
    assert points["spawned kind"] == "spawn"
    assert points["normal kind"] != "spawn"
    assert points["spawned"] == points["normal"]
    assert sum(points["spawned"].values()) > 0
