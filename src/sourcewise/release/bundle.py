"""Assemble the student bundle folder from an allow-list: nothing gets in by accident.

What goes in: ``README.md`` (for students), ``pyproject.toml`` (installs the package;
``pytest`` in the bundle runs ``exercises/``), the starters, their helper module
(``textkit.py``) and the public checks, the
``sourcewise`` package with every case study replaced by its redacted copy, and the student
site build. Never the ``instructor/`` folder, the developers' tests, or the Git history.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path

from sourcewise.batch.project import Project
from sourcewise.casestudy import write_redacted
from sourcewise.exercises.catalogue import EXERCISES, HELPER_MODULES
from sourcewise.grading.site_url import page_url

STUDENT_DEPENDENCIES = ("pyyaml", "pytest")


class ReleaseError(Exception):
    """The release cannot be built; the message says what is wrong and what to do."""


def assemble(project: Project, destination: Path, site: Path,
             site_url: str | None = None) -> Path:
    """Write the bundle folder at ``destination`` (replaced if it exists). ``site_url`` is
    where students read the site (None: the starters point to the bundle's own ``site/``)."""
    if destination.exists():
        shutil.rmtree(destination)
    destination.mkdir(parents=True)
    (destination / "README.md").write_text(student_readme(project, site_url),
                                           encoding="utf-8")
    (destination / "pyproject.toml").write_text(student_pyproject(project, site_url),
                                                encoding="utf-8")
    exercises = destination / "exercises"
    exercises.mkdir()
    for exercise in EXERCISES:
        starter = project.starter(exercise.name)
        (exercises / starter.name).write_text(
            starter_text(starter.read_text(encoding="utf-8"), exercise.page, site_url),
            encoding="utf-8")
        shutil.copyfile(project.public_checks(exercise.name),
                        exercises / f"test_{exercise.name}.py")
    for helper in HELPER_MODULES:
        shutil.copyfile(project.helper(helper), exercises / f"{helper}.py")
    if (project.exercises / "conftest.py").is_file():
        shutil.copyfile(project.exercises / "conftest.py", exercises / "conftest.py")
    cases = project.package / "cases"
    for relative in project.package_files():
        source = project.root / relative
        if source.is_relative_to(cases):
            continue
        target = destination / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    for case in sorted(p for p in cases.iterdir() if p.is_dir() and p.name != "__pycache__"):
        write_redacted(case, destination / "src" / "sourcewise" / "cases" / case.name)
    shutil.copytree(site, destination / "site")
    return destination


def build_site(project: Project, destination: Path, reveal: bool = False) -> Path:
    """Build the student site (``mkdocs.yml``) into ``destination``; with ``reveal``, the
    edition for after the deadline (hand-labelling notes and worked answers shown)."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    environment.pop("SOURCEWISE_AUDIENCE", None)
    environment.pop("SOURCEWISE_SOLUTIONS", None)
    if reveal:
        environment.update(SOURCEWISE_AUDIENCE="revealed",
                           SOURCEWISE_SOLUTIONS=str(project.solutions))
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.yml",
         "--site-dir", str(destination)],
        cwd=project.root, env=environment, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-20:])
        raise ReleaseError(f"the student site does not build (mkdocs exit code "
                           f"{done.returncode}):\n{tail}")
    return destination


def exercise_page_link(page: str, site_url: str | None) -> str:
    """Where a student finds an exercise page (``page`` relative to docs/): on the course
    site, else in the bundle's own ``site/`` folder."""
    if site_url:
        return page_url(site_url, page)
    return "site/" + page_url("", page).lstrip("/") + "index.html"


def starter_text(text: str, page: str, site_url: str | None) -> str:
    """A starter as the bundle ships it: its mentions of ``docs/<page>`` (a folder the
    bundle does not have) become links to the exercise page; a starter without one gets a
    "Read the exercise page first" line at the end of its docstring."""
    link = exercise_page_link(page, site_url)
    if f"docs/{page}" in text:
        return text.replace(f"docs/{page}", link)
    end = text.find('"""', 3) if text.startswith('"""') else -1
    if end < 0:
        return f"# Read the exercise page first: {link}\n{text}"
    return f"{text[:end].rstrip()}\n\nRead the exercise page first: {link}\n{text[end:]}"


def student_readme(project: Project, site_url: str | None = None) -> str:
    """The student README: how to install, read the lessons, check and hand in."""
    template = (resources.files("sourcewise.release") / "templates" / "README.md")
    listing = "\n".join(f"{e.number}. **{e.title}**: `exercises/{e.name}.py`"
                        for e in EXERCISES)
    if site_url:
        first = EXERCISES[0]
        browser = (f"Open the course site at <{site_url}> and go to an exercise page, for "
                   f"example <{page_url(site_url, first.page)}>.")
    else:
        browser = ("Open the course site at the address your instructor gives you, and go "
                   "to an exercise page.")
    return (template.read_text(encoding="utf-8")
            .replace("@BROWSER@", browser)
            .replace("@PYTHON@", _python_floor(project))
            .replace("@EXERCISES@", listing))


def student_pyproject(project: Project, site_url: str | None = None) -> str:
    """The student ``pyproject.toml``: the package, its runtime needs and the pytest setup."""
    meta = tomllib.loads((project.root / "pyproject.toml").read_text(encoding="utf-8"))
    info = meta["project"]
    needed = [d for d in info["dependencies"] if _name(d) in STUDENT_DEPENDENCIES]
    entry_points = info["entry-points"]["pytest11"]
    lines = [
        "# The student bundle. Install it once with `python -m pip install -e .`, then run",
        "# `pytest` here to check every exercise in exercises/.",
        "[build-system]",
        f"requires = {_toml_list(meta['build-system']['requires'])}",
        f"build-backend = \"{meta['build-system']['build-backend']}\"",
        "",
        "[project]",
        f"name = \"{info['name']}\"",
        f"version = \"{info['version']}\"",
        f"description = \"{info['description']}\"",
        "readme = \"README.md\"",
        f"requires-python = \"{info['requires-python']}\"",
        f"dependencies = {_toml_list(needed)}",
        "",
        "[project.scripts]",
        *(f"{k} = \"{v}\"" for k, v in info["scripts"].items()),
        "",
        "[project.entry-points.pytest11]",
        *(f"{k} = \"{v}\"" for k, v in entry_points.items()),
        "",
        "[tool.hatch.build.targets.wheel]",
        "packages = [\"src/sourcewise\"]",
        "",
        "[tool.pytest]",
        "testpaths = [\"exercises\"]",
        "addopts = [\"-p\", \"no:cacheprovider\"]",
    ]
    if site_url:
        lines += ["", "[tool.sourcewise]", "# Where you read the course site: the checks link "
                  "their lessons here.", f"site-url = \"{site_url}\""]
    return "\n".join(lines) + "\n"


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower()


def _toml_list(values: list[str]) -> str:
    return "[" + ", ".join(f"\"{v}\"" for v in values) + "]"


def _python_floor(project: Project) -> str:
    meta = tomllib.loads((project.root / "pyproject.toml").read_text(encoding="utf-8"))
    return meta["project"]["requires-python"].removeprefix(">=")
