"""The worked example in "Add your own case study" is a valid case study, as the guide says."""

from __future__ import annotations

import re
from pathlib import Path

import content_pages as cp
import pytest
import yaml

from sourcewise.casestudy import CaseStudyError, load_case_study
from sourcewise.casestudy.files import CASE_FILES
from sourcewise.casestudy.scaffold import skeleton_units

GUIDE = "instructors/add-a-case-study.md"
_TITLED_BLOCK = re.compile(r'^```\w* title="(?P<name>[^"]+)"\n(?P<body>.*?)^```$', re.M | re.S)


def _example_files() -> dict[str, str]:
    """The files of the guide's example, by name, from its titled code blocks."""
    return {m["name"]: m["body"] for m in _TITLED_BLOCK.finditer(cp.read(GUIDE))}


@pytest.fixture
def example_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "riverside-library"
    folder.mkdir()
    for name, text in _example_files().items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_guide_shows_every_file_of_a_case_folder():
    """The example has exactly the six files the loader requires."""
    assert sorted(_example_files()) == sorted(CASE_FILES)


def test_example_loads_with_one_unit_of_each_label(example_folder):
    """The loader accepts the example, which illustrates all six labels."""
    case = load_case_study(example_folder)
    assert case.id == "riverside-library"
    assert case.label_counts() == {
        "unsourced_assertion": 1, "sourced_fact": 1, "official_estimate": 1,
        "attributed_claim": 1, "vague_attribution": 1, "framing": 1,
    }
    assert [s.kind for s in case.sources] == ["document", "official body", "interested party", "vague"]
    assert [(n.unit, n.figure) for n in case.numbers] == [("p01s02", "$40,000")]


def test_example_offsets_are_what_the_scaffold_proposes():
    """The example's ids, kinds and offsets are exactly what the guide's scaffold step prints."""
    files = _example_files()
    proposed = [(u["id"], u["kind"], u["start"], u["end"]) for u in skeleton_units(files["article.txt"])]
    written = [(u["id"], u["kind"], u["start"], u["end"]) for u in yaml.safe_load(files["units.yaml"])]
    assert written == proposed


def test_a_broken_offset_gets_the_message_the_guide_describes(example_folder):
    """Moving a cue's offset fails with a message naming the file, the unit and the field."""
    units_file = example_folder / "units.yaml"
    units_file.write_text(
        units_file.read_text(encoding="utf-8").replace("{text: reportedly, at: 15,", "{text: reportedly, at: 16,"),
        encoding="utf-8",
    )
    with pytest.raises(CaseStudyError) as caught:
        load_case_study(example_folder)
    message = str(caught.value)
    assert message.startswith(f"{units_file}, unit 'p02s02', field 'cues[0].at': ")
    assert "is not at offset 16 of the unit's text" in message
    assert "is not at offset N of the unit's text" in cp.read(GUIDE)


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the example's {name} no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _drop_unit(folder: Path, unit_id: str) -> None:
    path = folder / "units.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {unit_id}\n")
    path.write_text(text[:start] + text[text.index("- id: ", start + 1):], encoding="utf-8")


# Each row of the guide's table of common messages, and a mistake that produces it.
MISTAKES = {
    "the file is missing.": lambda f: (f / "numbers.yaml").unlink(),
    "broken YAML at line": lambda f: _edit(f, "case.yaml", "outlet: Riverside Gazette", "outlet: [Riverside"),
    "is not the article's text between start and end": lambda f: _edit(f, "units.yaml", "end: 228", "end: 227"),
    "and this unit is not whitespace": lambda f: _drop_unit(f, "p02s02"),
    "is not valid. Use one of:": lambda f: _edit(f, "units.yaml", "label: framing", "label: opinion"),
    "is empty.": lambda f: _edit(
        f, "units.yaml",
        "rationale: >-\n    A metaphor that tells the reader how to feel; nothing in it could be checked.",
        "rationale: ''",
    ),
    "which does not exist": lambda f: _edit(f, "numbers.yaml", "unit: p01s02", "unit: p09s09"),
}


@pytest.mark.parametrize("documented", sorted(MISTAKES))
def test_common_messages_in_the_guide_are_the_loaders(example_folder, documented):
    """Each message in the guide's table is what the loader says for that kind of mistake."""
    assert documented in cp.read(GUIDE)
    MISTAKES[documented](example_folder)
    with pytest.raises(CaseStudyError, match=re.escape(documented)):
        load_case_study(example_folder)
