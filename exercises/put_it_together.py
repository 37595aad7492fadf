"""Exercise 7: Put it together

Give each sentence one of the six labels of the Sourcewise taxonomy (the label of its main
claim):

    "sourced_fact"         checkable, tied to a named record or body that can know it
    "official_estimate"    an approximate figure produced by an official body
    "attributed_claim"     credited to an identifiable person or group
    "vague_attribution"    the source cannot be identified, or the certainty is softened
    "unsourced_assertion"  stated as fact with no source at all
    "framing"              a judgement: loaded words with nothing checkable, a rhetorical
                           question, a claim about someone's motives

A good order to decide in (the one annotators use):
    1. Is the sentence framing? If so, stop.
    2. Is there no source and no hedge at all? Then it is an unsourced assertion.
    3. Is the source vague or the claim hedged? Then it is a vague attribution.
    4. The source is named: is the figure estimated or approximate? An official estimate.
       Is the source a record or document? A sourced fact. Otherwise, an attributed claim.

Your solutions to exercises 3, 4 and 6 do most of the work: copy the functions you need
into this file. Read the exercise page first: docs/exercises/put-it-together.md (on the
site: "Put it together").

Check your work with:    pytest exercises/test_put_it_together.py
"""

from textkit import find_phrases, has_number, is_question, without_quotes  # see textkit.py

# Core route (see the exercise page): ask the annotators' questions in order, each with
# a lexicon. These lists are yours to extend; copy the longer ones from your earlier
# exercises.

# LOADED: words that judge instead of report.
LOADED = ["reckless", "shameful", "heartless"]
# SOURCE_CUES: words that credit a claim to someone.
SOURCE_CUES = ["said", "according to", "told", "found"]
# HEDGES: words that soften certainty or hide the source.
HEDGES = ["reportedly", "may", "officials", "experts"]
# ESTIMATES: words that make a figure approximate or an estimate.
ESTIMATES = ["estimated", "about", "nearly"]
# RECORDS: words naming a record or document that can know the fact.
RECORDS = ["report", "survey", "data", "records"]

LABELS = (
    "sourced_fact",
    "official_estimate",
    "attributed_claim",
    "vague_attribution",
    "unsourced_assertion",
    "framing",
)


def classify(sentence):
    """Label a sentence with one of the six labels.

    Args:
        sentence: one sentence of a news article, as a string.

    Returns:
        One of the strings in LABELS.

    Examples:
        >>> classify("According to the 2019 survey, 8 percent of pupils walk to school.")
        'sourced_fact'

        >>> classify("Insiders say the factory will close.")
        'vague_attribution'

        >>> classify("The factory closed in 2015.")
        'unsourced_assertion'
    """
    return None
