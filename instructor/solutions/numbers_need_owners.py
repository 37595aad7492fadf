"""Reference solution for the exercise 'Numbers need owners'.

The method: find every run of digits (with its thousands commas and decimal point), then
read outwards from it.

* Leave it out when it is not an amount: a model name stuck to letters ('M4', 'AK-47',
  'M16A4'), a day next to a month name ('June 19'), a clock time ('6:30', '10 a.m.'), an
  ordinal ('19th') or a year used as a date (four digits from 1800 to 2099 with no comma,
  no currency sign, no scale word and no per cent sign, or a decade such as '1990s').
* Read a currency sign before it ('$' is USD, '£' GBP, '€' EUR) and a scale word after it
  ('million', 'bn', ...), and a second number after 'to', '-', '–' or 'between ... and' to
  make a range.
* The unit is the currency, 'percent', the time unit of a hyphenated duration ('30-year'
  is 30 years, with the text '30') or
  the counted noun: the words after the figure up to the first plural noun ('light arms'),
  stopping early at a small linking word or a punctuation mark.
* The approximator is the longest phrase from a fixed list that ends just before the figure.
"""

import re

NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12,
}
CURRENCIES = {"$": "USD", "£": "GBP", "€": "EUR"}
CURRENCY = r"[$£€]"
LONG_SCALE = r"(?:thousand|million|billion|trillion)\b"
SCALE_WORD = r"(?:thousand|million|billion|trillion|bn|mn|tn|m|k)\b"  # short ones after $ only
PERCENT = r"(?:%|\s?per\s?cent\b|\s?percent\b)"
TIME_UNITS = ("year", "month", "week", "day", "hour", "minute", "second", "decade")

# One figure: a currency amount ('$4bn', '$7.12 billion') or a plain number ('1.5 million'),
# then an optional per cent sign.
FIGURE = rf"(?:{CURRENCY}{NUMBER}(?:\s?{SCALE_WORD})?|{NUMBER}(?:\s{LONG_SCALE})?){PERCENT}?"
RANGE = re.compile(
    rf"(?P<between>between\s)?(?P<low>{FIGURE})"
    rf"(?:(?(between)\s+and\s+|\s*(?:to|-|–|—)\s*)(?P<high>{FIGURE}))?",
    re.IGNORECASE,
)
ONE_FIGURE = re.compile(
    rf"(?P<currency>{CURRENCY})?(?P<number>{NUMBER})(?:\s?(?P<scale>{SCALE_WORD}))?"
    rf"(?P<percent>{PERCENT})?",
    re.IGNORECASE,
)
HYPHENATED_TIME = re.compile(rf"-(?P<unit>{'|'.join(TIME_UNITS)})\b", re.IGNORECASE)

APPROXIMATORS = (
    "roughly", "nearly", "about", "around", "approximately", "almost", "some", "over",
    "under", "up to", "more than", "less than", "fewer than", "at least", "at most",
    "as little as", "as much as", "as many as", "as few as", "close to", "just over",
    "just under", "well over", "an estimated", "an average of", "upwards of",
)
MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
})
STOP_WORDS = frozenset({
    "of", "in", "on", "at", "for", "from", "to", "with", "by", "per", "into", "onto", "over",
    "under", "since", "during", "across", "after", "before", "about", "than", "as", "that",
    "which", "who", "whom", "whose", "where", "when", "while", "a", "an", "the", "this",
    "these", "those", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
    "will", "would", "could", "can", "may", "might", "must", "shall", "should", "do", "does",
    "did", "not", "now", "also", "each", "every", "its", "their", "his", "her", "our", "your",
    "my", "no",
})
IRREGULAR_PLURALS = frozenset({
    "people", "children", "men", "women", "staff", "aircraft", "police", "personnel", "cattle",
    "sheep", "fish", "deer", "feet", "teeth", "mice", "geese", "crew",
})
# A number right after one of these names something ("Room 2", "Platform 4", "Flight 370"),
# it counts nothing.
NAMING_NOUNS = frozenset({
    "room", "platform", "route", "gate", "flight", "bus", "line", "chapter", "article",
    "section", "page", "level", "floor", "terminal", "highway", "junction", "ward", "stage",
    "court", "number", "no", "lot", "block", "unit", "bay", "lane", "exit", "pier", "dock",
})
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def find_quantities(sentence):
    """Return every amount in ``sentence`` written with digits, in reading order."""
    found = []
    for match in RANGE.finditer(sentence):
        if _is_not_an_amount(sentence, match):
            continue
        found.append(_describe(sentence, match))
    return found


