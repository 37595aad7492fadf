"""Find the submissions in a folder, read each one safely and tie it to a student.

The folder holds one sub-folder or ``.zip`` per student, named after the student (or after
a roster entry). Every entry ends up as exactly one ``Submission``: either ready to grade,
or with a final status and a message saying what is wrong and what to do. One bad entry
never stops the others.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path

from sourcewise.batch.contents import (
    LITTER,
    Contents,
    Limits,
    Unusable,
    no_exercise_files_message,
    shown,
)
from sourcewise.batch.folder_reader import read_folder, read_single_file
from sourcewise.batch.roster import Roster, Student
from sourcewise.batch.zip_reader import read_zip

READY = "ready"  # read and waiting to be graded; the store records "graded" or "error"

# The statuses a submission can end with before grading, and what each means.
STATUSES: dict[str, str] = {
    "empty": "no exercise file was found",
    "rejected": "unsafe or unreadable: nothing was graded",
    "duplicate": "more than one submission for this student: nothing was graded",
    "not a submission": "a loose file, not a folder or a zip",
    "missing": "on the roster, but nothing was submitted",
}


class IntakeError(Exception):
    """The submissions folder itself is unusable; the message says what to do."""


@dataclass(frozen=True)
class Submission:
    """One student's submission as read, before grading."""

    student: Student
    key: str  # unique, file-system-safe; names the student's result and output files
    origins: tuple[str, ...]  # the entries of the submissions folder it came from
    status: str  # READY or one of STATUSES
    message: str = ""  # for the grader: what is wrong, or remarks on a READY submission
    notes: tuple[str, ...] = ()  # for the student: files that could not be used, and why
    files: dict[str, bytes] = field(default_factory=dict)  # exercise name -> source bytes
    digest: str = ""
    helpers: dict[str, bytes] = field(default_factory=dict)  # helper module file -> bytes
    off_roster: bool = False  # a roster was given and this student is not on it


@dataclass(frozen=True)
class Intake:
    """Everything found in a submissions folder."""

    submissions: tuple[Submission, ...]
    ignored: tuple[str, ...]  # litter such as .DS_Store, skipped without a row


@dataclass
class _Candidate:
    name: str  # the entry's name without .zip, as shown
    origin: str
    status: str
    message: str = ""
    notes: list[str] = field(default_factory=list)  # for the student
    remarks: list[str] = field(default_factory=list)  # for the grader
    contents: Contents | None = None


def scan(folder: Path, roster: Roster | None = None, limits: Limits | None = None) -> Intake:
    """Read every entry of ``folder`` into submissions (see the module docstring)."""
    limits = limits or Limits()
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except FileNotFoundError:
        raise IntakeError(f"{folder}: no such folder") from None
    except NotADirectoryError:
        raise IntakeError(f"{folder}: not a folder; give the folder that holds one folder "
                          "or .zip per student") from None
    except OSError as error:
        raise IntakeError(f"{folder}: cannot be read ({error.strerror})") from None
    ignored = tuple(shown(e.name) for e in entries if _litter(e.name))
    candidates = [_read_entry(Path(e.path), limits) for e in entries if not _litter(e.name)]
    if not candidates:
        raise IntakeError(f"{folder}: no submissions in it; expected one folder or .zip per "
                          "student, named after the student")
    return Intake(_assign(candidates, roster), ignored)


def read_submission(path: Path, student: Student, limits: Limits | None = None) -> Submission:
    """Read one student's folder or zip (a Gradescope or GitHub Classroom submission)."""
    candidate = _read_entry(path, limits or Limits())
    return _submission(student, [candidate], safe_key(student.id))


def read_contents(path: Path, limits: Limits) -> Contents:
    """The exercise files and helpers of the folder, zip or single exercise file at ``path``,
    by the intake rule (``sourcewise.batch.contents``); raise ``Unusable`` when none of it
    can be used. A folder whose exercise files are only inside a zip at its top (an upload
    of the zip) is read from that zip."""
    mode = path.lstat().st_mode
    name = shown(path.name)
    if stat.S_ISLNK(mode):
        raise Unusable("rejected", "it is a symbolic link; copy the student's real folder "
                                   "or zip into the submissions folder")
    if stat.S_ISDIR(mode):
        contents = read_folder(path, limits)
        if not contents.files:
            for inner in sorted(path.glob("*.zip")):
                try:
                    nested = read_zip(inner, limits)
                except Unusable as problem:
                    contents.notes.append(f"{shown(inner.name)}: {problem.message}")
                    continue
                if nested.files:
                    nested.notes.insert(0, f"graded the files inside {shown(inner.name)}")
                    return nested
        return contents
    if stat.S_ISREG(mode) and name.lower().endswith(".zip"):
        return read_zip(path, limits)
    if stat.S_ISREG(mode) and limits.exercise_of(name):
        return read_single_file(path, limits)
    if stat.S_ISREG(mode):
        raise Unusable("not a submission", "a loose file, not a folder or a .zip: put "
                                           "each student's files in a folder or zip "
                                           "named after the student")
    raise Unusable("rejected", "not a file or folder (a pipe or device?)")


