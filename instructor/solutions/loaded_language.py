"""Reference solution for exercise 6, "Loaded language": find framing words, judge framing.

The method uses lexicons drawn from Wikipedia's "words to watch" (contentious labels,
editorialising words) and SemEval-2020's propaganda techniques (loaded language,
exaggeration, appeal to fear, name calling), with three rules on top:

1. Words inside quotation marks are the quoted speaker's, not the writer's: skip them.
2. Words that also have a literal sense ("staggering", "thriving", "soaring") count only
   when nothing in the sentence points to the literal sense ("staggering as she crossed",
   "plants are thriving").
3. A sentence is framing when its point is a judgement: it has loaded words and nothing a
   reader could check (no figure, date or source), or it is a rhetorical question, or it
   claims to know someone's hidden motive.
"""

from __future__ import annotations

import re

from who_says_so import find_attribution

LOADED_WORDS = {
    # contentious labels and name calling
    "regime", "thugs", "cronies", "fanatics", "zealots", "puppet", "so-called", "terrorists",
    # evaluative and emotive adjectives
    "reckless", "shameful", "disgraceful", "scandalous", "outrageous", "shocking", "brutal",
    "ruthless", "greedy", "heartless", "soulless", "sinister", "notorious", "infamous",
    "disastrous", "catastrophic", "devastating", "horrific", "appalling", "pathetic",
    "chaotic", "draconian", "crippling", "ubiquitous", "dramatic",
    # loaded verbs and nouns
    "ruin", "ruined", "ruins", "gutted", "swarming", "swarm", "contempt", "onslaught", "boon",
    "betrayal", "retreated", "slashed", "slashing",
    # exaggeration of trends
    "skyrocketing", "skyrocketed", "soaring", "plummeting", "staggering", "thriving",
    # editorialising adverbs
    "clearly", "obviously", "undeniably", "tragically", "shamelessly",
}
LOADED_PHRASES = (
    r"killing machine", r"fat cats?", r"tax grab", r"wiped off the map", r"waste of money",
    r"spiral\w* out of control", r"hold\w* \w+ to ransom", r"everyone knows",
    r"profits of death", r"of course", r"daylight robbery",
)
# A dual-use word is literal when one of these words is in the sentence (or, for
# "staggering", comes right after it).
LITERAL_SIGNS = {
    "staggering": {"as", "across", "along", "towards", "toward", "into", "out", "back",
                   "around", "through", "from", "to", "off"},
    "thriving": {"plants", "plant", "greenhouse", "garden", "crops", "seedlings", "trees",
                 "fish", "wildlife", "colony", "flowers"},
    "soaring": {"eagles", "eagle", "birds", "bird", "kites", "gliders", "above", "hawks"},
}
MOTIVE_PATTERNS = re.compile(
    r"\b(?:only|just|simply|merely)\b[^.?!]*\bto (?:win|please|protect|cover|hide|distract|"
    r"boost|save|line|silence|punish|reward|avoid|dodge)\b"
    r"|\bthe real (?:reason|aim|motive|goal)\b"
    r"|\bsecretly (?:hop|want|plan|wish)\w*",
    re.IGNORECASE,
)
DATE_WORDS = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\d"
)
_QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d")
_PHRASE = re.compile(r"\b(?:" + "|".join(LOADED_PHRASES) + r")\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")


def _unquoted(sentence: str) -> str:
    """The sentence with quoted words blanked out, so offsets still line up."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), sentence)


def _is_literal(word: str, words: list[str], index: int) -> bool:
    signs = LITERAL_SIGNS.get(word)
    if signs is None:
        return False
    if word == "staggering":
        return index + 1 < len(words) and words[index + 1] in signs
    return bool(signs & set(words))


def find_loaded_words(sentence: str) -> list[str]:
    """Return the writer's own loaded words and phrases in ``sentence``, in reading order."""
    text = _unquoted(sentence)
    found = [(m.start(), m.end()) for m in _PHRASE.finditer(text)]
    matches = list(_WORD.finditer(text))
    lowered = [m.group().lower() for m in matches]
    for index, match in enumerate(matches):
        word = lowered[index]
        inside = any(start <= match.start() < end for start, end in found)
        if word in LOADED_WORDS and not inside and not _is_literal(word, lowered, index):
            found.append((match.start(), match.end()))
    return [sentence[start:end] for start, end in sorted(found)]


def is_framing(sentence: str) -> bool:
    """True when the sentence's point is a judgement rather than something checkable."""
    text = _unquoted(sentence).strip()
    if text.endswith("?") or MOTIVE_PATTERNS.search(text):
        return True
    checkable = DATE_WORDS.search(text) or find_attribution(sentence) is not None
    return bool(find_loaded_words(sentence)) and not checkable
