"""A beginner's "Trace the quote": textkit pairs the marks; this finds who speaks."""

from textkit import find_phrases, noun_phrase_after, noun_phrase_before, pair_quotes

# Verbs that credit words to a speaker.
SPEECH_VERBS = ["said", "says", "told", "added", "asked", "claimed", "warned", "wrote",
                "stated", "explained", "insisted", "argued", "noted", "announced",
                "according to", "declared", "admitted", "replied", "recalled"]


def find_quotations(text):
    found = []
    for line in text.splitlines():
        for start, end in pair_quotes(line)[0]:
            outside = line[:start] + " " * (end - start + 1) + line[end + 1:]
            cue, first, after = (find_phrases(outside, SPEECH_VERBS) + [("", 0, 0)])[0]
            before = noun_phrase_before(outside, first) if cue not in ("", "according to") else None
            speaker = before or (noun_phrase_after(outside, after) if cue else None)
            found.append({"quote": line[start + 1:end], "speaker": speaker})
    return found


def find_stray_marks(text):
    strays, offset = [], 0
    for line in text.splitlines(keepends=True):
        strays += [offset + at for at in pair_quotes(line)[1]]
        offset += len(line)
    return strays
