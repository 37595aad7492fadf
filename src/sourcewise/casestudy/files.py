"""Read the files of a case folder, turning every read failure into a CaseStudyError."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from sourcewise.casestudy.errors import CaseStudyError

# libyaml's parser when PyYAML was built with it (about five times faster), else pure Python.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CASE_FILES: tuple[str, ...] = (
    "article.txt", "case.yaml", "units.yaml", "sources.yaml", "numbers.yaml", "citations.yaml",
)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise CaseStudyError(
            "the file is missing.",
            file=str(path),
            fix=f"A case folder needs all of: {', '.join(CASE_FILES)}.",
        ) from None
    except IsADirectoryError:
        raise CaseStudyError(
            "is a folder, not a file.", file=str(path), fix="Replace it with the file."
        ) from None
    except OSError as err:
        raise CaseStudyError(
            f"cannot be read ({err.strerror}).", file=str(path),
            fix="Check that the file exists and is readable.",
        ) from None


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise CaseStudyError(
            f"is not UTF-8 text (byte {err.start} cannot be decoded).",
            file=str(path),
            fix="Save the file with UTF-8 encoding.",
        ) from None


def read_article(path: Path) -> str:
    """The article exactly as stored: no newline translation, no stripping, no BOM removal."""
    text = _decode(path, _read_bytes(path))
    if not text.strip():
        raise CaseStudyError(
            "the article is empty.", file=str(path),
            fix="Paste the article's text, byte for byte, into article.txt.",
        )
    return text


def read_yaml(path: Path, expected: type) -> Any:
    """Parse a YAML file whose top level must be ``expected`` (``dict`` or ``list``)."""
    text = _decode(path, _read_bytes(path)).removeprefix("\ufeff")
    try:
        data = yaml.load(text, Loader=_LOADER)  # a safe loader
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(err, "problem", None) or str(err)
        raise CaseStudyError(
            f"broken YAML{at}: {problem}.",
            file=str(path),
            fix="Check the indentation and quoting there (quote text containing ': ' or '#').",
        ) from None
    if not isinstance(data, expected):
        shape = "a mapping (key: value lines)" if expected is dict else "a list ('- ' items)"
        raise CaseStudyError(
            f"the top level is {type(data).__name__ if data is not None else 'empty'}, "
            f"expected {shape}.",
            file=str(path),
        )
    return data
