"""The case study as validated data: the verbatim article, its units and their annotations.

``load_case_study(folder)`` reads and checks a case folder into the model of
:mod:`sourcewise.casestudy.model`; ``default_case_study()`` returns the bundled case;
``redact(folder)`` produces the student copy (see :mod:`sourcewise.casestudy.redact`).
"""

from sourcewise.casestudy.errors import CaseStudyError
from sourcewise.casestudy.loader import (
    DEFAULT_CASE_FOLDER,
    default_case_study,
    load_case_study,
)
from sourcewise.casestudy.redact import redact, write_redacted

__all__ = [
    "DEFAULT_CASE_FOLDER",
    "CaseStudyError",
    "default_case_study",
    "load_case_study",
    "redact",
    "write_redacted",
]
