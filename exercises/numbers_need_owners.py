"""Exercise 5: Numbers need owners.

A figure on its own proves nothing. Before you can check "$7.12 billion" you need to know
what it counts, whether it is exact ("roughly", "up to"), whether it is a range, and who
produced it. This exercise does the first part by code: pull every amount out of a
sentence with its value, unit, range and approximator. Finding the owner stays your job as
a reader.

Write ``find_quantities`` below. The page "Numbers need owners" on the course site explains
the rules the checks use. Check your work with:

    pytest exercises/test_numbers_need_owners.py
"""

from textkit import MONTH_NAMES, find_figures, words_after, words_before  # see textkit.py

# Core route (see the exercise page): textkit's find_figures reads every figure written
# with digits; you decide which are amounts, what they count and whether they are
# approximate. These lists are yours to extend.

# APPROXIMATORS: words just before a figure that say it is not exact.
APPROXIMATORS = ["about", "nearly", "more than", "up to"]
# COUNT_NOUNS: counted nouns that do not end in s ("2,100 staff").
COUNT_NOUNS = ["people", "staff", "children"]


def find_quantities(sentence):
    """Find every amount written with digits in a sentence.

    Args:
        sentence: one sentence, as a string.

    Returns:
        A list with one dictionary per amount, in reading order (an empty list if there is
        none). Each dictionary has exactly these five keys:

        * "text": the figure as written, without its approximator or its counted noun:
          "$7.12 billion", "600,000", "$500 to $1,000", "12%"; in "a 30-year war" it is
          "30", with the unit "years".
        * "value": the number (an int or a float), with scale words applied
          ("$7.12 billion" is 7120000000); for a range, the low end.
        * "high": the high end of a range ("$500 to $1,000" gives 1000), otherwise None.
        * "unit": "USD" for $, "GBP" for £, "EUR" for €, "percent" for % or "per cent";
          "years" (or "days", "months", ...) for a hyphenated duration such as "30-year";
          otherwise the counted noun as written, in lower case ("weapons", "light arms",
          "years"), or None if no plural noun follows the figure.
        * "approximator": the words just before the figure that make it approximate, in lower
          case ("roughly", "up to", "more than", "as little as"), or None.

        Years used as dates ("in 2021", "1979-1989", "the 1990s"), days of the month
        ("June 19"), clock times ("9 p.m.") and names with digits ("AK-47", "M4") are not
        amounts: leave them out.

    Examples:
        >>> find_quantities("Almost 40 ducks crossed the road in 2019.")
        [{'text': '40', 'value': 40, 'high': None, 'unit': 'ducks', 'approximator': 'almost'}]
        >>> find_quantities("The repair will cost $1.5 million to $2 million.")
        [{'text': '$1.5 million to $2 million', 'value': 1500000, 'high': 2000000, 'unit': 'USD', 'approximator': None}]
        >>> find_quantities("The F-16 landed on May 4.")
        []
    """
    raise NotImplementedError(
        "find_quantities is not written yet: open exercises/numbers_need_owners.py and "
        "replace this line with your code."
    )
