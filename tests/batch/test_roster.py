"""The roster ties submissions to students and refuses malformed files with a clear message."""

from __future__ import annotations

import pytest

from sourcewise.batch.intake import READY, scan
from sourcewise.batch.roster import RosterError, Student, read_roster

CANVAS_EXPORT = """Student,ID,SIS User ID,SIS Login ID,Section,Quiz 1 (1234)
    Points Possible,,,,,10
"Smith, Alice",101,S001,asmith@uni.example,Section A,8
"Jones, Bob",102,S002,bjones,Section B,
"Student, Test",999,,,Section A,
"Lee, Carol",103,S003,clee,Section A,
"""


def test_canvas_export_reads_students_and_skips_non_students(tmp_path):
    """A Canvas gradebook export is a roster; 'Points Possible' and the test student are not."""
    path = tmp_path / "roster.csv"
    path.write_text(CANVAS_EXPORT, encoding="utf-8")
    roster = read_roster(path)
    assert [s.id for s in roster.students] == ["asmith@uni.example", "bjones", "clee"]
    assert roster.students[0] == Student(
        id="asmith@uni.example", name="Smith, Alice", canvas_id="101", sis_user_id="S001",
        sis_login_id="asmith@uni.example", section="Section A")


def test_submission_names_match_by_login_ids_email_or_canvas_download(tmp_path):
    """Folders named by login, e-mail user, SIS id or a Canvas download name find a student."""
    path = tmp_path / "roster.csv"
    path.write_text(CANVAS_EXPORT, encoding="utf-8")
    roster = read_roster(path)
    assert roster.find("ASMITH").name == "Smith, Alice"
    assert roster.find("s002").name == "Jones, Bob"
    assert roster.find("103").name == "Lee, Carol"
    assert roster.find("leecarol_late_103_5555_exercises.zip").name == "Lee, Carol"
    assert roster.find("Jones, Bob").sis_login_id == "bjones"
    assert roster.find("nobody") is None


def test_intake_with_a_roster_reports_missing_and_unknown_students(tmp_path, write_files):
    """Roster students with no submission get 'missing'; unknown names are graded with a note."""
    path = tmp_path / "roster.csv"
    path.write_text(CANVAS_EXPORT, encoding="utf-8")
    folder = tmp_path / "subs"
    write_files(folder / "asmith", {"how_sure.py": "X = 1\n"})
    write_files(folder / "stranger", {"how_sure.py": "X = 1\n"})
    found = {s.student.id: s for s in scan(folder, read_roster(path)).submissions}
    assert found["asmith@uni.example"].status == READY
    assert found["asmith@uni.example"].student.section == "Section A"
    assert found["bjones"].status == "missing"
    assert found["clee"].status == "missing"
    assert found["stranger"].status == READY
    assert "nobody on the roster" in found["stranger"].message


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty"),
        ("name,section\nAlice,A\n", "no column identifies students"),
        ("login,name\nalice,A\nALICE,B\n", "already used on line 2"),
        ("login,name\n,Nobody\n", "line 2: no login"),
        ("login\n", "no students"),
    ],
)
def test_malformed_rosters_are_refused(tmp_path, content, message):
    """Each kind of broken roster raises RosterError naming what to fix."""
    path = tmp_path / "roster.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RosterError, match=message):
        read_roster(path)


def test_unreadable_rosters_are_refused(tmp_path):
    """A missing roster or one that is not UTF-8 gets a message saying what to do."""
    with pytest.raises(RosterError, match="not found"):
        read_roster(tmp_path / "missing.csv")
    path = tmp_path / "latin1.csv"
    path.write_bytes("login,name\nzoe,Zo\xe9\n".encode("latin-1"))
    with pytest.raises(RosterError, match="CSV UTF-8"):
        read_roster(path)
