"""Identities without a roster: Moodle and Canvas download names give the student's name and
LMS id, and rows an LMS cannot match are announced with the fix (issue 15, item 1)."""

from __future__ import annotations

import csv
import subprocess
import sys

from toy_project import submission_files, write_project

from sourcewise.batch.intake import READY, scan
from sourcewise.batch.roster import Student, read_roster

GOOD = {"who_says_so.py": "def f():\n    return 1\n"}


def test_a_moodle_folder_gives_the_name_and_participant_number(submissions, write_files):
    """'Alice Smith_123456_assignsubmission_file_' is Alice Smith, participant 123456, and
    has no login made up from the folder name."""
    write_files(submissions / "Alice Smith_123456_assignsubmission_file_", GOOD)
    (found,) = scan(submissions).submissions
    assert found.status == READY
    assert found.student.name == "Alice Smith"
    assert found.student.id == "Alice Smith_123456"
    assert found.student.sis_login_id == ""
    assert not found.student.matchable()


def test_two_moodle_folders_of_one_participant_are_one_student(submissions, write_files):
    """The file and online-text folders of one participant are the same student."""
    write_files(submissions / "Alice Smith_123456_assignsubmission_file_", GOOD)
    write_files(submissions / "Alice Smith_123456_assignsubmission_onlinetext_", GOOD)
    write_files(submissions / "Alice Smith_654321_assignsubmission_file_", GOOD)
    found = {s.student.id: s for s in scan(submissions).submissions}
    assert found["Alice Smith_123456"].status == "duplicate"
    assert found["Alice Smith_654321"].status == READY


def test_a_canvas_download_gives_the_canvas_user_id(submissions, write_zip):
    """'smithalice_12345_678_work.zip' is Canvas user 12345, not a login named after the file."""
    write_zip(submissions / "smithalice_12345_678_work.zip", GOOD)
    write_zip(submissions / "leebo_late_777_9_work.zip", GOOD)
    found = {s.student.canvas_id: s.student for s in scan(submissions).submissions}
    assert found["12345"] == Student(id="smithalice_12345", name="smithalice",
                                     canvas_id="12345")
    assert found["777"].name == "leebo"
    assert all(s.matchable() and not s.sis_login_id for s in found.values())


def test_a_plain_name_is_still_taken_as_the_login(submissions, write_files):
    """A folder named 'alice' is the student whose login is alice."""
    write_files(submissions / "alice", GOOD)
    (found,) = scan(submissions).submissions
    assert found.student == Student(id="alice", name="alice", sis_login_id="alice")


def test_a_moodle_folder_finds_its_student_on_a_roster_by_name(tmp_path, write_files):
    """With a roster, a Moodle folder matches the student of the same full name."""
    submissions = tmp_path / "subs"
    write_files(submissions / "Alice Smith_123456_assignsubmission_file_", GOOD)
    roster = tmp_path / "roster.csv"
    roster.write_text("full name,username,id number\nAlice Smith,asmith,S1\n", encoding="utf-8")
    (found,) = scan(submissions, read_roster(roster)).submissions
    assert found.student.sis_login_id == "asmith"
    assert not found.off_roster


def test_grade_says_in_one_line_which_rows_no_lms_can_match(tmp_path):
    """`sourcewise grade` names the Moodle rows it cannot tie to a user and says --roster."""
    project = write_project(tmp_path / "project")
    submissions = tmp_path / "subs"
    for name in ("Alice Smith_123456_assignsubmission_file_", "bob"):
        folder = submissions / name
        folder.mkdir(parents=True)
        for file, text in submission_files("correct").items():
            (folder / file).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "sourcewise.cli", "grade", str(submissions), "--out", str(out),
         "--project", str(project), "--jobs", "1"],
        capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if "--roster" in line]
    assert len(warnings) == 1
    assert "1 gradebook row (Alice Smith_123456)" in warnings[0]
    with (out / "gradebook.csv").open(encoding="utf-8", newline="") as stream:
        alice = next(row for row in csv.reader(stream) if row[0] == "Alice Smith")
    assert alice[1:4] == ["", "", ""]  # no made-up login that Moodle would reject
