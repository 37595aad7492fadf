"""The fact-check table and the ten teaching points are pinned to the units that carry them."""

AP_2021 = "ap-2021-billions"
AP_2023 = "ap-2023-kakar"


def factcheck(case, unit_id, *words):
    """The unit's one fact-check whose finding mentions all ``words``."""
    found = [f for f in case.unit(unit_id).factchecks if all(w in f.finding for w in words)]
    assert len(found) == 1, (unit_id, words)
    return found[0]


def cue_kinds(case, unit_id):
    return {cue.text: cue.kind for cue in case.unit(unit_id).cues}


def test_wrong_period_of_the_18_6_billion(case):
    """'$18.6 billion spent in 2002' is checked: provided from 2005 to August 2021 (row 1)."""
    unit = case.unit("p13s01")
    assert unit.label == "official_estimate"
    assert "wrong-period" in unit.points
    assert factcheck(case, "p13s01", "2005", "August 2021", "$18.6 billion").verdict == (
        "misleading: wrong period")  # right figures, wrong period: not "wrong"
    assert cue_kinds(case, "p13s01")["estimated"] == "attribution"


def test_whose_equipment_was_left_behind(case):
    """The $7.12 billion was the Afghan forces' inventory, not U.S. troops' gear (point 4)."""
    assert "whose-equipment" in case.unit("p13s01").points
    assert factcheck(case, "p13s01", "Afghan forces' inventory").verdict == "misleading: wrong scope"
    assert "whose-equipment" in case.unit("p01s01").points
    assert "whose-equipment" in case.unit("p12s01").points


def test_provided_is_not_left_behind(case):
    """'Roughly 600,000 weapons' is GAO's funded count for 2003-2016, not a left-behind count."""
    unit = case.unit("p14s01")
    assert "provided-vs-left-behind" in unit.points
    assert factcheck(case, "p14s01", "600,000", "2003", "2016").verdict == "misleading: wrong scope"
    assert [q.value for q in unit.quantities] == [600000]
    gao = next(s for s in case.sources if s.id == "gao")
    assert not gao.credited
    assert "p14s01" in gao.units
    # Row 2: aircraft and vehicles rest on the same evidence, so they get the same verdict.
    assert factcheck(case, "p14s02", "208", "78").verdict == "unverified"
    assert factcheck(case, "p14s03", "76,000", "40,000").verdict == "unverified"


def test_global_terrorism_index_wording(case):
    """The GTI sentence holds for the 2023 edition outside Afghanistan (+4%), which it never names."""
    unit = case.unit("p09s02")
    assert unit.label == "sourced_fact"
    assert unit.source.text == "the Global Terrorism Index"
    assert "scope-missing" in unit.points
    found = factcheck(case, "p09s02", "outside Afghanistan", "4%", "9%", "120%")
    assert found.verdict == "supported"  # "Apart from Afghanistan" is what the sentence says


def test_stray_quotation_mark_marks_lost_attribution(case):
    """The orphan closing quote is taught as a lost speaker, and its figures stay unsourced."""
    unit = case.unit("p15s01")
    assert unit.text.endswith("\u201d")
    assert unit.label == "unsourced_assertion"
    assert "lost-attribution" in unit.points
    assert "quotation mark" in unit.rationale
    assert factcheck(case, "p15s01", "speaker was not found").verdict == "unverified"
    lost = next(s for s in case.sources if s.id == "lost-speaker")
    assert lost.units == ("p15s01",)
    assert not lost.credited


def test_tell_nbc_news_became_confirmed(case):
    """'Authorities ... tell NBC News' became 'confirmed', and NBC lost its credit (row 7d)."""
    unit = case.unit("p26s03")
    assert cue_kinds(case, "p26s03")["confirmed"] == "attribution"
    assert "attribution-inflation" in unit.points
    assert factcheck(case, "p26s03", "tell NBC News", "confirmed").citations
    assert "inference-not-trace" in case.unit("p26s01").points
    assert factcheck(case, "p26s01", "2017", "safely assumed").verdict == "misleading"


def test_single_anonymous_gaza_source(case):
    """The Gaza claim rests on one unnamed commander, stated as fact and then called 'the claim'."""
    unit = case.unit("p27s01")
    assert unit.label == "unsourced_assertion"
    assert "single-anonymous-source" in unit.points
    assert factcheck(case, "p27s01", "unnamed", "Newsweek").verdict == "unverified"
    assert cue_kinds(case, "p27s02")["The claim"] == "hedge"
    commander = next(s for s in case.sources if s.id == "idf-commander")
    assert commander.kind == "anonymous"
    assert {"p27s01", "p27s02"} <= set(commander.units)


