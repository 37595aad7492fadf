"""A trivial baseline: every sentence is an unsourced assertion, with no evidence."""

ANSWERS = {
    unit_id: {"label": "unsourced_assertion", "evidence": []}
    for unit_id in ("p01s02", "p01s03", "p04s01", "p04s04", "p05s01", "p09s02", "p13s01",
                    "p17s02", "p18s01", "p22s02", "p24s02", "p26s03")
}


def answers():
    return ANSWERS
