"""Every unit is annotated with care: labels, rationales, cues, quantities and fact-checks."""

import itertools
import re
from collections import Counter

from sourcewise import labels
from sourcewise.casestudy.points import POINT_IDS
from sourcewise.casestudy.scaffold import split_sentences

HAND_LABEL_UNITS = {
    "p01s02": "unsourced_assertion",
    "p01s03": "framing",
    "p04s01": "framing",
    "p04s04": "unsourced_assertion",
    "p05s01": "attributed_claim",
    "p09s02": "sourced_fact",
    "p13s01": "official_estimate",
    "p17s02": "vague_attribution",
    "p18s01": "attributed_claim",
    "p22s02": "vague_attribution",
    "p24s02": "unsourced_assertion",
    "p26s03": "sourced_fact",
}


def test_every_unit_is_annotated(case):
    """Every unit has a valid label and a rationale of its own."""
    assert not case.redacted
    for unit in case.units:
        assert unit.label in labels.LABEL_IDS, unit.id
        assert len(unit.rationale) > 60, unit.id
        assert unit.label not in unit.accept, unit.id


def test_all_six_labels_are_used(case):
    """The case uses every label of the taxonomy, so each can be shown in context."""
    assert set(case.label_counts()) == set(labels.LABEL_IDS)


def test_hand_labelling_units_cover_all_six_labels(case):
    """About twelve units are set aside for the hand-labelling exercise, covering all labels."""
    chosen = {u.id: u.label for u in case.hand_label_units}
    assert chosen == HAND_LABEL_UNITS
    assert set(chosen.values()) == set(labels.LABEL_IDS)
    assert all(case.unit(unit_id).kind == "sentence" for unit_id in chosen)


def test_rationales_are_one_or_two_sentences(case):
    """A rationale is one or two plain sentences, not an essay."""
    for unit in case.units:
        assert 1 <= len(split_sentences(unit.rationale)) <= 2, unit.id


def test_rationales_are_not_templated(case):
    """No two rationales repeat a sentence or open with the same words."""
    sentences = Counter(
        sentence.lower() for unit in case.units for sentence in split_sentences(unit.rationale)
    )
    assert [s for s, n in sentences.items() if n > 1] == []
    for a, b in itertools.combinations(case.units, 2):
        shared = 0
        for x, y in zip(a.rationale, b.rationale, strict=False):
            if x != y:
                break
            shared += 1
        assert shared < 25, (a.id, b.id, a.rationale[:shared])


def test_every_factcheck_has_a_record_and_finding(case):
    """Each fact-check says what was found and cites at least one record of citations.yaml."""
    factchecks = [f for unit in case.units for f in unit.factchecks]
    assert len(factchecks) >= 25
    for factcheck in factchecks:
        assert factcheck.citations
        assert all(cid in case.citations for cid in factcheck.citations)
        assert len(factcheck.finding) > 40


def test_cues_and_sources_are_exact_spans(case):
    """Every cue and source span is an exact piece of the article inside its unit."""
    for unit in case.units:
        spans = list(unit.cues) + ([unit.source] if unit.source else [])
        for span in spans:
            assert case.text[span.start:span.end] == span.text, (unit.id, span)
            assert unit.start <= span.start, (unit.id, span)
            assert span.end <= unit.end, (unit.id, span)


def test_label_cues_are_marked(case):
    """Attributed and vague units name their source or cue; framing units mark loaded words."""
    for unit in case.units:
        kinds = {cue.kind for cue in unit.cues}
        if unit.label in ("attributed_claim", "sourced_fact", "official_estimate"):
            assert unit.source is not None or "attribution" in kinds, unit.id
        if unit.label == "vague_attribution":
            assert "hedge" in kinds, unit.id
        if unit.label == "framing" and unit.kind == "sentence":
            assert "loaded" in kinds, unit.id


def test_time_expressions_are_time_cues(case):
    """The relative and yearless times the 'When was now?' exercise resolves are marked."""
    expected = {
        "p01s01": {"two years ago", "now"},
        "p04s03": {"Now"},
        "p06s01": {"recent"},
        "p17s01": {"this year"},
        "p20s01": {"over the past months"},
        "p23s01": {"in recent months"},
        "p23s02": {"now", "before"},
        "p28s01": {"June 19", "for the first time since the Second Intifada"},
        "p30s01": {"Over the past several years"},
        "h0": {"now"},
        "h1": {"now"},
    }
    for unit_id, times in expected.items():
        unit = case.unit(unit_id)
        assert {c.text for c in unit.cues if c.kind == "time"} == times, unit_id


def test_every_digit_amount_is_a_quantity(case):
    """Each figure written with digits is a quantity, unless it is a date or a model name."""
    figure = re.compile(r"(?<![\w-])\$?\d[\d,]*(?:\.\d+)?")
    for unit in case.units:
        covered = [(c.start, c.end) for c in unit.cues if c.kind == "time"]
        covered += [(q.span.start, q.span.end) for q in unit.quantities]
        for match in figure.finditer(unit.text):
            at = unit.start + match.start()
            assert any(s <= at < e for s, e in covered), (unit.id, match.group())


def test_quantities_follow_the_convention(case):
    """Values match the figures' text; approximators are also marked as cues right before."""
    scale = {"billion": 1e9, "million": 1e6}
    quantities = [(u, q) for u in case.units for q in u.quantities]
    assert len(quantities) == 14
    for unit, quantity in quantities:
        numbers = re.findall(r"\d[\d,]*(?:\.\d+)?", quantity.span.text)
        factor = next((f for word, f in scale.items() if word in quantity.span.text), 1)
        assert float(numbers[0].replace(",", "")) * factor == quantity.value, unit.id
        if quantity.high is not None:
            assert float(numbers[1].replace(",", "")) * factor == quantity.high, unit.id
        assert (quantity.unit == "USD") == quantity.span.text.startswith("$"), unit.id
        assert quantity.owner.strip()
        if quantity.approximator:
            cue = [c for c in unit.cues if c.kind == "approximator" and c.end + 1 == quantity.span.start]
            assert len(cue) == 1, unit.id
            assert cue[0].text.lower() == quantity.approximator, unit.id
    approximator_cues = [(u.id, c) for u in case.units for c in u.cues if c.kind == "approximator"]
    assert len(approximator_cues) == sum(1 for _, q in quantities if q.approximator)


def test_number_audit_covers_every_quantity(case):
    """Every quantity has exactly one entry in the number audit, and nothing else does."""
    audited = Counter((n.unit, n.figure) for n in case.numbers)
    figures = Counter((u.id, q.span.text) for u in case.units for q in u.quantities)
    assert audited == figures
    for number in case.numbers:
        assert number.citations
        assert number.scope
        assert number.period
        assert number.official


def test_ledger_covers_every_credited_or_hedged_source(case):
    """Every unit with a source span, or labelled as resting on a source, is in the ledger."""
    named = {unit_id for s in case.sources if s.kind != "upstream outlet" for unit_id in s.units}
    for unit in case.units:
        if unit.source is not None or unit.label in (
            "attributed_claim", "vague_attribution", "sourced_fact", "official_estimate"
        ):
            assert unit.id in named, unit.id


def test_teaching_point_vocabulary_is_all_used(case):
    """Every tag of the fixed vocabulary marks at least one unit (no dead tags)."""
    used = {point for unit in case.units for point in unit.points}
    assert used == set(POINT_IDS)

