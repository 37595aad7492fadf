"""The student copy loads, keeps what students may see, and leaks no hand-labelling answer."""

import pytest
import yaml

from sourcewise.casestudy import (
    DEFAULT_CASE_FOLDER,
    CaseStudyError,
    load_case_study,
    redact,
    write_redacted,
)
from sourcewise.casestudy.units import ANSWER_FIELDS


@pytest.fixture(scope="module")
def student_files():
    return redact(DEFAULT_CASE_FOLDER)


@pytest.fixture
def student_case(student_files, tmp_path):
    for name, text in student_files.items():
        (tmp_path / name).write_bytes(text.encode("utf-8"))
    return load_case_study(tmp_path)


def test_redacted_copy_loads_with_the_same_article_and_units(student_case, case):
    """The student copy is a valid case: same text, same units, offsets and quantities."""
    assert student_case.redacted
    assert student_case.text == case.text
    assert [(u.id, u.start, u.end, u.text) for u in student_case.units] == [
        (u.id, u.start, u.end, u.text) for u in case.units
    ]
    assert [u.quantities for u in student_case.units] == [u.quantities for u in case.units]
    assert student_case.numbers == case.numbers


def test_hand_labelling_units_lose_their_answers(student_case, case):
    """Hand-labelling units have no label, cues, source, rationale, fact-checks or points."""
    hidden = {u.id for u in case.hand_label_units}
    assert {u.id for u in student_case.hand_label_units} == hidden
    for unit in student_case.hand_label_units:
        assert unit.label is None
        assert unit.source is None
        assert unit.rationale == ""
        assert unit.accept == unit.cues == unit.factchecks == unit.points == ()
    for unit in student_case.units:
        if unit.id not in hidden:
            assert unit == case.unit(unit.id)


def test_no_answer_text_survives_anywhere(student_files, case):
    """No rationale or fact-check finding of a hand-labelling unit appears in any file."""
    everything = "\n".join(student_files.values())
    flat = " ".join(everything.split())
    for unit in case.hand_label_units:
        assert " ".join(unit.rationale.split())[:60] not in flat, unit.id
        for factcheck in unit.factchecks:
            assert " ".join(factcheck.finding.split())[:60] not in flat, unit.id
    units = yaml.safe_load(student_files["units.yaml"])
    for raw in units:
        if raw["hand_label"]:
            assert not set(ANSWER_FIELDS) & set(raw), raw["id"]


def test_ledger_no_longer_points_at_hand_labelling_units(student_case, case):
    """A source's kind would give a label away, so the ledger drops hand-labelling units."""
    hidden = {u.id for u in case.hand_label_units}
    assert not any(set(source.units) & hidden for source in student_case.sources)
    assert [s.id for s in student_case.sources] == [s.id for s in case.sources]
    kept = {u for s in student_case.sources for u in s.units}
    assert kept == {u for s in case.sources for u in s.units} - hidden


def test_redacting_twice_changes_nothing(student_files, tmp_path):
    """Redacting a student copy again gives the same files."""
    write_redacted(DEFAULT_CASE_FOLDER, tmp_path)
    assert redact(tmp_path) == student_files


def test_write_redacted_writes_the_files_byte_for_byte(student_files, tmp_path):
    """write_redacted writes the five files exactly as redact returns them."""
    paths = write_redacted(DEFAULT_CASE_FOLDER, tmp_path / "release" / "case")
    assert sorted(p.name for p in paths) == sorted(student_files)
    for path in paths:
        assert path.read_bytes() == student_files[path.name].encode("utf-8")


def test_loader_refuses_a_redacted_case_that_still_has_answers(case_copy):
    """Marking a full case as redacted without removing answers is caught as a leak."""
    path = case_copy / "case.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "redacted: true\n", encoding="utf-8")
    with pytest.raises(CaseStudyError, match="must not carry the answers") as caught:
        load_case_study(case_copy)
    assert caught.value.unit == "p01s02"
    assert caught.value.field == "label"


def test_redact_refuses_a_broken_case(case_copy):
    """A broken case is not redacted: the error reaches the release builder."""
    (case_copy / "sources.yaml").write_text("- [", encoding="utf-8")
    with pytest.raises(CaseStudyError, match="broken YAML"):
        redact(case_copy)
