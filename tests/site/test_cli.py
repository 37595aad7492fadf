"""`python -m sourcewise.site build-pages`: the site's pages without MkDocs (Zensical path)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

SMALL_CASE = ROOT / "tests" / "data" / "small-case"


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sourcewise.site", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_build_pages_writes_a_complete_docs_folder(tmp_path):
    """OUT holds the generated pages and the written ones of docs/, markers filled."""
    out = tmp_path / "docs"
    result = _run("build-pages", str(out))
    assert result.returncode == 0, result.stderr
    titles = {"case-study.md": "The annotated article", "sources.md": "Source ledger",
              "numbers.md": "Number audit", "glossary.md": "Glossary",
              "exercises/index.md": "Exercises"}
    for page, title in titles.items():
        assert (out / page).read_text(encoding="utf-8").startswith(f"# {title}\n"), page
    assert not (out / "instructors" / "answer-key.md").exists()
    assert (out / "stylesheets" / "sourcewise.css").is_file()
    home = (out / "index.md").read_text(encoding="utf-8")
    assert '<figure class="sw-map">' in home
    assert "sourcewise:" not in home
    assert "\n*[official estimate]: " in home  # glossary tooltips appended


def test_build_pages_for_instructors_adds_the_answer_key(tmp_path):
    """--audience instructor also writes the answer key."""
    result = _run("build-pages", str(tmp_path), "--audience", "instructor")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "instructors" / "answer-key.md").read_text(encoding="utf-8").startswith(
        "# Answer key"
    )


def test_build_pages_renders_another_case_study(tmp_path):
    """--case renders the small test case study (loaded and validated) end to end."""
    result = _run("build-pages", str(tmp_path), "--case", str(SMALL_CASE))
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "case-study.md").read_text(encoding="utf-8")
    assert "City council doubles bike-lane budget" in page
    assert 'id="u-p04s02"' in page


def test_bad_glossary_stops_with_a_message_and_writes_nothing(tmp_path):
    """A broken glossary file exits with status 2, says what is wrong, and writes no page."""
    glossary = tmp_path / "glossary.yaml"
    glossary.write_text("- term: hedge\n", encoding="utf-8")
    result = _run("build-pages", str(tmp_path / "out"), "--glossary", str(glossary))
    assert result.returncode == 2
    assert "'definition' must be a non-empty string" in result.stderr
    assert not (tmp_path / "out").exists()


def test_missing_docs_folder_is_named(tmp_path):
    """A --docs folder that does not exist stops the command with a message naming it."""
    result = _run("build-pages", str(tmp_path / "out"), "--docs", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert "no such docs folder" in result.stderr


def test_out_must_not_be_the_docs_folder():
    """Writing into the docs folder itself is refused (it would overwrite written pages)."""
    result = _run("build-pages", "docs", "--docs", "docs")
    assert result.returncode == 2
    assert "must not be the docs folder" in result.stderr
