"""Exercise 4: How sure are they?

Writers soften claims they cannot stand behind, or credit them to nobody in particular.
Two kinds of words give this away:

* HEDGES, which soften certainty: "reportedly", "allegedly", "apparent", "appears to",
  "seems to", "is believed", "may", "might", "could", "likely", "suggest";
* VAGUE ATTRIBUTIONS, which credit a claim to someone the reader cannot identify:
  "officials said", "experts say", "some say", "sources told", "it is thought".

Your job is to find them. Be careful: flagging words that are NOT hedges costs you points,
just like missing real ones. "May" can be a month; an insurance "claim" casts no doubt;
and when a named, specific source owns the uncertainty ("The met office said it
could snow"), that is the source's forecast, not the writer hedging. Read the exercise
page first: docs/exercises/how-sure.md (on the site: "How sure are they?").

Check your work with:    pytest exercises/test_how_sure.py
"""

from textkit import find_phrases, head_noun, noun_phrase_before  # see textkit.py

# Core route (see the exercise page): flag every hedge you find, and a verb of saying
# whose source is a group nobody can name. These lists are yours to extend.

# HEDGES: words and phrases that soften how sure a claim is.
HEDGES = ["reportedly", "allegedly", "appears to", "may", "might"]
# SAYING: verbs of saying; with an unnamed group before them they hide the source.
SAYING = ["say", "says", "said"]
# UNNAMED_GROUPS: the main word of a source nobody could look up ("experts say").
UNNAMED_GROUPS = ["officials", "experts", "critics", "sources"]


def find_hedges(sentence):
    """Find the hedges and vague attributions in a sentence.

    Args:
        sentence: one sentence of a news article, as a string.

    Returns:
        A list of strings: each hedge or vague attribution, copied from the sentence, in
        the order they appear. Return an empty list [] when there are none.

    Examples:
        >>> find_hedges("The mayor reportedly plans to step down.")
        ['reportedly']

        >>> find_hedges("Critics say the new bridge might never open.")
        ['Critics say', 'might']

        >>> find_hedges("The bridge opened on 2 May.")
        []
    """
    return []
