"""A beginner's "Who says so?": the core route, with textkit and two lexicons."""

from textkit import find_phrases, noun_phrase_after, noun_phrase_before

# Words that credit a claim to someone (a cue).
CUES = [
    "according to", "said", "says", "told", "claimed", "claims", "announced", "argued",
    "warned", "reported", "confirmed", "insisted", "noted", "wrote", "added", "stated",
    "explained", "admitted", "predicted", "estimated", "believe", "believes", "say",
    "expressed concern", "expressed concerns", "expressed serious concerns",
    "released statements", "found", "concluded", "ruled", "denied", "expect", "expects",
    "fear", "fears", "complained", "suggested", "revealed", "reveal", "shows", "show",
    "states", "issued a warning",
]
# Cues whose source comes after them ("according to the club").
SOURCE_AFTER = ["according to"]


def find_attribution(sentence):
    found = find_phrases(sentence, CUES)
    if not found:
        return None
    cue, start, end = found[0]
    if cue.lower() in SOURCE_AFTER:
        return {"source": noun_phrase_after(sentence, end), "cue": cue}
    source = noun_phrase_before(sentence, start) or noun_phrase_after(sentence, end)
    return {"source": source, "cue": cue}
