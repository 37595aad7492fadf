"""Parse ``sources.yaml`` (the source ledger) and ``numbers.yaml`` (the number audit)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sourcewise.casestudy.citations import Citation, resolve
from sourcewise.casestudy.fields import Fields
from sourcewise.casestudy.model import SOURCE_KINDS, VERDICTS, AuditedNumber, Source, Unit


def _entries(raw_entries: list[Any], file: str, what: str) -> list[Fields]:
    """One Fields per entry, named by its id; ids must be unique."""
    seen: set[str] = set()
    entries = []
    for number, raw in enumerate(raw_entries, start=1):
        entry_id = Fields(raw, file=file, unit=f"#{number} in the list", what=what).text("id")
        fields = Fields(raw, file=file, unit=entry_id, what=what)
        if entry_id in seen:
            raise fields.error("id", "the id is used twice.", "Give every entry its own id.")
        seen.add(entry_id)
        entries.append(fields)
    return entries


def _unit_ids(fields: Fields, key: str, units: dict[str, Unit], *, empty_ok: bool) -> tuple[str, ...]:
    ids = fields.texts(key, empty_ok=empty_ok)
    for index, unit_id in enumerate(ids):
        if unit_id not in units:
            raise fields.error(f"{key}[{index}]", f"points at unit {unit_id!r}, which does "
                               "not exist in units.yaml.", "Use the id of an existing unit.")
    return ids


def parse_sources(raw: list[Any], file: str, units: dict[str, Unit], *, redacted: bool,
                  citations: Mapping[str, Citation]) -> tuple[Source, ...]:
    """The ledger: every source the article credits, leans on or copied without credit.

    An upstream outlet must be cited. In a redacted case an entry may list no units (the
    hand-labelling units are taken out of the ledger so it cannot give their answers away).
    """
    sources = []
    for fields in _entries(raw, file, "source"):
        fields.only(("id", "name", "kind", "credited", "units", "note", "citations"))
        kind = fields.choice("kind", SOURCE_KINDS)
        sources.append(Source(
            id=fields.text("id"),
            name=fields.text("name"),
            kind=kind,
            credited=fields.flag("credited"),
            units=_unit_ids(fields, "units", units, empty_ok=redacted),
            note=fields.text("note").strip(),
            citations=resolve(citations, fields, "citations", empty_ok=kind != "upstream outlet"),
        ))
    return tuple(sources)


def parse_numbers(raw: list[Any], file: str, units: dict[str, Unit],
                  citations: Mapping[str, Citation]) -> tuple[AuditedNumber, ...]:
    """The audit: each figure names a quantity of an existing unit and is cited."""
    numbers = []
    for fields in _entries(raw, file, "audited number"):
        fields.only(("id", "unit", "figure", "owner", "scope", "period", "official",
                     "verdict", "citations"))
        unit_id = fields.text("unit")
        if unit_id not in units:
            raise fields.error("unit", f"points at unit {unit_id!r}, which does not exist "
                               "in units.yaml.", "Use the id of an existing unit.")
        figure = fields.text("figure")
        figures = [q.span.text for q in units[unit_id].quantities]
        if figure not in figures:
            raise fields.error("figure", f"{figure!r} is not a quantity of unit {unit_id!r} "
                               f"(its quantities: {figures}).",
                               "Copy the figure's text from the unit's quantities.")
        numbers.append(AuditedNumber(
            id=fields.text("id"), unit=unit_id, figure=figure,
            owner=fields.text("owner"), scope=fields.text("scope"),
            period=fields.text("period"), official=fields.text("official").strip(),
            verdict=fields.choice("verdict", VERDICTS),
            citations=resolve(citations, fields, "citations", empty_ok=False),
        ))
    return tuple(numbers)

