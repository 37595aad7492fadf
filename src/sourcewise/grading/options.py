"""Grading options: one place for their names, defaults and meaning."""

from __future__ import annotations

from dataclasses import dataclass, field

from sourcewise.grading.plan import MODES, Limits

# No site address: lesson links are left out. The course sets one with [tool.sourcewise]
# site-url (see sourcewise.grading.site_url); never 127.0.0.1, which students cannot reach.
DEFAULT_SITE_URL: str | None = None


@dataclass(frozen=True)
class GradingOptions:
    """How a submission is graded. The pytest options of the same names set these."""

    # require: bubblewrap or refuse (grading); auto: bubblewrap if it works, else a limited
    # process with a warning (a student checking their own work); process: the fallback.
    sandbox: str = "require"
    sandbox_slot: int | None = None  # None: take a free slot (uid 60001 + slot, when root)
    sandbox_python: str | None = None  # None: the Python running pytest, else /usr/bin/python3
    call_timeout: float = 3.0  # seconds for one call of a student function
    check_timeout: float = 10.0  # seconds of student calls per check
    submission_timeout: float = 60.0  # seconds of student calls per submission
    import_timeout: float = 5.0  # seconds to load one exercise file
    start_timeout: float = 10.0  # seconds for a worker to start (a grader-side failure)
    site_url: str | None = DEFAULT_SITE_URL  # lesson links: site_url + page path; None: none
    limits: Limits = field(default_factory=Limits)

    def __post_init__(self) -> None:
        if self.sandbox not in MODES:
            raise ValueError(f"sandbox must be one of {', '.join(MODES)}, not {self.sandbox!r}")
        for name in ("call_timeout", "check_timeout", "submission_timeout", "import_timeout",
                     "start_timeout"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be a positive number of seconds")
