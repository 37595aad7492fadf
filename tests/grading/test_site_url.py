"""The course's site-url setting: read from pyproject.toml, checked, and used for links."""

from __future__ import annotations

import pytest

from sourcewise.grading.checks import lesson_url
from sourcewise.grading.site_url import (
    SiteUrlError,
    command_site_url,
    course_site_url,
    read_site_url,
)


def write_setting(folder, text: str):
    (folder / "pyproject.toml").write_text(f"[project]\nname = 'x'\n\n{text}", encoding="utf-8")
    return folder


def test_the_setting_is_read_from_tool_sourcewise(tmp_path):
    """[tool.sourcewise] site-url is read and given a trailing slash."""
    write_setting(tmp_path, '[tool.sourcewise]\nsite-url = "https://school.example/sw"\n')
    assert read_site_url(tmp_path) == "https://school.example/sw/"


def test_no_file_no_table_or_an_empty_value_means_unset(tmp_path):
    """Unset is None in every form: no pyproject.toml, no table, an empty string."""
    assert read_site_url(tmp_path) is None
    write_setting(tmp_path, "[tool.other]\nx = 1\n")
    assert read_site_url(tmp_path) is None
    write_setting(tmp_path, '[tool.sourcewise]\nsite-url = ""\n')
    assert read_site_url(tmp_path) is None


@pytest.mark.parametrize(("value", "message"), [
    ('"school.example/sw"', "is not a web address"),
    ('"http://127.0.0.1:8000/"', "points at this computer"),
    ('"http://localhost:8000"', "points at this computer"),
    ("42", "must be a quoted web address"),
    ('"https://a.example/ x"', "is not a web address"),
])
def test_a_bad_value_is_refused_with_the_fix(tmp_path, value, message):
    """A value that would give students broken links is refused, saying why."""
    write_setting(tmp_path, f"[tool.sourcewise]\nsite-url = {value}\n")
    with pytest.raises(SiteUrlError, match=message):
        read_site_url(tmp_path)


def test_broken_toml_is_reported_not_ignored(tmp_path):
    """A pyproject.toml that is not TOML stops with its path, instead of silently no links."""
    (tmp_path / "pyproject.toml").write_text("[tool.sourcewise\n", encoding="utf-8")
    with pytest.raises(SiteUrlError, match="cannot read"):
        read_site_url(tmp_path)


def test_the_option_wins_over_the_setting(tmp_path):
    """--site-url overrides the course setting; without it the setting is used."""
    write_setting(tmp_path, '[tool.sourcewise]\nsite-url = "https://a.example/"\n')
    assert course_site_url(tmp_path, "https://b.example") == "https://b.example/"
    assert course_site_url(tmp_path, None) == "https://a.example/"


def test_a_command_warns_in_one_line_when_unset(tmp_path, capsys):
    """Unset: the command prints one warning line naming the setting; set: nothing."""
    assert command_site_url(tmp_path, None, "sourcewise grade") is None
    warning = capsys.readouterr().err
    assert warning.count("\n") == 1
    assert warning.startswith("sourcewise grade: warning: no site-url is set")
    assert "[tool.sourcewise]" in warning
    write_setting(tmp_path, '[tool.sourcewise]\nsite-url = "https://a.example/"\n')
    assert command_site_url(tmp_path, None, "sourcewise grade") == "https://a.example/"
    assert capsys.readouterr().err == ""


def test_without_a_site_there_is_no_lesson_link():
    """No site address: no link at all (never one to 127.0.0.1)."""
    assert lesson_url(None, "lessons/framing.md#loaded") is None
    assert lesson_url("https://a.example/sw/", "lessons/framing.md#loaded") == \
        "https://a.example/sw/lessons/framing/#loaded"
