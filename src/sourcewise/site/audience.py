"""Who a build is for, and the student view of a case study.

The student build must not carry the answers of the hand-labelling units anywhere: not in
the HTML, not in the search index. So the answers are removed from the data before any page
is rendered (the same fields a redacted case drops, see CONTRIBUTING.md), and every renderer
treats a unit without a label as "to label".
"""

from __future__ import annotations

import dataclasses
import enum

from sourcewise.casestudy.model import CaseStudy, Unit


class Audience(enum.Enum):
    """The two builds of the site."""

    STUDENT = "student"
    INSTRUCTOR = "instructor"

    @classmethod
    def parse(cls, value: object) -> Audience:
        """Read the audience from configuration, or raise ValueError naming the valid values."""
        for audience in cls:
            if value == audience.value:
                return audience
        valid = ", ".join(repr(a.value) for a in cls)
        raise ValueError(f"unknown audience {value!r}; expected one of: {valid}")


def without_answer(unit: Unit) -> Unit:
    """The unit as a student sees it before labelling it: text, offsets and numbers only."""
    return dataclasses.replace(
        unit, label=None, accept=(), cues=(), source=None, rationale="", factchecks=(), points=()
    )


def view_for(case: CaseStudy, audience: Audience) -> CaseStudy:
    """The case study as this audience may see it.

    Students get the hand-labelling units without their answers. Instructors get everything,
    which a redacted case (from a student release) cannot provide.
    """
    if audience is Audience.INSTRUCTOR:
        if case.redacted or any(unit.label is None for unit in case.units):
            raise ValueError(
                f"case study {case.id!r} is redacted (a student release): the instructor "
                "build needs the full data with every label; build it from the instructor "
                "repository"
            )
        return case
    units = tuple(without_answer(u) if u.hand_label else u for u in case.units)
    return dataclasses.replace(case, units=units)
