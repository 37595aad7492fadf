"""Item files load into items, and every malformed file gets a message naming what to fix."""

import pytest

from sourcewise.exercises.items import ItemFileError, load_items

GOOD = """
exercise: how_sure
items:
  - id: a
    text: "It is believed to be true."
    expected: ["is believed"]
    why: "Nobody is named."
  - id: b
    text: "The council voted on Monday."
    expected: []
    why: "Nothing is hedged."
    control: true
    note: kept
"""


def write(tmp_path, text):
    path = tmp_path / "items.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_loads_items_with_controls_and_extra_keys(tmp_path):
    """Items keep their fields; unknown keys land in `extra`; `control` defaults to false."""
    items = load_items(write(tmp_path, GOOD), exercise="how_sure")
    assert [i.id for i in items] == ["a", "b"]
    assert items[0].control is False
    assert items[1].control is True
    assert items[1].extra == {"note": "kept"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("items: []", "empty"),
        ("- just a list", "mapping with an 'items' list"),
        ("items:\n  - {id: a, text: t, why: w}", "'expected' is missing"),
        ("items:\n  - {id: a, text: t, why: w, expected: 1}\n  - {id: a, text: t, why: w, expected: 1}",
         "duplicate id"),
        ("items:\n  - {id: a, text: '', why: w, expected: 1}", "'text' must be"),
        ("items:\n  - {id: a, text: t, why: w, expected: 1, control: maybe}", "'control'"),
        ("items: [", "cannot be read"),
    ],
)
def test_malformed_files_are_refused_with_a_clear_message(tmp_path, text, message):
    """Each kind of broken item file raises ItemFileError saying what is wrong."""
    with pytest.raises(ItemFileError, match=message):
        load_items(write(tmp_path, text))


def test_wrong_exercise_and_missing_file(tmp_path):
    """A file for another exercise, or no file at all, is refused."""
    with pytest.raises(ItemFileError, match="expected 'who_says_so'"):
        load_items(write(tmp_path, GOOD), exercise="who_says_so")
    with pytest.raises(ItemFileError, match="not found"):
        load_items(tmp_path / "missing.yaml")