def test_hungarian_amd_65_in_a_list_of_us_weapons(case):
    """The AMD-65 is Hungarian-made, U.S.-supplied: supplier is not maker (row 7c)."""
    unit = case.unit("p08s01")
    assert "AMD-65" in unit.text
    assert "supplier-vs-maker" in unit.points
    assert factcheck(case, "p08s01", "Hungarian", "U.S.-supplied").verdict == "misleading"


def test_prices_are_anecdotes(case):
    """The M4, AK copy and night-vision prices are unsourced anecdotes with fact-checks (row 5)."""
    for unit_id, price in (("p03s01", "$2,400"), ("p03s02", "$130"), ("p05s04", "$500 to $1,000")):
        unit = case.unit(unit_id)
        assert unit.label == "unsourced_assertion"
        assert "prices-as-anecdotes" in unit.points
        assert [q.span.text for q in unit.quantities] == [price]
        assert all(q.unit == "USD" and q.owner.startswith("not stated") for q in unit.quantities)
        assert unit.factchecks
    assert factcheck(case, "p03s01", "$4,000").verdict == "misleading"


def test_origin_of_the_83_billion(case):
    """The $83 billion is SIGAR's funding total, copied from AP (2021) without credit (row 3)."""
    unit = case.unit("p11s01")
    found = factcheck(case, "p11s01", "SIGAR", "$83 billion")
    assert found.verdict == "supported"
    assert AP_2021 in found.citations
    assert "uncredited-copy" in unit.points
    ap = next(s for s in case.sources if s.id == "ap-2021")
    assert "p11s01" in ap.units
    assert not ap.credited


def test_uncredited_upstream_outlets_are_in_the_ledger(case):
    """Foreign Policy, AP 2021 and 2023, NBC, Newsweek via MEMO and CNN are traced (point 1)."""
    upstream = {s.id: s for s in case.sources if s.kind == "upstream outlet"}
    assert {"foreign-policy", "ap-2021", "ap-2023", "nbc-2023", "newsweek-memo", "cnn-2022"} <= set(upstream)
    for source in upstream.values():
        assert not source.credited, source.id
        assert source.units, source.id
        assert source.citations, source.id
    copied = {unit_id for source in upstream.values() for unit_id in source.units}
    tagged = {unit.id for unit in case.units if "uncredited-copy" in unit.points}
    assert copied == tagged
    assert {"p01s01", "p03s01", "p04s02"} <= set(upstream["foreign-policy"].units)
    assert "p26s03" in upstream["nbc-2023"].units


def test_attribution_grows_stronger_in_copying(case):
    """'Merchants with Taliban permits' became bazaars 'organized by the Taliban' (point 5)."""
    assert "attribution-inflation" in case.unit("p02s01").points
    assert factcheck(case, "p02s01", "permits").verdict == "misleading"


def test_kakar_statement_is_dated_and_its_missing_caveat_noted(case):
    """Kakar's claim is dated 4 September 2023; the article drops AP's 'no evidence' (row 6)."""
    unit = case.unit("p18s01")
    assert unit.label == "attributed_claim"
    assert cue_kinds(case, "p18s01")["claimed"] == "attribution"
    found = factcheck(case, "p18s01", "4 September 2023", "no evidence")
    assert AP_2023 in found.citations
    assert case.unit("p19s01").source.text == "Prime Minister Anwaar-ul-Haq Kakar"


def test_jenin_raid_is_a_non_sequitur_without_a_year(case):
    """'On June 19' is accurate for 2023 but has no year and no link to Gaza (row 7b)."""
    unit = case.unit("p28s01")
    assert {"relative-time", "non-sequitur"} <= set(unit.points)
    assert factcheck(case, "p28s01", "19 June 2023", "not").verdict == "supported"


def test_heroin_billions_are_out_of_date(case):
    """'Billions of dollars from heroin' was out of date after the 2022 poppy ban (row 8)."""
    assert factcheck(case, "p04s02", "95%").verdict == "out of date"
    assert "out-of-date" in case.unit("p04s02").points


def test_vague_defense_officials_recycled_from_2021(case):
    """'U.S. defense officials have confirmed' is an anonymous 2021 line repeated as new."""
    unit = case.unit("p22s02")
    assert unit.label == "vague_attribution"
    assert factcheck(case, "p22s02", "August 2021").verdict == "out of date"


def test_loaded_framing_is_marked(case):
    """The article's loaded words are loaded cues on framing and other units (point 10)."""
    assert case.unit("p12s01").label == "framing"
    for unit_id, word in (
        ("p12s01", "boon"), ("p12s01", "staggering"), ("p01s03", "thriving"),
        ("p03s02", "killing machine"), ("p29s01", "onslaught"), ("p01s01", "retreated"),
    ):
        assert cue_kinds(case, unit_id)[word] == "loaded", (unit_id, word)
        assert "loaded-language" in case.unit(unit_id).points, unit_id
