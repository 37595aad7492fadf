"""Reading a folder of submissions: every bad input gets a status and a message, and the
good submissions next to it are read unharmed."""

from __future__ import annotations

import os
import pickle
import stat
import tempfile
import zipfile
from pathlib import Path

import pytest

from sourcewise.batch.contents import Limits
from sourcewise.batch.intake import READY, IntakeError, Submission, safe_key, scan

GOOD = {"who_says_so.py": "def f():\n    return 1\n", "how_sure.py": "X = 2\n"}


def by_id(intake) -> dict[str, Submission]:
    return {s.student.id: s for s in intake.submissions}


def test_folders_and_zips_are_read_at_any_depth(submissions, write_files, write_zip):
    """Exercise files are found inside a student's folder or zip, however deeply nested."""
    write_files(submissions / "alice", {"exercises/" + k: v for k, v in GOOD.items()})
    write_zip(submissions / "bob.zip", {"bob/exercises/" + k: v for k, v in GOOD.items()})
    found = by_id(scan(submissions))
    assert found["alice"].status == READY
    assert found["alice"].files == {"who_says_so": GOOD["who_says_so.py"].encode(),
                                    "how_sure": GOOD["how_sure.py"].encode()}
    assert found["bob"].files == found["alice"].files
    assert found["bob"].digest == found["alice"].digest
    assert found["bob"].origins == ("bob.zip",)


def test_the_shallowest_copy_wins_and_the_other_is_noted(submissions, write_files):
    """A second copy of an exercise deeper down is ignored with a note naming both."""
    write_files(submissions / "alice", {"who_says_so.py": "A = 1\n",
                                        "backup/who_says_so.py": "A = 2\n"})
    alice = by_id(scan(submissions))["alice"]
    assert alice.files == {"who_says_so": b"A = 1\n"}
    assert any("backup/who_says_so.py" in note for note in alice.notes)


def test_an_empty_folder_and_wrongly_named_files_say_what_was_expected(submissions, write_files):
    """No exercise file: status 'empty' with the expected names and the names seen."""
    (submissions / "carol").mkdir()
    write_files(submissions / "dave", {"WhoSaysSo.py": "x = 1\n", "notes.docx": b"\0"})
    write_files(submissions / "erin", GOOD)
    found = by_id(scan(submissions))
    assert found["carol"].status == "empty"
    assert "it holds no files" in found["carol"].message
    assert "rename" not in found["carol"].message  # there is nothing to rename
    assert found["dave"].status == "empty"
    assert "WhoSaysSo.py" in found["dave"].message
    assert "who_says_so.py" in found["dave"].message
    assert "rename the files" in found["dave"].message
    assert found["erin"].status == READY


def test_an_empty_submissions_folder_is_refused(submissions):
    """A submissions folder with nothing in it (litter aside) is an error saying what to do."""
    (submissions / ".DS_Store").write_bytes(b"\0")
    with pytest.raises(IntakeError, match="no submissions in it"):
        scan(submissions)
    with pytest.raises(IntakeError, match="no such folder"):
        scan(submissions / "nope")


def test_stray_files_get_their_own_row_or_a_remark(submissions, write_files):
    """A loose file is 'not a submission'; next to the student's real folder it is a remark
    for the grader (not a note in the student's feedback)."""
    (submissions / "frank.txt").write_text("hello")
    (submissions / "grace.pdf").write_bytes(b"%PDF")
    write_files(submissions / "grace", GOOD)
    (submissions / "Thumbs.db").write_bytes(b"\0")
    intake = scan(submissions)
    found = by_id(intake)
    assert found["frank"].status == "not a submission"
    assert "folder or zip" in found["frank"].message
    assert found["grace"].status == READY
    assert "grace.pdf" in found["grace"].message
    assert not any("grace.pdf" in note for note in found["grace"].notes)
    assert intake.ignored == ("Thumbs.db",)


