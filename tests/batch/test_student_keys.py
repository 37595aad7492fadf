"""Student keys: every entry of a class folder gets its own key; only a roster match or an
identical id makes two entries one student (issue 14, kind 3)."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from toy_project import submission_files, write_project

from sourcewise.batch.intake import READY, safe_key, scan, unique_keys

GOOD = {"who_says_so.py": "def f():\n    return 1\n"}


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_an_entry_named_like_another_students_key_gets_its_own_key(submissions, write_files):
    """A folder literally named 'Bob-Smith-7e3d8981' beside 'Bob Smith' is a second student."""
    literal = safe_key("Bob Smith")
    assert literal == "Bob-Smith-7e3d8981"  # the collision the review found
    write_files(submissions / "Bob Smith", GOOD)
    write_files(submissions / literal, GOOD)
    found = {s.student.id: s for s in scan(submissions).submissions}
    assert set(found) == {"Bob Smith", literal}
    assert all(s.status == READY for s in found.values())
    assert found["Bob Smith"].key != found[literal].key
    assert found[literal].key == literal


def test_names_equal_after_case_folding_are_two_students(submissions, write_files):
    """'STRASSE' and 'straße' (and 'Alice' and 'alice') are each graded, with keys that
    differ even on a file system that ignores case."""
    for name in ("STRASSE", "straße", "Alice", "alice"):
        write_files(submissions / name, GOOD)
    found = scan(submissions).submissions
    assert sorted(s.status for s in found) == [READY] * 4
    assert len({s.key.casefold() for s in found}) == 4


def test_keys_are_unique_and_stable_whatever_the_ids():
    """Keys never repeat (ignoring case) and depend only on the set of ids, not its order."""
    ids = ["Bob Smith", safe_key("Bob Smith"), "bob smith", "BOB-SMITH-7E3D8981", "x" * 60,
           "x" * 60 + "y", "", ".", "..", "student"]
    keys = unique_keys(ids)
    assert len({k.casefold() for k in keys}) == len(ids)
    assert dict(zip(ids, keys, strict=True)) == dict(
        zip(reversed(ids), unique_keys(list(reversed(ids))), strict=True))
    assert all(k and "/" not in k and not k.startswith(".") for k in keys)


def test_a_roster_match_still_makes_two_entries_one_student(tmp_path, write_files):
    """Entries matching the same roster entry (any case) are a 'duplicate'."""
    from sourcewise.batch.roster import read_roster

    submissions = tmp_path / "subs"
    write_files(submissions / "alice", GOOD)
    write_files(submissions / "ALICE", GOOD)
    roster = tmp_path / "roster.csv"
    roster.write_text("login,name\nalice,Alice A\n", encoding="utf-8")
    (found,) = scan(submissions, read_roster(roster)).submissions
    assert found.status == "duplicate"


@pytest.mark.parametrize("second_is_empty", [False, True])
def test_colliding_names_are_graded_side_by_side(tmp_path, second_is_empty):
    """`sourcewise grade` grades 'Bob Smith' and a folder named like its key, each with its
    own row; an empty one does not take the other's row."""
    project = write_project(tmp_path / "project")
    submissions = tmp_path / "subs"
    for name in ("Bob Smith", safe_key("Bob Smith")):
        folder = submissions / name
        folder.mkdir(parents=True)
        if name == "Bob Smith" or not second_is_empty:
            for file, text in submission_files("correct").items():
                (folder / file).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "sourcewise.cli", "grade", str(submissions), "--out", str(out),
         "--project", str(project), "--jobs", "1"],
        capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    status = {row["student"]: row for row in rows(out / "status.csv")}
    assert set(status) == {"Bob Smith", "Bob-Smith-7e3d8981"}
    assert status["Bob Smith"]["status"] == "graded"
    assert status["Bob-Smith-7e3d8981"]["status"] == ("empty" if second_is_empty else "graded")
    assert len({row["key"] for row in status.values()}) == 2
