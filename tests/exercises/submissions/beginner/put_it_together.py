"""A beginner's "Put it together": the annotators' order of questions, with lexicons."""

from textkit import find_phrases, has_number, is_question, without_quotes

LOADED = [
    "regime", "reckless", "shameful", "shocking", "disgraceful", "outrageous", "brutal",
    "greedy", "heartless", "disastrous", "catastrophic", "devastating", "appalling",
    "botched", "slashed", "skyrocketing", "staggering", "clearly", "obviously",
    "killing machine", "fat cats", "waste of money", "low-end", "profits of death",
    "just another", "everywhere", "so much money", "ultimate beneficiary", "fiasco",
    "chaos", "farce", "shambles", "scandal", "disgrace", "nightmare", "disaster",
    "ruthless", "horrific", "pathetic", "draconian", "crippling", "soaring", "tragically",
    "onslaught", "tax grab", "thugs", "cronies", "scandalous", "outrage", "slammed",
    "radical", "notorious", "infamous", "sinister", "ruin", "ruined", "gutted", "cruel",
    "callous", "corrupt", "incompetent", "absurd", "ridiculous", "plummeting", "heroic",
    "stunning", "incredible", "of course", "everyone knows", "shamelessly", "betrayal",
    "contempt", "fanatics", "sham", "bloated", "cowardly", "selfish", "only to", "just to",
]
SOURCE_CUES = ["said", "says", "according to", "told", "reported", "announced", "found",
               "claimed", "estimated", "estimates", "showed", "shows", "show", "stated",
               "warned", "recorded", "published", "lists", "listed", "confirmed", "ruled",
               "revealed", "argued", "insisted", "predicted", "wrote", "noted", "added"]
HEDGES = ["reportedly", "allegedly", "apparently", "appear to", "appears to", "seems to",
          "may", "might", "could", "likely", "is believed", "are believed", "officials",
          "experts", "sources", "critics", "some say", "analysts", "are shown", "suggests"]
ESTIMATES = ["estimated", "estimates", "estimate", "about", "around", "roughly", "nearly",
             "approximately", "more than", "up to", "some", "forecast", "projected"]
RECORDS = ["report", "study", "survey", "audit", "data", "figures", "records", "census",
           "statistics", "review", "analysis", "court", "ministry", "department", "agency"]


def classify(sentence):
    plain = without_quotes(sentence)
    sourced = find_phrases(sentence, SOURCE_CUES)
    if is_question(plain) or (find_phrases(plain, LOADED) and not sourced
                              and not has_number(sentence)):
        return "framing"
    if find_phrases(sentence, HEDGES):
        return "vague_attribution"
    if not sourced:
        return "unsourced_assertion"
    if find_phrases(sentence, ESTIMATES) and has_number(sentence):
        return "official_estimate"
    if find_phrases(sentence, RECORDS):
        return "sourced_fact"
    return "attributed_claim"
