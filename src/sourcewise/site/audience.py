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
    """The builds of the site: for students, for instructors, and for students after the
    deadline (``revealed``: the hand-labelling notes and the worked answers shown)."""

    STUDENT = "student"
    INSTRUCTOR = "instructor"
    REVEALED = "revealed"

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

    Students get the hand-labelling units without their answers, and a source ledger that
    does not point at them. Instructors, and students once the answers are revealed, get
    everything, which a redacted case (from a student
    release) cannot provide.
    """
    if audience in (Audience.INSTRUCTOR, Audience.REVEALED):
        if case.redacted or any(unit.label is None for unit in case.units):
            raise ValueError(
                f"case study {case.id!r} is redacted (a student release): the instructor "
                "build needs the full data with every label; build it from the instructor "
                "repository"
            )
        return case
    hidden = {unit.id for unit in case.hand_label_units}
    units = tuple(without_answer(u) if u.id in hidden else u for u in case.units)
    # A source's kind would give a hand-labelling unit's label away, so the ledger does not
    # list those units (as in the redacted student copy, sourcewise.casestudy.redact).
    sources = tuple(
        dataclasses.replace(s, units=tuple(uid for uid in s.units if uid not in hidden))
        for s in case.sources
    )
    return dataclasses.replace(case, units=units, sources=sources)
