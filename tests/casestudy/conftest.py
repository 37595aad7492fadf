"""Fixtures for the case-study tests: the bundled case, and a scratch copy to break."""

import shutil

import pytest

from sourcewise.casestudy import DEFAULT_CASE_FOLDER, default_case_study


@pytest.fixture(scope="session")
def case():
    return default_case_study()


@pytest.fixture
def case_copy(tmp_path):
    folder = tmp_path / "case"
    shutil.copytree(DEFAULT_CASE_FOLDER, folder)
    return folder
