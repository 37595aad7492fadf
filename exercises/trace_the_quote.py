"""Exercise 8: Trace the quote.

Quotation marks promise that somebody said these exact words. When an article copies text
from another outlet, the speaker and the opening mark sometimes get lost and only a stray
closing mark is left, as after "61,000 military vehicles." in the case study. That stray
mark is a clue: trace the words upstream to find who said them.

Write the two functions below. The page "Trace the quote" on the course site explains the
rules the checks use. Check your work with:

    pytest exercises/test_trace_the_quote.py
"""

from textkit import find_phrases, noun_phrase_after, noun_phrase_before, pair_quotes  # textkit.py

# Core route (see the exercise page): textkit's pair_quotes pairs the marks of a line and
# lists the strays; you find who speaks. This list is yours to extend.

# SPEECH_VERBS: verbs (and "according to") that credit words to a speaker.
SPEECH_VERBS = ["said", "told", "added", "according to"]


def find_quotations(text):
    """Find each quotation (a pair of matching quotation marks) and who is credited with it.

    Args:
        text: one or more paragraphs, one per line. A quotation never runs from one line
            into the next.

    Returns:
        A list with one dictionary per quotation, in reading order (empty if there is none):

        * "quote": the characters between the opening and the closing mark;
        * "speaker": the words that name who said it, found in the same sentence, or None
          if nobody is named. Look for "according to X", "X said" (or told, added, asked,
          claimed, warned, wrote, ...) and, straight after the closing mark, "said X".
          "It is said" names nobody.

        Double marks are “ ” and the straight "; single marks are ‘ ’ and the straight '.
        A ’ inside a word (it’s, Taliban’s) or after a plural's s (1990s’) is an apostrophe,
        not a quotation mark. A mark with no partner starts no quotation.

    Examples:
        >>> find_quotations("“The road is open,” the mayor said.")
        [{'quote': 'The road is open,', 'speaker': 'the mayor'}]
        >>> find_quotations("According to the club, “tickets sold out in an hour.”")
        [{'quote': 'tickets sold out in an hour.', 'speaker': 'the club'}]
        >>> find_quotations("Fans called it the “game of the year”.")
        [{'quote': 'game of the year', 'speaker': None}]
    """
    raise NotImplementedError(
        "find_quotations is not written yet: open exercises/trace_the_quote.py and "
        "replace this line with your code."
    )


def find_stray_marks(text):
    """Find the quotation marks that have no partner.

    Args:
        text: one or more paragraphs, one per line. Marks pair up within a line.

    Returns:
        A sorted list of offsets: for each stray mark, its position in ``text`` (so that
        ``text[offset]`` is the mark). Empty if every mark has its partner.

        A mark is stray when it is a closing mark with no quotation open, an opening mark
        still open when another opening mark of its kind (double or single) comes, or an
        opening mark still open at the end of its line. A straight mark (" or ') opens when
        it comes after a space or an opening bracket, or starts the line; otherwise it
        closes. Apostrophes are not quotation marks.

    Examples:
        >>> find_stray_marks("“Yes,” she said.")
        []
        >>> find_stray_marks("Profits rose by 5%.” Shares fell.")
        [19]
        >>> find_stray_marks("It’s the team’s “best year.")
        [16]
    """
    raise NotImplementedError(
        "find_stray_marks is not written yet: open exercises/trace_the_quote.py and "
        "replace this line with your code."
    )