def safe_key(student_id: str) -> str:
    """A file-name-safe key for a student id, unique even when the id has odd characters."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", student_id).strip(".-")[:40] or "student"
    if slug == student_id:
        return slug
    digest = hashlib.sha256(student_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{slug}-{digest}"


def _litter(name: str) -> bool:
    return name.startswith(".") or name in LITTER


def _read_entry(path: Path, limits: Limits) -> _Candidate:
    origin = shown(path.name)
    is_zip = origin.lower().endswith(".zip")
    candidate = _Candidate(name=origin[:-4] if is_zip else origin, origin=origin,
                           status=READY)
    if origin != path.name:
        candidate.remarks.append(f"the name {origin!r} is not valid UTF-8 text; rename it to "
                                 "the student's id")
    try:
        if not is_zip and stat.S_ISREG(path.lstat().st_mode):
            candidate.name = Path(origin).stem or origin
            raise Unusable("not a submission", "a loose file, not a folder or a .zip: put "
                                               "each student's files in a folder or zip "
                                               "named after the student")
        candidate.contents = read_contents(path, limits)
    except Unusable as problem:
        candidate.status, candidate.message = problem.status, problem.message
    except OSError as error:
        candidate.status = "rejected"
        candidate.message = f"cannot be read ({error.strerror})"
    contents = candidate.contents
    if contents is not None and not contents.files:
        if contents.notes:
            candidate.status = "rejected"
            candidate.message = "nothing could be graded: " + "; ".join(contents.notes)
        else:
            candidate.status = "empty"
            candidate.message = no_exercise_files_message(contents.others)
    return candidate


def _assign(candidates: list[_Candidate], roster: Roster | None) -> tuple[Submission, ...]:
    """Tie candidates to students; report duplicates and the roster's missing students.

    Two entries are one student only when they match the same roster entry, or when their
    ids are identical (``alice`` and ``alice.zip``, two Moodle folders of one participant);
    ``Alice`` and ``alice``, or ``STRASSE`` and ``straße``, are two students.
    """
    groups: dict[tuple[str, str], tuple[Student, list[_Candidate]]] = {}
    for candidate in candidates:
        student = roster.find(candidate.name) if roster else None
        source = "roster"
        if student is None:
            student, source = Student.unlisted(candidate.name), "entry"
            if roster is not None:
                candidate.remarks.append(f"{candidate.origin!r} matches nobody on the roster")
        groups.setdefault((source, student.id), (student, []))[1].append(candidate)
    missing: list[Student] = []
    if roster is not None:
        submitted = {ident for source, ident in groups if source == "roster"}
        missing = [s for s in roster.students if s.id not in submitted]
    keys = unique_keys([student.id for student, _ in groups.values()]
                       + [student.id for student in missing])
    submissions = [replace(_submission(student, found, keys[i]),
                           off_roster=roster is not None and source == "entry")
                   for i, ((source, _), (student, found)) in enumerate(groups.items())]
    submissions += [
        Submission(student, keys[len(groups) + i], (), "missing", STATUSES["missing"])
        for i, student in enumerate(missing)
    ]
    return tuple(sorted(submissions, key=lambda s: s.key))


def unique_keys(ids: list[str]) -> list[str]:
    """A key per id (``safe_key``), no two equal even ignoring case (keys name files).

    An id that is its own key keeps it; an id whose key is taken gets a longer digest.
    The keys depend only on the set of ids, so a run started again finds its results.
    """
    keys: dict[str, str] = {}
    used: set[str] = set()
    for ident in sorted(set(ids), key=lambda i: (safe_key(i) != i, i)):
        slug = safe_key(ident).rsplit("-", 1)[0] if safe_key(ident) != ident else ident
        digest = hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()
        tries = [safe_key(ident), f"{slug}-{digest[:16]}", f"{slug}-{digest}"]
        tries += (f"{slug}-{digest}-{n}" for n in range(2, len(ids) + 3))
        key = next(k for k in tries if k.casefold() not in used)
        used.add(key.casefold())
        keys[ident] = key
    return [keys[ident] for ident in ids]


def _submission(student: Student, found: list[_Candidate], key: str) -> Submission:
    real = [c for c in found if c.status != "not a submission"]
    if len(real) > 1:
        origins = tuple(c.origin for c in real)
        return Submission(student, key, origins, "duplicate",
                          f"{len(real)} submissions for this student ({', '.join(origins)}); "
                          "keep the one to grade, remove the others and run again")
    chosen = real[0] if real else found[0]
    remarks = list(chosen.remarks)
    remarks += [f"ignored {c.origin!r}: {c.message}" for c in found if c is not chosen]
    contents = chosen.contents
    if chosen.status == READY and contents is not None:
        return Submission(student, key, (chosen.origin,), READY, "; ".join(remarks),
                          tuple(chosen.notes + contents.notes), dict(contents.files),
                          contents.digest(), helpers=dict(contents.helpers))
    message = "; ".join([chosen.message, *remarks])
    return Submission(student, key, (chosen.origin,), chosen.status, message,
                      tuple(chosen.notes))
