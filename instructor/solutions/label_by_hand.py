"""Reference answers for the exercise 'Label by hand'.

This exercise is pure judgment, so its reference solution is a careful reader's answers:
a label per sentence, for its main claim, with the quoted words behind that label (no
quotes for an unsourced assertion, whose evidence is that no source is named). The reasons are in
the annotated case study, where each of these sentences carries a rationale.
"""

ANSWERS = {
    "p01s02": {"label": "unsourced_assertion", "evidence": []},
    "p01s03": {"label": "framing", "evidence": ["like terrorism", "thriving"]},
    "p04s01": {"label": "framing", "evidence": ["a new arms race", "threatening global security"]},
    "p04s04": {"label": "unsourced_assertion", "evidence": []},
    "p05s01": {"label": "attributed_claim", "evidence": ["TTP videos show", "apparent"]},
    "p09s02": {"label": "sourced_fact", "evidence": ["according to the Global Terrorism Index"]},
    "p13s01": {"label": "official_estimate",
               "evidence": ["The U.S. Department of Defense estimated"]},
    "p17s02": {"label": "vague_attribution", "evidence": ["are believed"]},
    "p18s01": {"label": "attributed_claim",
               "evidence": ["Pakistan’s caretaker prime minister claimed"]},
    "p22s02": {"label": "vague_attribution",
               "evidence": ["no one knows the exact value", "U.S. defense officials"]},
    "p24s02": {"label": "unsourced_assertion", "evidence": []},
    "p26s03": {"label": "sourced_fact",
               "evidence": ["Authorities in Indian-controlled Kashmir confirmed"]},
}


def answers():
    """Return the answers."""
    return ANSWERS
