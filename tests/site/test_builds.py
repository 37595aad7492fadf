"""Both MkDocs builds: what each contains, what the student build must never contain, links."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import ROOT, build_site

from sourcewise.casestudy import default_case_study

GENERATED = ["case-study/index.html", "sources/index.html", "numbers/index.html",
             "glossary/index.html", "exercises/index.html"]
ANSWER_KEY = "instructors/answer-key/index.html"
TAG = re.compile(r"<[^>]+>")


def _plain(text: str) -> str:
    """Text as a reader sees it: tags dropped, entities decoded, whitespace collapsed."""
    return " ".join(html.unescape(TAG.sub(" ", text)).split())


def _site_text(site: Path) -> dict[str, str]:
    """The readable text of every HTML page and of the search index, by file."""
    texts = {p.relative_to(site).as_posix(): _plain(p.read_text(encoding="utf-8"))
             for p in site.rglob("*.html")}
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts["search/search_index.json"] = _plain(
        " ".join(f"{d['title']} {d['text']}" for d in index["docs"])
    )
    return texts


def test_generated_pages_exist_in_both_builds_and_the_answer_key_only_for_instructors(
    built_sites,
):
    """Both builds have the generated pages; only the instructor build has the answer key."""
    for site in built_sites.values():
        for page in GENERATED:
            assert (site / page).is_file(), page
    assert not (built_sites["student"] / ANSWER_KEY).exists()
    assert (built_sites["instructor"] / ANSWER_KEY).is_file()


def test_answer_key_is_in_the_instructor_nav_only(built_sites):
    """The instructor build's navigation links the answer key; the student build's does not."""
    student = (built_sites["student"] / "index.html").read_text(encoding="utf-8")
    instructor = (built_sites["instructor"] / "index.html").read_text(encoding="utf-8")
    assert "instructors/answer-key/" not in student
    assert 'href="instructors/answer-key/"' in instructor


def _hand_label_secrets() -> dict[str, list[str]]:
    """Per hand-labelling unit: its rationale and the fact-check findings only it carries."""
    case = default_case_study()
    shared = {c.finding for u in case.units if not u.hand_label for c in u.factchecks}
    shared |= {n.official for n in case.numbers} | {s.note for s in case.sources}
    return {
        unit.id: [_plain(unit.rationale)]
        + [_plain(c.finding) for c in unit.factchecks if c.finding not in shared]
        for unit in case.hand_label_units
    }


def test_student_build_never_contains_hand_label_answers(built_sites):
    """No HTML page or search index entry of the student build holds a hand-label rationale."""
    secrets = _hand_label_secrets()
    assert secrets, "the case study marks no hand-labelling units"
    texts = _site_text(built_sites["student"])
    leaks = [f"{uid} in {name}: {secret[:60]}" for uid, items in secrets.items()
             for secret in items for name, text in texts.items() if secret in text]
    assert not leaks, "\n".join(leaks)


def test_instructor_build_contains_every_hand_label_answer(built_sites):
    """The instructor build's pages and search index hold every hand-label rationale."""
    texts = _site_text(built_sites["instructor"])
    for uid, items in _hand_label_secrets().items():
        for secret in items:
            assert secret in texts["case-study/index.html"], uid
            assert secret in texts[ANSWER_KEY], uid
            assert secret in texts["search/search_index.json"], uid


def _ids(page: Path, cache: dict[Path, set[str]]) -> set[str]:
    if page not in cache:
        cache[page] = set(re.findall(r'\bid="([^"]+)"', page.read_text(encoding="utf-8")))
    return cache[page]


def test_every_local_link_and_anchor_resolves(built_sites):
    """Every local href and src in both builds points at a file (and an id) that exists."""
    broken = []
    for name, site in built_sites.items():
        ids: dict[Path, set[str]] = {}
        for page in site.rglob("*.html"):
            text = page.read_text(encoding="utf-8")
            for url in re.findall(r'\b(?:href|src)="([^"]*)"', text):
                parts = urlsplit(html.unescape(url))
                if parts.scheme or parts.netloc or url.startswith("javascript:"):
                    continue
                if parts.path.startswith("/"):
                    target = site / unquote(parts.path).lstrip("/")
                else:
                    target = (page.parent / unquote(parts.path)).resolve()
                if target.is_dir():
                    target = target / "index.html"
                if not target.exists():
                    broken.append(f"{name} {page.relative_to(site)}: {url}")
                elif parts.fragment and target.suffix == ".html" and (
                    unquote(parts.fragment) not in _ids(target, ids)
                ):
                    broken.append(f"{name} {page.relative_to(site)}: {url} (no such anchor)")
    assert not broken, "\n".join(broken)


