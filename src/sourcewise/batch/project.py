"""The course project on disk: where the starters, checks, solutions and hidden items live.

Grading, the student release and the exports all start from the instructor's copy of the
repository (``--project``, by default the current folder). This module knows its layout
(see CONTRIBUTING.md) and nothing else.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sourcewise import __version__
from sourcewise.exercises.catalogue import EXERCISES

# The parts of the package whose change can change a grade.
_GRADING_INPUTS = ("grading", "exercises", "casestudy", "cases", "labels.py")


class ProjectError(Exception):
    """The project folder is not a Sourcewise course repository, or lacks a needed part."""


@dataclass(frozen=True)
class Project:
    """A Sourcewise course repository (the instructor's copy)."""

    root: Path

    @classmethod
    def locate(cls, root: Path) -> Project:
        """Check that ``root`` looks like the course repository and return it."""
        root = root.resolve()
        missing = [p for p in ("pyproject.toml", "src/sourcewise", "exercises")
                   if not (root / p).exists()]
        if missing:
            raise ProjectError(f"{root} is not a Sourcewise course repository (no "
                               f"{', '.join(missing)}); run from the repository or pass "
                               "--project")
        return cls(root)

    @property
    def exercises(self) -> Path:
        return self.root / "exercises"

    @property
    def hidden(self) -> Path:
        return self.root / "instructor" / "hidden"

    @property
    def solutions(self) -> Path:
        return self.root / "instructor" / "solutions"

    @property
    def package(self) -> Path:
        return self.root / "src" / "sourcewise"

    def starter(self, name: str) -> Path:
        return self.exercises / f"{name}.py"

    def helper(self, name: str) -> Path:
        """A helper module shipped with the starters (``exercises/textkit.py``)."""
        return self.exercises / f"{name}.py"

    def public_checks(self, name: str) -> Path:
        return self.exercises / f"test_{name}.py"

    def hidden_checks(self, name: str) -> Path:
        return self.hidden / f"test_{name}_hidden.py"

    def hidden_items(self, name: str) -> Path:
        return self.hidden / "items" / f"{name}.yaml"

    def solution(self, name: str) -> Path:
        return self.solutions / f"{name}.py"

    def check_files(self, include_hidden: bool) -> list[Path]:
        """The check modules of every exercise in the catalogue, in catalogue order."""
        files = [self.public_checks(e.name) for e in EXERCISES]
        if include_hidden:
            files += [self.hidden_checks(e.name) for e in EXERCISES]
        missing = [str(f.relative_to(self.root)) for f in files if not f.is_file()]
        if missing:
            hint = "" if not include_hidden else " (pass --public-only to grade without the " \
                                                 "instructor's hidden checks)"
            raise ProjectError(f"checks missing in {self.root}: {', '.join(missing)}{hint}")
        return files

    def checks_digest(self, include_hidden: bool, site_url: str | None = None) -> str:
        """A fingerprint of everything that decides a grade: the checks, their items, the
        grading code and the case data, and the site address in the results' lesson links.
        A result stored under other checks is stale."""
        hasher = hashlib.sha256(__version__.encode())
        if site_url:
            hasher.update(b"site-url:" + site_url.encode())
        paths = self.check_files(include_hidden)
        if include_hidden and (self.hidden / "items").is_dir():
            paths += sorted((self.hidden / "items").glob("*.yaml"))
        for part in _GRADING_INPUTS:
            found = self.package / part
            if found.is_file():
                paths.append(found)
            elif found.is_dir():
                paths += sorted(p for p in found.rglob("*")
                                if p.is_file() and "__pycache__" not in p.parts)
        for path in paths:
            hasher.update(str(path.relative_to(self.root)).encode())
            hasher.update(path.read_bytes())
        return hasher.hexdigest()

    def package_files(self) -> list[Path]:
        """Every file of the ``sourcewise`` package, relative to the project root."""
        return sorted(p.relative_to(self.root) for p in self.package.rglob("*")
                      if p.is_file() and "__pycache__" not in p.parts
                      and p.suffix not in (".pyc", ".pyo"))
