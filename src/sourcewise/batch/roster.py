"""The class roster: who the students are and how a submission's name finds its student.

A roster is a CSV file. The easiest one is the gradebook exported from Canvas (its columns
``Student``, ``ID``, ``SIS User ID``, ``SIS Login ID``, ``Section``); a plain CSV with any of
the header names in ``COLUMNS`` works too. A submission named ``alice`` or ``alice.zip``
matches the student whose login, SIS user id, Canvas id or name is ``alice`` (case does not
matter); a file from Canvas's "Download submissions" (``smithalice_12345_678_work.zip``)
matches by the Canvas user id inside its name.

Without a roster (or for a name nobody on it has), the student is known by the entry's name.
Two naming schemes of LMS downloads are read for what they say (``lms_identity``):
Moodle's "Download all submissions" folders (``Alice Smith_123456_assignsubmission_file_``:
the full name and Moodle's participant number) and Canvas's "Download submissions" files
(``smithalice_12345_678_work.zip``: the name as Canvas writes it and the Canvas user id).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("student", "name", "student name", "full name"),
    "canvas_id": ("id", "canvas id", "canvas user id", "user id"),
    "sis_user_id": ("sis user id", "student id", "student number", "id number", "idnumber"),
    "sis_login_id": ("sis login id", "login", "login id", "username", "email",
                     "email address"),
    "section": ("section", "sections"),
}
_IDENTIFYING = ("sis_login_id", "sis_user_id", "canvas_id")
_CANVAS_DOWNLOAD = re.compile(r"^[a-z]+(?:_late)?_(\d+)_\d+(?:_|$)")
_CANVAS_NAME = re.compile(r"^(?P<name>[a-z]+)(?:_late)?_(?P<id>\d+)_\d+(?:_.*)?$")
_MOODLE_NAME = re.compile(r"^(?P<name>.*\S)_(?P<id>\d+)_assign(?:submission|feedback)_"
                          r"[a-z]+_?$")
_NOT_STUDENTS = {"points possible", "test student", "student, test"}


class RosterError(ValueError):
    """The roster file is missing or malformed; the message says what to fix."""


@dataclass(frozen=True)
class Student:
    """A student's identity as the gradebook shows it (Canvas's identity columns)."""

    id: str  # what the student is called in messages and file names
    name: str = ""
    canvas_id: str = ""
    sis_user_id: str = ""
    sis_login_id: str = ""
    section: str = ""

    @classmethod
    def unlisted(cls, submission_name: str) -> Student:
        """A student known only by a submission's name (no roster, or not on it): an LMS
        download name gives the name and LMS id in it, any other name is taken as the
        student's login."""
        return lms_identity(submission_name) or cls(
            id=submission_name, name=submission_name, sis_login_id=submission_name)

    def matchable(self) -> bool:
        """Whether an LMS can tie this student's gradebook row to a user: a Canvas id, an
        SIS user id or a login is known."""
        return bool(self.canvas_id or self.sis_user_id or self.sis_login_id)


def lms_identity(submission_name: str) -> Student | None:
    """The student a Moodle or Canvas download name stands for, else None.

    Moodle: ``Alice Smith_123456_assignsubmission_file_`` is Alice Smith, participant
    123456 (a number of the assignment, not a login: a gradebook import cannot match it).
    Canvas: ``smithalice_12345_678_work`` is Canvas user 12345, written ``smithalice``.
    The id keeps the number, so two students of the same name stay two students.
    """
    if match := _MOODLE_NAME.match(submission_name):
        name = match["name"]
        return Student(id=f"{name}_{match['id']}", name=name)
    if match := _CANVAS_NAME.match(submission_name):
        return Student(id=f"{match['name']}_{match['id']}", name=match["name"],
                       canvas_id=match["id"])
    return None


class Roster:
    """The students of a class, looked up by the name of a submission."""

    def __init__(self, students: list[Student]) -> None:
        self.students = tuple(students)
        self._by_key: dict[str, Student] = {}
        names: dict[str, list[Student]] = {}
        for student in students:
            for field in _IDENTIFYING:
                value = getattr(student, field).casefold()
                if value:
                    self._by_key.setdefault(value, student)
                if field == "sis_login_id" and "@" in value:
                    self._by_key.setdefault(value.split("@", 1)[0], student)
            if student.name:
                names.setdefault(student.name.casefold(), []).append(student)
        self._by_name = {name: found[0] for name, found in names.items() if len(found) == 1}
        self._by_canvas_id = {s.canvas_id: s for s in students if s.canvas_id}

    def find(self, submission_name: str) -> Student | None:
        """The student a submission named ``submission_name`` belongs to, if any."""
        key = submission_name.casefold()
        found = self._by_key.get(key) or self._by_name.get(key)
        if found is None and (match := _CANVAS_DOWNLOAD.match(key)):
            found = self._by_canvas_id.get(match.group(1))
        if found is None and (match := _MOODLE_NAME.match(submission_name)):
            found = self._by_name.get(match["name"].casefold())
        return found


def read_roster(path: Path) -> Roster:
    """Read a roster CSV, or raise RosterError saying what is wrong and what to do."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RosterError(f"roster {path}: file not found") from None
    except UnicodeDecodeError:
        raise RosterError(f"roster {path}: not UTF-8 text; save it as 'CSV UTF-8' and "
                          "try again") from None
    except OSError as error:
        raise RosterError(f"roster {path}: cannot be read ({error.strerror})") from None
    rows = list(csv.reader(text.splitlines()))
    if not rows:
        raise RosterError(f"roster {path}: the file is empty")
    fields = _match_columns(rows[0], path)
    students: list[Student] = []
    seen: dict[tuple[str, str], int] = {}
    for line, row in enumerate(rows[1:], start=2):
        values = {field: row[i].strip() if i < len(row) else "" for field, i in fields.items()}
        if not any(values.values()) or values.get("name", "").casefold() in _NOT_STUDENTS:
            continue
        if not any(values.get(f) for f in _IDENTIFYING):
            raise RosterError(f"roster {path}, line {line}: no login, SIS user id or Canvas "
                              "id; fill one in or remove the line")
        for field in _IDENTIFYING:
            value = values.get(field, "").casefold()
            if value and (field, value) in seen:
                raise RosterError(f"roster {path}, line {line}: {values[field]!r} is already "
                                  f"used on line {seen[field, value]}; each student once")
            if value:
                seen[field, value] = line
        ident = next(values[f] for f in _IDENTIFYING if values.get(f))
        students.append(Student(id=ident, **{f: values.get(f, "") for f in COLUMNS}))
    if not students:
        raise RosterError(f"roster {path}: no students in it")
    return Roster(students)


def _match_columns(header: list[str], path: Path) -> dict[str, int]:
    """Map our fields onto the roster's columns by their header names."""
    names = [h.strip().casefold() for h in header]
    fields: dict[str, int] = {}
    for field, aliases in COLUMNS.items():
        for alias in aliases:
            if alias in names:
                fields[field] = names.index(alias)
                break
    if not any(f in fields for f in _IDENTIFYING):
        accepted = ", ".join(f"'{a}'" for f in _IDENTIFYING for a in COLUMNS[f])
        raise RosterError(f"roster {path}: no column identifies students; the header needs "
                          f"one of {accepted}")
    return fields
