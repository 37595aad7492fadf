"""Hooks the sourcewise plugin adds to pytest, for plugins built on top (batch, exports)."""

from __future__ import annotations

import pytest


@pytest.hookspec
def pytest_sourcewise_result(config: pytest.Config, result: object) -> None:
    """A submission was graded; ``result`` is its ``SubmissionResult``.

    Called once per submission, after its sandbox has been closed and before the terminal
    summary. The result is complete: implementations may write it anywhere.
    """
