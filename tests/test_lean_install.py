"""A lean install for each job: grading needs only the core, the site only its extra."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SITE_AND_TEST_MODULES = ("mkdocs", "material", "pymdownx", "markdown", "playwright",
                         "axe_playwright_python", "ruff")
# A sitecustomize.py for child interpreters (and the grading processes they start): those
# modules cannot be imported, as in a grading install (`pip install .`).
WITHOUT_EXTRAS = textwrap.dedent(f"""
    import sys
    class Missing:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in {SITE_AND_TEST_MODULES!r}:
                raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
            return None
    sys.meta_path.insert(0, Missing())
""")


def names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0].lower() for r in requirements}


def project() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_the_core_install_has_no_site_or_test_tools():
    """`pip install .` (grading, Gradescope, Classroom) brings PyYAML and pytest only."""
    assert names(project()["dependencies"]) == {"pyyaml", "pytest"}


def test_the_site_and_test_extras_hold_their_tools():
    """MkDocs, Material and pymdown are the site extra; Playwright, axe, ruff the test one."""
    extras = project()["optional-dependencies"]
    assert {"mkdocs", "mkdocs-material", "pymdown-extensions"} <= names(extras["site"])
    assert {"playwright", "axe-playwright-python", "ruff"} <= names(extras["test"])
    assert not names(extras["site"]) & names(extras["test"])


def make_dry_run(target: str, tmp_path: Path) -> str:
    """What `make TARGET` would run on a machine with no virtualenv yet."""
    done = subprocess.run(["make", "-n", "-C", str(REPO), target, f"VENV={tmp_path / 'venv'}"],
                          capture_output=True, text=True, check=True, timeout=60)
    return done.stdout


def test_make_serve_installs_the_site_extra_only(tmp_path):
    """`make serve` on a fresh machine installs the package with the site extra, no tests."""
    commands = make_dry_run("serve", tmp_path)
    installs = [line for line in commands.splitlines() if "pip install" in line and " -e " in line]
    assert installs == [line for line in installs if '".[site]"' in line]
    assert len(installs) == 1
    assert "mkdocs serve" in commands


def test_make_test_installs_the_site_and_test_extras(tmp_path):
    """`make test` installs both extras: the suite builds the site and drives a browser."""
    commands = make_dry_run("test", tmp_path)
    assert '-e ".[site,test]"' in commands


def test_the_gradescope_image_installs_the_core_only():
    """setup.sh installs the project without extras."""
    setup = (REPO / "src" / "sourcewise" / "export" / "templates" / "setup.sh").read_text()
    (install,) = [line for line in setup.splitlines() if "pip install" in line]
    assert "[" not in install.split("pip install", 1)[1]


def run_without_extras(tmp_path: Path, code: str, *args: str) -> subprocess.CompletedProcess:
    """Run ``code`` in a child Python (and its children) that cannot import the extras."""
    blocker = tmp_path / "blocker"
    blocker.mkdir(exist_ok=True)
    (blocker / "sitecustomize.py").write_text(WITHOUT_EXTRAS, encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": str(blocker)}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args],
                          capture_output=True, text=True, timeout=600, cwd=REPO,
                          env=environment, check=False)


def test_every_grading_module_imports_without_the_extras(tmp_path):
    """The plugin, the batch, the exports and the command line import none of the extras."""
    done = run_without_extras(tmp_path, """
        import importlib, pkgutil, sourcewise
        skipped = ("sourcewise.site",)
        count = 0
        for info in pkgutil.walk_packages(sourcewise.__path__, "sourcewise."):
            if not info.name.startswith(skipped) and not info.name.endswith(".worker"):
                importlib.import_module(info.name)
                count += 1
        try:
            import mkdocs
        except ModuleNotFoundError:
            print(f"imported {count}; mkdocs blocked")
    """)
    assert done.returncode == 0, done.stderr
    imported, _, blocked = done.stdout.strip().partition("; ")
    assert blocked == "mkdocs blocked"
    assert int(imported.split()[1]) > 40


def test_a_class_is_graded_without_the_extras(tmp_path):
    """`sourcewise grade` grades a class with only the core installed."""
    sys.path.insert(0, str(REPO / "tests" / "batch"))
    try:
        from toy_project import submission_files, write_project
    finally:
        sys.path.pop(0)
    course = write_project(tmp_path / "course")
    student = tmp_path / "subs" / "ann"
    student.mkdir(parents=True)
    for name, text in submission_files("correct").items():
        (student / name).write_text(text, encoding="utf-8")
    done = run_without_extras(tmp_path, """
        import sys
        from sourcewise.cli import main
        sys.exit(main(sys.argv[1:]))
    """, "grade", str(tmp_path / "subs"), "--out", str(tmp_path / "out"), "--project",
        str(course))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "gradebook.csv").is_file()


def test_release_without_mkdocs_says_what_to_install(tmp_path):
    """`sourcewise release` without the site extra stops at once with the install command."""
    done = run_without_extras(tmp_path, """
        import sys
        from sourcewise.cli import main
        sys.exit(main(sys.argv[1:]))
    """, "release", "--out", str(tmp_path / "out"), "--project", str(REPO))
    assert done.returncode == 1
    assert "pip install -e '.[site]'" in done.stderr
    assert done.stderr.count("\n") <= 2
    assert not (tmp_path / "out").exists()
