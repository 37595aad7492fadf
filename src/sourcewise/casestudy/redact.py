"""The student copy of a case study: the same files with the hand-labelling answers removed.

For the release builder:

``redact(case_folder: str | Path) -> dict[str, str]``
    Check the case in ``case_folder``, then return ``{file name: file text}`` for the five
    files of a case folder (``article.txt``, ``case.yaml``, ``units.yaml``, ``sources.yaml``,
    ``numbers.yaml``). In the texts, ``case.yaml`` says ``redacted: true``; every
    hand-labelling unit keeps only ``id``, ``kind``, ``start``, ``end``, ``text``,
    ``quantities`` and ``hand_label`` (its label, accepted labels, cues, source, rationale,
    fact-checks and teaching points are gone); and the source ledger no longer lists
    hand-labelling units, since a source's kind would give their label away. The result is
    checked by loading it before it is returned. Redacting a redacted case changes nothing.

``write_redacted(case_folder: str | Path, destination: str | Path) -> list[Path]``
    Write those files into ``destination`` (created if needed) byte for byte (UTF-8, no
    newline translation) and return their paths.

Raises :class:`~sourcewise.casestudy.errors.CaseStudyError` if the case is broken.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml

from sourcewise.casestudy.files import read_article, read_yaml
from sourcewise.casestudy.loader import load_case_study
from sourcewise.casestudy.units import ANSWER_FIELDS

_HEADER = (
    "# Student copy, written by sourcewise.casestudy.redact: the answers of the\n"
    "# hand-labelling units are removed. Edit the instructor copy, not this file.\n"
)


def _dump(data: Any) -> str:
    return _HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def redact(case_folder: str | Path) -> dict[str, str]:
    """Return the student copy's file texts by file name (see the module docstring)."""
    folder = Path(case_folder)
    case = load_case_study(folder)
    hidden = {unit.id for unit in case.hand_label_units}

    case_raw = read_yaml(folder / "case.yaml", dict)
    case_raw["redacted"] = True
    units_raw = read_yaml(folder / "units.yaml", list)
    for raw in units_raw:
        if raw["id"] in hidden:
            for key in ANSWER_FIELDS:
                raw.pop(key, None)
    sources_raw = read_yaml(folder / "sources.yaml", list)
    for entry in sources_raw:
        entry["units"] = [unit_id for unit_id in entry["units"] if unit_id not in hidden]

    files = {
        "article.txt": read_article(folder / "article.txt"),
        "case.yaml": _dump(case_raw),
        "units.yaml": _dump(units_raw),
        "sources.yaml": _dump(sources_raw),
        "numbers.yaml": (folder / "numbers.yaml").read_bytes().decode("utf-8"),
        "citations.yaml": (folder / "citations.yaml").read_bytes().decode("utf-8"),
    }
    with tempfile.TemporaryDirectory(prefix="sourcewise-redacted-") as scratch:
        _write(files, Path(scratch))
        load_case_study(scratch)
    return files


def _write(files: dict[str, str], destination: Path) -> list[Path]:
    destination.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in files.items():
        path = destination / name
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths


def write_redacted(case_folder: str | Path, destination: str | Path) -> list[Path]:
    """Write the student copy of ``case_folder`` into ``destination``; return the paths."""
    return _write(redact(case_folder), Path(destination))
