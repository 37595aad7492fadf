"""A plausible partial submission: every number is a figure, dollar signs give USD and the
next word is the unit. It knows three approximators and no scale words or ranges, and it
takes years and model numbers for amounts."""

import re

APPROXIMATORS = ("about", "nearly", "roughly")


def find_quantities(sentence):
    found = []
    for match in re.finditer(r"\$?\d[\d,]*(?:\.\d+)?", sentence):
        text = match.group()
        before = sentence[:match.start()].lower().split()
        after = sentence[match.end():].split() or [""]
        unit = "USD" if text.startswith("$") else after[0].strip(".,").lower() or None
        found.append({
            "text": text,
            "value": float(text.lstrip("$").replace(",", "")),
            "high": None,
            "unit": unit,
            "approximator": before[-1] if before and before[-1] in APPROXIMATORS else None,
        })
    return found
