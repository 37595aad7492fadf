"""Reference solution for exercise 6, "Loaded language": find framing words, judge framing.

The method uses lexicons drawn from Wikipedia's "words to watch" (contentious labels,
editorialising words) and SemEval-2020's propaganda techniques (loaded language,
exaggeration, appeal to fear, name calling), with three rules on top:

1. Words inside quotation marks are the quoted speaker's, not the writer's: skip them.
2. Words that also have a literal sense ("staggering", "thriving", "soaring") count only
   when nothing in the sentence points to the literal sense ("staggering out of the
   ring", "roses thriving in the sun").
3. A sentence is framing when its point is a judgement: it has loaded words of verdict or
   exaggeration and nothing a reader could check (no figure, date or source), or it is a
   rhetorical question, or it claims to know someone's hidden motive. A loaded label alone
   ("the regime's police broke up the protest") colours a report of an event; the event
   can still be checked, so the sentence is not framing.
"""

from __future__ import annotations

import re

from who_says_so import find_attribution

# Contentious labels: loaded names for people, groups and events. They colour a sentence,
# but on their own they do not make a report of an event into framing.
LABEL_WORDS = {
    "regime", "thugs", "cronies", "fanatics", "zealots", "puppet", "resistance", "onslaught",
    "retreated",
}
VERDICT_WORDS = {
    # evaluative and emotive adjectives
    "reckless", "shameful", "shameless", "disgraceful", "scandalous", "outrageous", "shocking", "brutal",
    "ruthless", "greedy", "heartless", "soulless", "sinister", "notorious", "infamous",
    "disastrous", "catastrophic", "devastating", "horrific", "appalling", "pathetic",
    "botched", "draconian", "crippling", "dramatic", "low-end", "so-called",
    # loaded verbs and nouns
    "ruin", "ruined", "ruins", "gutted", "swarming", "swarm", "contempt", "boon", "betrayal",
    "slashed", "slashing",
    # exaggeration of trends
    "skyrocketing", "skyrocketed", "soaring", "plummeting", "staggering", "thriving",
    # editorialising adverbs
    "clearly", "obviously", "undeniably", "tragically", "shamelessly",
}
LOADED_WORDS = LABEL_WORDS | VERDICT_WORDS
LOADED_PHRASES = (
    r"killing machine", r"fat cats?", r"tax grab", r"wiped off the map", r"waste of money",
    r"spiral\w* out of control", r"hold\w* \w+ to ransom", r"everyone knows",
    r"profits of death", r"of course", r"daylight robbery",
    r"(?:smuggling|crime|criminal|terror) web", r"so (?:much|many) \w+",
    r"just another(?: \w+){1,3}", r"(?:going|spreading|turning up|popping up) everywhere",
    r"who (?:created|caused|started|unleashed)",
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
# "resistance" is a label for an armed group ("Palestinian resistance"), otherwise plain
# ("resistance to antibiotics"): it counts only after a capitalised word.
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


def _is_literal(index: int, words: list[str]) -> bool:
    """True when the dual-use word at ``index`` of ``words`` is used in its plain sense."""
    word = words[index].lower()
    if word == "resistance":
        return index == 0 or not words[index - 1][:1].isupper()
    signs = LITERAL_SIGNS.get(word)
    if signs is None:
        return False
    if word == "staggering":
        return index + 1 < len(words) and words[index + 1].lower() in signs
    return bool(signs & {w.lower() for w in words})


def find_loaded_words(sentence: str) -> list[str]:
    """Return the writer's own loaded words and phrases in ``sentence``, in reading order."""
    text = _unquoted(sentence)
    found = [(m.start(), m.end()) for m in _PHRASE.finditer(text)]
    matches = list(_WORD.finditer(text))
    words = [m.group() for m in matches]
    for index, match in enumerate(matches):
        inside = any(start <= match.start() < end for start, end in found)
        if words[index].lower() in LOADED_WORDS and not inside and not _is_literal(index, words):
            found.append((match.start(), match.end()))
    return [sentence[start:end] for start, end in sorted(found)]


def is_framing(sentence: str) -> bool:
    """True when the sentence's point is a judgement rather than something checkable."""
    text = _unquoted(sentence).strip()
    if text.endswith("?") or MOTIVE_PATTERNS.search(text):
        return True
    checkable = DATE_WORDS.search(text) or find_attribution(sentence) is not None
    verdicts = [w for w in find_loaded_words(sentence) if w.lower() not in LABEL_WORDS]
    return bool(verdicts) and not checkable
