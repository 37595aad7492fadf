"""A beginner's "Numbers need owners": textkit reads the figures; this decides the rest."""

from textkit import MONTH_NAMES, find_figures, words_after, words_before

# Words just before a figure that say it is not exact.
APPROXIMATORS = ["about", "around", "roughly", "nearly", "almost", "approximately", "over",
                 "under", "up to", "more than", "less than", "fewer than", "at least",
                 "as much as", "as many as", "as little as", "an estimated", "close to",
                 "some", "just over", "just under", "upwards of", "at most"]
# Counted nouns that do not end in s.
COUNT_NOUNS = ["people", "staff", "children", "police", "aircraft", "men", "women", "sheep",
               "fish", "cattle", "personnel", "crew", "deer"]
# Words after a number that are not what it counts.
NOT_NOUNS = ["is", "was", "has", "as", "this", "its", "his", "less", "across"]
# A word next to a number that makes it a time, not an amount.
TIMES = ["a.m", "p.m"]


def find_quantities(sentence):
    found = []
    for figure in find_figures(sentence):
        before = words_before(sentence, figure["start"], 3)
        after = words_after(sentence, figure["end"], 2)
        year = figure["text"].isdigit() and 1800 <= figure["value"] < 2100
        if year or any(w in MONTH_NAMES or w in TIMES for w in before[-1:] + after[:1]):
            continue
        nouns = [w for w in after if w.endswith("s") and w not in NOT_NOUNS or w in COUNT_NOUNS]
        unit = figure["currency"] or ("percent" if figure["percent"] else (nouns + [None])[0])
        near = [" ".join(before[-n:]) for n in (3, 2, 1)]
        approximator = next((phrase for phrase in near if phrase in APPROXIMATORS), None)
        found.append({"text": figure["text"], "value": figure["value"], "high": figure["high"],
                      "unit": unit, "approximator": approximator})
    return found
