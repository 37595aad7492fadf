"""A beginner's "Loaded language": the core route, with textkit and three lexicons."""

from textkit import find_phrases, has_number, is_question, without_quotes

# Words that judge instead of report: verdicts, exaggerations, editorialising adverbs.
LOADED = [
    "regime", "reckless", "shameful", "shocking", "disgraceful", "outrageous", "brutal",
    "ruthless", "greedy", "heartless", "disastrous", "catastrophic", "devastating",
    "horrific", "appalling", "pathetic", "botched", "draconian", "crippling", "slashed",
    "skyrocketing", "soaring", "staggering", "clearly", "obviously", "tragically",
    "killing machine", "onslaught", "fat cats", "tax grab", "waste of money", "thugs",
    "cronies", "scandalous", "low-end", "profits of death", "just another", "everywhere",
    "smuggling web", "so much money", "retreated", "ultimate beneficiary",
    # more from Wikipedia's "words to watch" and the lesson on framing
    "disgrace", "fiasco", "chaos", "chaotic", "farce", "shambles", "scandal", "outrage",
    "slammed", "blasted", "radical", "extremist", "notorious", "infamous", "sinister",
    "ruin", "ruined", "gutted", "swarm", "swarming", "invasion", "cruel", "callous",
    "corrupt", "incompetent", "absurd", "ridiculous", "insane", "nightmare", "disaster",
    "plummeting", "plummeted", "skyrocketed", "heroic", "stunning", "amazing",
    "incredible", "unbelievable", "undeniably", "of course", "everyone knows",
    "shamelessly", "daylight robbery", "spiralling out of control", "wiped off the map",
    "betrayal", "contempt", "boon", "fanatics", "zealots", "puppet", "soulless",
    "shameless", "sham", "hapless", "bloated", "elite", "cowardly", "selfish",
]
# Words that tell the reader someone can check the claim: a source.
SOURCE_CUES = ["said", "says", "according to", "told", "reported", "announced", "found"]
# Claims about motives nobody can see.
MOTIVES = ["only to", "just to", "simply to", "the real reason", "secretly"]


def find_loaded_words(sentence):
    return [phrase for phrase, start, end in find_phrases(without_quotes(sentence), LOADED)]


def is_framing(sentence):
    if is_question(without_quotes(sentence)) or find_phrases(sentence, MOTIVES):
        return True
    if has_number(sentence) or find_phrases(sentence, SOURCE_CUES):
        return False
    return len(find_loaded_words(sentence)) > 0