def test_two_submissions_for_one_student_grade_neither(submissions, write_files, write_zip):
    """A folder and a zip with the identical name are a 'duplicate'; others go on."""
    write_files(submissions / "alice", GOOD)
    write_zip(submissions / "alice.zip", GOOD)
    write_files(submissions / "bob", GOOD)
    found = by_id(scan(submissions))
    assert set(found) == {"alice", "bob"}
    assert found["alice"].status == "duplicate"
    assert "alice.zip" in found["alice"].message
    assert "alice" in found["alice"].message
    assert found["alice"].files == {}
    assert found["bob"].status == READY


def test_zip_slip_is_rejected_and_nothing_is_written(submissions, tmp_path, write_files, write_zip):
    """A zip whose member climbs out with '..' or is absolute is rejected unread."""
    write_zip(submissions / "mallory.zip", {"../../escaped.py": "x", **GOOD})
    write_zip(submissions / "oscar.zip", {"/etc/who_says_so.py": "x"})
    write_files(submissions / "bob", GOOD)
    before = sorted(p for p in tmp_path.rglob("*"))
    found = by_id(scan(submissions))
    assert sorted(p for p in tmp_path.rglob("*")) == before
    for name in ("mallory", "oscar"):
        assert found[name].status == "rejected"
        assert "points outside its folder" in found[name].message
    assert found["bob"].status == READY


def test_zip_bombs_are_rejected_before_unpacking(submissions, write_files, write_zip):
    """A zip with a huge ratio, a huge declared size or too many entries is rejected."""
    write_zip(submissions / "ratio.zip", {"who_says_so.py": b"0" * (8 * 2**20)})
    write_zip(submissions / "many.zip", {f"f{i}.txt": "" for i in range(60)})
    write_zip(submissions / "huge.zip", {"a.bin": os.urandom(300_000)})
    write_files(submissions / "bob", GOOD)
    limits = Limits(max_entries=50, max_unpacked_bytes=200_000, ratio_floor=100_000)
    found = by_id(scan(submissions, limits=limits))
    assert found["ratio"].status == "rejected"
    assert "zip bomb" in found["ratio"].message
    assert found["many"].status == "rejected"
    assert "60 entries" in found["many"].message
    assert found["huge"].status == "rejected"
    assert "unpacks to" in found["huge"].message
    assert found["bob"].status == READY


def test_the_default_limits_catch_a_real_bomb(submissions, write_zip):
    """With the default caps, 50 MB of zeros in a 50 KB zip is refused as a bomb."""
    write_zip(submissions / "bomb.zip", {"who_says_so.py": b"\0" * (50 * 2**20)})
    bomb = by_id(scan(submissions))["bomb"]
    assert bomb.status == "rejected"
    assert "a zip bomb?" in bomb.message


def test_corrupt_and_oversized_inputs_get_clear_messages(submissions, write_files):
    """A broken zip is rejected; an oversized exercise file is skipped with a note."""
    (submissions / "broken.zip").write_bytes(b"PK\x03\x04 not really a zip")
    write_files(submissions / "big", {"who_says_so.py": "#" * 3000, "how_sure.py": "X = 1\n"})
    found = by_id(scan(submissions, limits=Limits(max_file_bytes=1000)))
    assert found["broken"].status == "rejected"
    assert "not a readable zip" in found["broken"].message
    assert found["big"].files == {"how_sure": b"X = 1\n"}
    assert any("who_says_so.py is 3 KB" in note for note in found["big"].notes)


def test_symlinks_are_never_followed(submissions, tmp_path, write_files):
    """A linked exercise file or a linked submission folder is not read."""
    secret = write_files(tmp_path / "instructor", {"who_says_so.py": "SECRET = 42\n"})
    write_files(submissions / "mallory", {"how_sure.py": "X = 1\n"})
    (submissions / "mallory" / "who_says_so.py").symlink_to(secret / "who_says_so.py")
    (submissions / "trudy").symlink_to(secret)
    link_zip = submissions / "zed.zip"
    with zipfile.ZipFile(link_zip, "w") as archive:
        info = zipfile.ZipInfo("who_says_so.py")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, str(secret / "who_says_so.py"))
        archive.writestr("how_sure.py", "X = 1\n")
    found = by_id(scan(submissions))
    assert found["mallory"].files == {"how_sure": b"X = 1\n"}
    assert any("symbolic link" in note for note in found["mallory"].notes)
    assert found["trudy"].status == "rejected"
    assert "symbolic link" in found["trudy"].message
    assert found["zed"].files == {"how_sure": b"X = 1\n"}
    assert any("symbolic link" in note for note in found["zed"].notes)


