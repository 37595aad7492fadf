"""Our sourced version of the story: every claim credited and cited, no loaded word, checked."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from sourcewise.casestudy import CaseStudyError, default_case_study
from sourcewise.casestudy.loader import DEFAULT_CASE_FOLDER
from sourcewise.casestudy.sourced import load_sourced


@pytest.fixture(scope="module")
def case():
    return default_case_study()


@pytest.fixture(scope="module")
def version(case):
    return load_sourced(case)


def test_every_sentence_credits_its_source_in_words_and_cites_a_record(version, case):
    """Each sentence names its source in its own words and rests on citations.yaml records."""
    assert len(version.sentences) >= 12
    for sentence in version.sentences:
        assert sentence.credit in sentence.text
        assert sentence.cites
        assert all(case.citations[c.id] is c for c in sentence.cites)


def test_the_sourced_version_uses_none_of_the_articles_loaded_words(version, case):
    """No loaded cue of the article (retreated, killing machine, onslaught, ...) appears in ours."""
    loaded = {cue.text.lower() for unit in case.units for cue in unit.cues if cue.kind == "loaded"}
    assert len(loaded) >= 5
    ours = " ".join(s.text for s in version.sentences).lower()
    used = [word for word in loaded if re.search(rf"\b{re.escape(word)}\b", ours)]
    assert not used


def test_a_well_sourced_text_has_no_unsourced_assertion_or_framing(version):
    """Our version's labels show what sourcing looks like: no unsourced assertion, no framing."""
    labels = [s.label for s in version.sentences]
    assert "unsourced_assertion" not in labels
    assert "framing" not in labels
    assert {"sourced_fact", "official_estimate", "attributed_claim"} <= set(labels)


def test_figures_in_the_sourced_version_carry_a_period(version):
    """Every official estimate of ours says when: a year appears in the sentence."""
    for sentence in version.sentences:
        if sentence.label == "official_estimate":
            assert re.search(r"\b(19|20)\d\d\b", sentence.text), sentence.text


def test_paragraphs_rewrite_real_units_each_once(version, case):
    """Each paragraph names units of the article in reading order, and no unit twice."""
    ids = [u.id for u in case.units]
    seen = [uid for p in version.paragraphs for uid in p.original]
    assert len(seen) == len(set(seen))
    for paragraph in version.paragraphs:
        positions = [ids.index(uid) for uid in paragraph.original]
        assert positions == sorted(positions)


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d["paragraphs"][0]["sentences"][0].update(credit="Reuters"), "is not in the sentence"),
    (lambda d: d["paragraphs"][0]["sentences"][0].update(cites=["nobody"]),
     "'nobody' is not a record of citations.yaml"),
    (lambda d: d["paragraphs"][0]["sentences"][0].update(cites=[]), "is an empty list"),
    (lambda d: d["paragraphs"][0]["sentences"][0].update(label="fact"), "'fact' is not valid"),
    (lambda d: d["paragraphs"][1].update(original=d["paragraphs"][0]["original"]),
     "is rewritten by two paragraphs"),
    (lambda d: d["paragraphs"][0].update(original=["p99s01"]), "is not a unit of case"),
])
def test_a_broken_sourced_file_says_what_is_wrong(case, tmp_path, change, expected):
    """Each kind of mistake in sourced.yaml raises CaseStudyError naming the file and field."""
    shutil.copy(DEFAULT_CASE_FOLDER / "sourced.yaml", tmp_path / "sourced.yaml")
    path = tmp_path / "sourced.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CaseStudyError) as caught:
        load_sourced(case, tmp_path)
    assert expected in str(caught.value)
    assert "sourced.yaml" in str(caught.value)
