"""Grading: the pytest plugin, the sandboxed worker and the result model.

Checks import ``Failure``, ``StudentError``, ``NotGradable`` and ``same`` from here. Batch
grading uses ``grade_submission`` / ``grade_submissions`` (see ``sourcewise.grading.api``).
"""

from sourcewise.grading.compare import same
from sourcewise.grading.failures import Failure, NotGradable, StudentError

__all__ = ["Failure", "NotGradable", "StudentError", "same"]
