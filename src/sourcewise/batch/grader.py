"""How the batch calls the grading engine (``sourcewise.grading.api``).

``GradingSetup`` is everything a grading process needs to know, as plain JSON (it crosses
to the pool's workers on their command line): the project, whether hidden checks count,
the sandbox mode and the site address used in lesson links. ``Grader`` grades a list of
staged submission folders in one pytest session and reports each result as it comes.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sourcewise.batch.intake import Submission
from sourcewise.batch.project import Project
from sourcewise.grading.api import GradingOptions, grade_stream, grade_submission
from sourcewise.grading.options import DEFAULT_SITE_URL
from sourcewise.grading.results import SubmissionResult


@dataclass(frozen=True)
class GradingSetup:
    """What grading needs to know; the same for every submission of a run."""

    project: str
    include_hidden: bool = True
    sandbox: str = "require"
    site_url: str | None = DEFAULT_SITE_URL

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> GradingSetup:
        return cls(**data)

    def options(self) -> GradingOptions:
        return GradingOptions(sandbox=self.sandbox, site_url=self.site_url)

    def check_paths(self) -> list[Path]:
        return Project(Path(self.project)).check_files(self.include_hidden)


class Grader:
    """Grades staged submission folders with the project's checks."""

    def __init__(self, setup: GradingSetup) -> None:
        self.options = setup.options()
        self.checks = setup.check_paths()

    def grade(self, folders: Iterable[Path],
              on_result: Callable[[SubmissionResult], None]) -> None:
        """Grade ``folders`` (read as they are needed) in one session; ``on_result(result)``
        after each."""
        grade_stream(folders, self.checks, self.options, on_result=on_result)


def stage(submission: Submission, staging: Path) -> Path:
    """Write a submission's exercise files and helper modules into a fresh private folder
    (the grading engine stages its own copy for the sandbox from it)."""
    folder = staging / submission.key
    folder.mkdir(parents=True, mode=0o700)
    staging.chmod(0o700)
    folder.chmod(0o700)
    files = {f"{exercise}.py": data for exercise, data in submission.files.items()}
    files.update(submission.helpers)  # helper modules beside the exercise files
    for name, data in files.items():
        fd = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
    return folder


def grade_one(submission: Submission, setup: GradingSetup) -> SubmissionResult:
    """Grade one read submission in this process (Gradescope, Classroom)."""
    with tempfile.TemporaryDirectory(prefix="sourcewise-one-") as scratch:
        folder = stage(submission, Path(scratch) / "staging")
        return grade_submission(folder, setup.check_paths(), setup.options())
