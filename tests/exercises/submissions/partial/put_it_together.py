"""A plausible partial solution: it tells named claims, vague ones and the rest apart."""


def classify(sentence):
    lowered = sentence.lower()
    if "reportedly" in lowered or "officials" in lowered or "believed" in lowered:
        return "vague_attribution"
    if " said" in lowered or "according to" in lowered or "claimed" in lowered:
        return "attributed_claim"
    return "unsourced_assertion"
