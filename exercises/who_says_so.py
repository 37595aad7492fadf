"""Exercise 3: Who says so?

A news sentence that reports a claim usually has three parts:

* the SOURCE: who or what the claim comes from ("The city council", "a 2020 survey",
  "officials");
* the CUE: the word or phrase that credits the claim to the source ("said", "told",
  "claimed", "according to", "found");
* the CONTENT: the claim itself.

Your job is to find the source and the cue. Some sentences have no source and no cue at
all: they state something on the writer's own authority. For those, return None. Read
the exercise page first: docs/exercises/who-says-so.md (on the site: "Who says so?").

Check your work with:    pytest exercises/test_who_says_so.py
"""

from textkit import find_phrases, noun_phrase_after, noun_phrase_before  # see textkit.py

# Core route (see the exercise page): find the first cue, then take the noun phrase
# before it (or after it). These lists are yours to extend.

# CUES: words and phrases that credit a claim to a source ("The council said ...").
CUES = ["said", "told", "claimed", "according to"]
# SOURCE_AFTER: cues whose source comes after them ("according to the club").
SOURCE_AFTER = ["according to"]


def find_attribution(sentence):
    """Find who a sentence credits with its claim, and the word that credits them.

    Args:
        sentence: one sentence of a news article, as a string.

    Returns:
        A dictionary with two keys, "source" and "cue", whose values are the exact words
        copied from the sentence; or None when the sentence credits nobody.
        If you find only one of the two, put None for the other.

    Examples:
        >>> find_attribution("The fire brigade said the blaze started in a kitchen.")
        {'source': 'The fire brigade', 'cue': 'said'}

        >>> find_attribution("The ferry was cancelled, according to the harbour master.")
        {'source': 'the harbour master', 'cue': 'according to'}

        >>> print(find_attribution("The ferry was cancelled because of high winds."))
        None

        (None, because nobody is credited with this sentence.)

    Hints:
        * Start with a list of cue words: "said", "told", "claimed", "according to", ...
        * When the cue comes first ("..., said the coach"), the source comes after it.
        * Not every "found" or "claims" is a cue: "Police found a wallet" credits no claim.
    """
    return None
