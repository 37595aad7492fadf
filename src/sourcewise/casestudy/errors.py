"""The one error a broken case study raises: where the problem is, what it is, how to fix it."""

from __future__ import annotations


class CaseStudyError(ValueError):
    """A case-study file is missing, unreadable or wrong.

    ``file`` is the path of the file at fault, ``unit`` the id of the unit (or ledger or
    audit entry) and ``field`` the field inside it, each None when it does not apply. The
    message reads ``<file>, unit 'p13s01', field 'cues[0].at': <problem> <fix>``.
    """

    def __init__(
        self,
        problem: str,
        *,
        file: str | None = None,
        unit: str | None = None,
        field: str | None = None,
        fix: str | None = None,
    ) -> None:
        self.problem = problem
        self.file = file
        self.unit = unit
        self.field = field
        self.fix = fix
        where = [part for part in (
            file,
            None if unit is None else f"unit {unit!r}",
            None if field is None else f"field {field!r}",
        ) if part is not None]
        message = f"{', '.join(where)}: {problem}" if where else problem
        if fix:
            message = f"{message} {fix}"
        super().__init__(message)
