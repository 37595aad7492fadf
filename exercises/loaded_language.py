"""Exercise 6: Loaded language

Framing tells the reader what to feel instead of what happened. Look for:

* LOADED WORDS: labels and verdicts that judge ("regime", "reckless", "shameful"),
  exaggerations ("skyrocketing", "wiped off the map"), editorialising adverbs ("clearly",
  "tragically");
* RHETORICAL QUESTIONS that answer themselves ("Can anyone trust them now?");
* CLAIMS ABOUT MOTIVES that nobody could observe ("only did it to win votes").

You write two functions. find_loaded_words finds the writer's own loaded words. is_framing
decides whether the sentence as a whole is framing: its point is a judgement, with nothing
a reader could check. A sentence with a figure, a date or a source in it is a checkable
claim even if one word in it is loaded. Words in quotation marks that a named person said
are that person's, not the writer's. Read the exercise page first:
docs/exercises/loaded-language.md (on the site: "Loaded language").

Check your work with:    pytest exercises/test_loaded_language.py
"""

from textkit import find_phrases, has_number, is_question, without_quotes  # see textkit.py

# Core route (see the exercise page): look up loaded words outside quotation marks; call
# a sentence framing when it is a question, claims a motive, or has loaded words and
# nothing checkable. These lists are yours to extend.

# LOADED: words that judge instead of report (verdicts, exaggerations, labels).
LOADED = ["reckless", "shameful", "heartless", "slashed", "skyrocketing"]
# SOURCE_CUES: words that show someone can be asked about the claim.
SOURCE_CUES = ["said", "according to", "told"]
# MOTIVES: phrases that claim to know why someone acted.
MOTIVES = ["only to", "just to", "the real reason"]


def find_loaded_words(sentence):
    """Find the writer's own loaded words and phrases in a sentence.

    Args:
        sentence: one sentence of a news article, as a string.

    Returns:
        A list of strings: each loaded word or phrase, copied from the sentence, in the
        order they appear. Return an empty list [] when there are none.

    Examples:
        >>> find_loaded_words("The heartless bosses slashed everyone's pay.")
        ['heartless', 'slashed']

        >>> find_loaded_words('The coach called the defeat "a disgrace", a club spokesman said.')
        []

        (Empty, because the loaded word is quoted from someone else.)

        >>> find_loaded_words("The shop opens at nine.")
        []
    """
    return []


def is_framing(sentence):
    """Decide whether a sentence, taken as a whole, is framing.

    Args:
        sentence: one sentence of a news article, as a string.

    Returns:
        True if the sentence's point is a judgement (loaded words with nothing checkable, a
        rhetorical question, or a claim about someone's hidden motive); otherwise False.

    Examples:
        >>> is_framing("What else did anyone expect from this council?")
        True

        >>> is_framing("Prices jumped a shocking 30 percent in June.")
        False

        ("shocking" is loaded, but 30 percent in June can be checked.)

        >>> is_framing("The bakery closes on Sundays.")
        False
    """
    return False
