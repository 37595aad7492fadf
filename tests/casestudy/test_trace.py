"""The tracing activity's data: the bundled file loads, and every mistake gets a clear message."""

from __future__ import annotations

import shutil

import pytest
import yaml

from sourcewise.casestudy import CaseStudyError, default_case_study
from sourcewise.casestudy.loader import DEFAULT_CASE_FOLDER
from sourcewise.casestudy.trace import LONGEST_EXCERPT, MIN_ITEMS, load_trace


@pytest.fixture(scope="module")
def case():
    return default_case_study()


@pytest.fixture
def folder(tmp_path):
    """A copy of the bundled trace.yaml, for a test to break."""
    shutil.copy(DEFAULT_CASE_FOLDER / "trace.yaml", tmp_path / "trace.yaml")
    return tmp_path


def _edit(folder, change):
    path = folder / "trace.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_bundled_activity_traces_at_least_six_sentences_of_the_article(case):
    """The bundled activity has six or more items, each on a real unit with 3 or 4 excerpts."""
    activity = load_trace(case)
    assert len(activity.items) >= MIN_ITEMS
    units = {u.id for u in case.units}
    for item in activity.items:
        assert item.unit in units
        assert 3 <= len(item.candidates) <= 4
        assert item.answer is None or item.answer in {c.source.id for c in item.candidates}
        assert all(len(c.text) <= LONGEST_EXCERPT for c in item.candidates)
    assert any(item.answer is None for item in activity.items)  # "none of these" is taught


def test_every_excerpt_is_credited_to_a_citation_record(case):
    """Each candidate names a record of citations.yaml, with its publisher and date."""
    activity = load_trace(case)
    for item in activity.items:
        for candidate in item.candidates:
            assert case.citations[candidate.source.id] is candidate.source
            assert candidate.source.publisher
            assert candidate.source.date


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d["items"][0].update(answer="nbc-2023-kashmir"),
     "is not one of this item's candidates"),
    (lambda d: d["items"][0].update(unit="p99s99"), "is not a unit of case"),
    (lambda d: d["items"][0]["candidates"][0].update(source="nobody"),
     "'nobody' is not a record of citations.yaml"),
    (lambda d: d["items"][0]["candidates"][0].update(text="x" * 400), "Cut it to at most"),
    (lambda d: d["items"][0].update(changes=["verb_weakened"]), "'verb_weakened' is not valid"),
    (lambda d: d["items"][0].update(candidates=d["items"][0]["candidates"][:2]), "has 2 excerpts"),
    (lambda d: d.update(items=d["items"][:3]), "Trace at least 6 sentences"),
    (lambda d: d["items"][1]["candidates"].append(d["items"][1]["candidates"][0]),
     "names a source twice"),
    (lambda d: d["items"][0].update(explantion="typo"), "Did you mean 'explanation'?"),
])
def test_a_broken_activity_file_says_what_is_wrong_and_where(case, folder, change, expected):
    """Each kind of mistake in trace.yaml raises CaseStudyError naming the file and the fix."""
    _edit(folder, change)
    with pytest.raises(CaseStudyError) as caught:
        load_trace(case, folder)
    assert expected in str(caught.value)
    assert "trace.yaml" in str(caught.value)


def test_broken_yaml_is_reported_with_its_line(case, folder):
    """A syntax error in trace.yaml is a clear CaseStudyError, not a YAML traceback."""
    (folder / "trace.yaml").write_text("items: [\n", encoding="utf-8")
    with pytest.raises(CaseStudyError, match="broken YAML"):
        load_trace(case, folder)
