"""Helpers that build submission folders for the batch tests."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest


def write_files(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Create ``folder`` with ``files`` (relative path -> text or bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    for relative, content in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode()
        path.write_bytes(content)
    return folder


def write_zip(path: Path, files: dict[str, str | bytes]) -> Path:
    """Create a zip at ``path`` holding ``files`` (member name -> text or bytes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return path


@pytest.fixture(name="write_files")
def write_files_fixture():
    """The ``write_files`` helper, for tests."""
    return write_files


@pytest.fixture(name="write_zip")
def write_zip_fixture():
    """The ``write_zip`` helper, for tests."""
    return write_zip


@pytest.fixture
def submissions(tmp_path: Path) -> Path:
    """An empty submissions folder."""
    folder = tmp_path / "submissions"
    folder.mkdir()
    return folder