def _is_not_an_amount(sentence, match):
    start, end = match.span()
    low = ONE_FIGURE.fullmatch(match.group("low"))
    before = sentence[:start]
    after = sentence[end:]
    if re.search(r"[A-Za-z][-/]?$", before) or re.match(r"[A-Za-z]", after):
        return True  # a model name such as M4, AK-47 or M16A4, or an ordinal such as 19th
    clock = re.search(r"\d:$", before) or re.match(r":\d", after)
    if clock or re.match(r"\s?[ap]\.m\.", after, re.IGNORECASE):
        return True  # a clock time
    previous_word = before.rstrip().rsplit(" ", 1)[-1].rstrip(".").lower()
    next_word = after.lstrip().split(" ", 1)[0].strip(",.").lower()
    if previous_word in MONTHS or next_word in MONTHS:
        return True  # a day of a month, 'June 19' or '19 June'
    if previous_word in NAMING_NOUNS and not low.group("currency"):
        return True  # a number that names something: 'Room 2', 'Platform 4'
    # A plain four-digit number from 1800 to 2099 is a year used as a date.
    plain = not (low.group("currency") or low.group("scale") or low.group("percent"))
    return bool(plain and re.fullmatch(r"1[89]\d\d|20\d\d", low.group("number")))


def _describe(sentence, match):
    low = ONE_FIGURE.fullmatch(match.group("low"))
    high = ONE_FIGURE.fullmatch(match.group("high")) if match.group("high") else None
    shared_scale = (high.group("scale") if high else None) or low.group("scale")
    value = _amount(low.group("number"), low.group("scale") or shared_scale)
    high_value = _amount(high.group("number"), shared_scale) if high else None
    currency = low.group("currency") or (high.group("currency") if high else None)
    percent = low.group("percent") or (high.group("percent") if high else None)
    after = sentence[match.end():]
    if currency:
        unit = CURRENCIES[currency]
    elif percent:
        unit = "percent"
    elif hyphenated := HYPHENATED_TIME.match(after):
        unit = hyphenated.group("unit").lower() + "s"
    else:
        unit = _counted_noun(after)
    return _quantity(match.group(), value, high_value, unit,
                     _approximator(sentence, match.start()))


def _quantity(text, value, high, unit, approximator):
    return {"text": text, "value": value, "high": high, "unit": unit,
            "approximator": approximator}


def _amount(number, scale):
    value = float(number.replace(",", ""))
    if scale:
        value *= SCALES[scale.lower()]
    return int(value) if value == int(value) else value


def _counted_noun(after):
    """The words after a figure that say what is counted, or None.

    They run up to the first plural noun ('light arms', 'fixed-wing and rotary-wing
    aircraft'), at most four words on; a small linking word or a punctuation mark ends the
    search early, and then there is no counted noun.
    """
    words = []
    position = 0
    for match in WORD.finditer(after):
        if after[position:match.start()].strip() or len(words) == 4:
            break  # punctuation ends the noun phrase
        word = match.group().lower()
        if word in STOP_WORDS:
            break
        words.append(word)
        position = match.end()
        if word in IRREGULAR_PLURALS or _is_plural(word):
            return " ".join(words)
    return None


def _is_plural(word):
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _approximator(sentence, start):
    before = sentence[:start].rstrip().lower()
    for phrase in sorted(APPROXIMATORS, key=len, reverse=True):
        if before == phrase or before.endswith(" " + phrase):
            return phrase
    return None
