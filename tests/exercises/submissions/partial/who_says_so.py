"""A plausible partial solution: it only knows the cue "said", with the source just before it."""


def find_attribution(sentence):
    words = sentence.rstrip(".").split()
    if "said" not in words:
        return None
    before = " ".join(words[: words.index("said")])
    source = before.split(",")[-1].strip()
    return {"source": source or None, "cue": "said"}