def test_glossary_terms_are_tooltips_on_written_pages(built_sites):
    """A glossary term in a hand-written page becomes an <abbr> with its definition."""
    home = (built_sites["student"] / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<abbr title="[^"]+">official estimates</abbr>', home)


def test_home_page_shows_the_claim_map(built_sites):
    """The home page carries the claim map figure in place of its marker."""
    home = (built_sites["student"] / "index.html").read_text(encoding="utf-8")
    assert 'class="sw-map"' in home
    assert "sourcewise:" not in home


def test_only_the_instructor_home_page_carries_the_edition_notice(built_sites):
    """The edition marker becomes a notice in the instructor build and nothing for students."""
    student = (built_sites["student"] / "index.html").read_text(encoding="utf-8")
    instructor = (built_sites["instructor"] / "index.html").read_text(encoding="utf-8")
    assert "Instructor edition." not in student
    assert '<p class="sw-edition"><strong>Instructor edition.</strong>' in instructor


def _config(tmp_path: Path, extra: str, docs: Path = ROOT / "docs") -> Path:
    """A config inheriting mkdocs.yml from a temporary folder, with absolute paths."""
    config = tmp_path / "mkdocs.test.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {docs}\n"
        f"hooks: [{ROOT / 'hooks' / 'sourcewise_site.py'}]\n"
        f"theme: {{custom_dir: {ROOT / 'overrides'}}}\n"
        f"watch: []\n{extra}",
        encoding="utf-8",
    )
    return config


def test_unknown_audience_stops_the_build_with_a_clear_message(tmp_path):
    """A mistyped audience in the config fails the build, naming the valid audiences."""
    config = _config(tmp_path, "extra:\n  sourcewise:\n    audience: teacher\n")
    process = build_site(config, tmp_path / "site")
    log, _ = process.communicate(timeout=120)
    assert process.returncode != 0
    assert "unknown audience 'teacher'" in log


def test_a_hook_warning_fails_the_strict_build(tmp_path):
    """A glossary term linking to a lesson that does not exist fails the strict build."""
    glossary = tmp_path / "glossary.yaml"
    glossary.write_text("- {term: hedge, definition: Softens., lesson: lessons/nope.md}\n",
                        encoding="utf-8")
    config = _config(tmp_path, f"extra:\n  sourcewise:\n    glossary: {glossary}\n")
    process = build_site(config, tmp_path / "site")
    log, _ = process.communicate(timeout=120)
    assert process.returncode != 0
    assert "WARNING" in log
    assert "glossary term 'hedge' links to lesson 'lessons/nope.md'" in log


def test_a_written_page_in_place_of_a_generated_one_fails_the_build(tmp_path):
    """A hand-written docs/glossary.md (a generated page) fails the strict build, named."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "glossary.md").write_text("# My glossary\n", encoding="utf-8")
    process = build_site(_config(tmp_path, "", docs), tmp_path / "site")
    log, _ = process.communicate(timeout=120)
    assert process.returncode != 0
    assert "docs/glossary.md is generated from data: delete the hand-written file" in log


def test_a_second_case_study_builds_end_to_end(tmp_path):
    """The site builds --strict from tests/data/small-case, and shows that article."""
    small = ROOT / "tests" / "data" / "small-case"
    config = _config(tmp_path, f"extra:\n  sourcewise:\n    case: {small}\n")
    process = build_site(config, tmp_path / "site")
    log, _ = process.communicate(timeout=120)
    assert process.returncode == 0, log
    page = (tmp_path / "site" / "case-study" / "index.html").read_text(encoding="utf-8")
    assert "City council doubles bike-lane budget" in page
    assert "Patel &amp; Sons" in page
