"""Lean records: the store keeps each student's own answers, verdicts and points and refers
to the checks' item sets for the rest, and every output is what the full result gives."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sourcewise.batch.project import Project
from sourcewise.batch.roster import Student
from sourcewise.batch.store import Record, ResultStore
from sourcewise.export.outputs import write_outputs
from sourcewise.grading.api import GradingOptions, grade_submissions

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "exercises" / "submissions"
KINDS = ("solution", "starter", "hardcoded", "partial", "trivial", "broken")
TYPICAL = 40_000  # bytes: the most a typical student's record may take


@pytest.fixture(scope="module")
def graded(tmp_path_factory) -> dict[str, dict]:
    """Each kind of submission graded once by the engine with every check, as full JSON."""
    scratch = tmp_path_factory.mktemp("lean")
    broken = scratch / "broken"
    shutil.copytree(REPO / "instructor" / "solutions", broken)
    (broken / "how_sure.py").write_text("def find_hedges(:\n", encoding="utf-8")
    (broken / "who_says_so.py").unlink()
    folders = {"solution": REPO / "instructor" / "solutions", "starter": REPO / "exercises",
               "broken": broken, **{kind: FIXTURES / kind for kind in KINDS[2:5]}}
    checks = Project(REPO).check_files(include_hidden=True)
    results = grade_submissions([folders[kind] for kind in KINDS], checks,
                                GradingOptions(sandbox="require"))
    return {kind: json.loads(json.dumps(result.to_json()))  # as a stored file holds it
            for kind, result in zip(KINDS, results, strict=True)}


def full_records(graded: dict[str, dict]) -> list[Record]:
    """Records as the store kept them before: the engine's whole result in each."""
    return [Record(kind, Student.unlisted(kind), (kind,), "graded", notes=("a note",),
                   submission_digest=kind, checks_digest="c", seconds=0.7, result=result)
            for kind, result in graded.items()]


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in folder.rglob("*")
            if path.is_file() and "results" not in path.relative_to(folder).parts}


def test_outputs_written_from_the_lean_store_are_identical(graded, tmp_path):
    """Every output file written from lean records read back by a fresh store (as the next
    run reads them) is byte for byte the one written from the engine's full results, and
    each result decodes to exactly the engine's JSON."""
    records = full_records(graded)
    write_outputs(records, tmp_path / "full")
    writer = ResultStore(tmp_path / "lean")
    for record in records:
        writer.save(record)
    reader = ResultStore(tmp_path / "lean")
    loaded = [reader.load(record.key) for record in records]
    for record, back in zip(records, loaded, strict=True):
        assert back is not None
        assert back.result.to_json() == record.result, record.key
    write_outputs(loaded, tmp_path / "lean")
    full, lean = files_of(tmp_path / "full"), files_of(tmp_path / "lean")
    assert len(full) > 6 * 3
    assert sorted(lean) == sorted(full)
    different = [name for name in full if full[name] != lean[name]]
    assert different == []


def test_a_typical_students_record_is_small(graded, tmp_path):
    """A full-marks student's record takes at most 40 KB (it took about 400 KB), a partly
    right one's a fifth or less of its full result (what it keeps is its own answers and
    the feedback on them), and what every student shares is stored once."""
    store = ResultStore(tmp_path)
    for record in full_records(graded):
        store.save(record)
    sizes = {kind: store.path(kind).stat().st_size for kind in KINDS}
    whole = {kind: len(json.dumps(result)) for kind, result in graded.items()}
    assert sizes["solution"] <= TYPICAL
    for kind in ("solution", "partial", "hardcoded"):
        assert sizes[kind] * 5 < whole[kind], (kind, sizes[kind], whole[kind])
    item_sets = list((store.folder / "items").glob("*.json"))
    checks = {check["nodeid"] for result in graded.values() for check in result["checks"]}
    assert len(checks) <= len(item_sets) <= 2 * len(checks)


def test_a_record_whose_item_set_is_lost_or_altered_is_graded_again(graded, tmp_path):
    """A record that refers to a missing or edited item set loads as absent (the next run
    grades that submission again) instead of coming back wrong."""
    store = ResultStore(tmp_path)
    record = full_records(graded)[0]
    store.save(record)
    item_sets = sorted((store.folder / "items").glob("*.json"))
    edited = json.loads(item_sets[0].read_text(encoding="utf-8"))
    edited["check"]["max_points"] = 1000
    item_sets[0].write_text(json.dumps(edited), encoding="utf-8")
    assert ResultStore(tmp_path).load(record.key) is None
    item_sets[0].unlink()
    assert ResultStore(tmp_path).load(record.key) is None
    ResultStore(tmp_path).save(record)  # the next run grades it again and writes it all
    assert ResultStore(tmp_path).load(record.key).result.to_json() == record.result


def test_a_first_student_with_broken_text_still_makes_readable_item_sets(graded, tmp_path):
    """Item sets are built from the first student's check, whose explanations can quote
    the student's text: a lone surrogate there is stored as U+FFFD, and the record and
    its item sets load back (with the text as every output writes it)."""
    from dataclasses import replace as changed

    from sourcewise.grading.results import SubmissionResult

    result = SubmissionResult.from_json(graded["partial"])
    check = next(c for c in result.checks if c.items)
    check.items[0] = changed(check.items[0], why="You wrote '\udcff'. " + check.items[0].why)
    store = ResultStore(tmp_path)
    store.save(Record("odd", Student.unlisted("odd"), (), "graded", result=result))
    back = ResultStore(tmp_path).load("odd")
    assert back is not None
    assert back.result.checks[result.checks.index(check)].items[0].why.startswith(
        "You wrote '\ufffd'. ")