def test_a_named_pipe_does_not_block_the_batch(submissions, write_files):
    """A FIFO named like an exercise file is noted, not opened for a blocking read."""
    write_files(submissions / "pat", {"how_sure.py": "X = 1\n"})
    os.mkfifo(submissions / "pat" / "who_says_so.py")
    pat = by_id(scan(submissions))["pat"]
    assert pat.files == {"how_sure": b"X = 1\n"}
    assert any("not a regular file" in note for note in pat.notes)


def test_non_utf8_names_are_graded_with_a_note(submissions):
    """A folder whose name is not UTF-8 is graded under an escaped, file-safe id."""
    raw = os.fsencode(str(submissions)) + b"/caf\xe9"
    os.mkdir(raw)
    for name, text in GOOD.items():
        Path(os.fsdecode(raw + b"/" + name.encode())).write_text(text)
    (submission,) = scan(submissions).submissions
    assert submission.status == READY
    assert submission.student.id == "caf\\xe9"
    assert submission.key == safe_key("caf\\xe9")
    assert submission.key.startswith("caf-xe9-")
    assert "not valid UTF-8" in submission.message


def test_a_zip_with_a_false_utf8_name_is_rejected(submissions, write_zip):
    """A zip that flags a file name as UTF-8 when it is not gets a clear message."""
    path = write_zip(submissions / "zoe.zip", {"who_says_so.py": "x = 1\n"})
    data = bytearray(path.read_bytes())
    for marker in (b"PK\x01\x02", b"PK\x03\x04"):  # set the UTF-8 flag, spoil the name
        at = data.index(marker)
        flag_at = at + (9 if marker == b"PK\x01\x02" else 7)  # high byte of the flags
        data[flag_at] |= 0x08
        name_at = at + (46 if marker == b"PK\x01\x02" else 30)
        data[name_at] = 0xE9
    path.write_bytes(bytes(data))
    zoe = by_id(scan(submissions))["zoe"]
    assert zoe.status == "rejected"
    assert "UTF-8" in zoe.message


def _scan_unprivileged(folder: Path):
    """Run scan() as an unprivileged uid so file permissions bind (root ignores them)."""
    if os.geteuid() != 0:
        return scan(folder)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child reports through the pipe
        status = 1
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            with os.fdopen(write_end, "wb") as stream:
                stream.write(pickle.dumps(scan(folder)))
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as stream:
        data = stream.read()
    _, status = os.waitpid(pid, 0)
    assert status == 0
    return pickle.loads(data)


def test_unreadable_files_and_folders_get_a_message(write_files):
    """A file or folder the grader may not read is noted or rejected; the rest is graded."""
    top = Path(tempfile.mkdtemp(dir="/tmp", prefix="sw-unreadable-"))
    try:
        folder = top / "submissions"
        write_files(folder / "ann", GOOD)
        write_files(folder / "ben", GOOD)
        write_files(folder / "cat", GOOD)
        for path in [top, *top.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        (folder / "ann" / "who_says_so.py").chmod(0)
        (folder / "ben").chmod(0)
        found = by_id(_scan_unprivileged(folder))
        assert found["ann"].files == {"how_sure": b"X = 2\n"}
        assert any("could not be read" in n and "permission" in n.lower()
                   for n in found["ann"].notes)
        assert found["ben"].status == "rejected"
        assert "cannot be read" in found["ben"].message
        assert found["cat"].status == READY
    finally:
        for path in [top, *top.rglob("*")]:
            path.chmod(0o755)
        for path in sorted(top.rglob("*"), reverse=True):
            path.rmdir() if path.is_dir() else path.unlink()
        top.rmdir()
