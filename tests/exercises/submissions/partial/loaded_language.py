"""A plausible partial solution: a word list that skips quotations but not literal uses."""

import re

LOADED = ["reckless", "shameful", "brutal", "ruthless", "greedy", "disastrous", "regime",
          "thugs", "staggering", "thriving", "devastating", "disgraceful", "catastrophic",
          "soaring", "skyrocketing", "killing machine", "onslaught"]


def find_loaded_words(sentence):
    unquoted = re.sub(r'"[^"]*"|\u201c[^\u201d]*\u201d', "", sentence).lower()
    return [word for word in LOADED if word in unquoted]


def is_framing(sentence):
    return bool(find_loaded_words(sentence)) or sentence.rstrip().endswith("?")
