"""A plausible partial solution: a few sourceless hedge words, no modals, no vague sources."""

import re

HEDGES = r"\b(?:reportedly|allegedly|apparent|apparently|appears? to|(?:is|are) believed)\b"


def find_hedges(sentence):
    return re.findall(HEDGES, sentence, flags=re.IGNORECASE)
