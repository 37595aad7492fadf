"""Reference solution for the exercise 'Split into sentences'.

The method: every line of the text is split on its own (a line with no final punctuation,
such as a heading, stays whole). Inside a line, a sentence ends at '.', '?', '!' or an
ellipsis, together with any closing quotation marks or brackets right after it, when

* the next thing is a space and then a capital letter, a digit, a currency sign or an
  opening quotation mark or bracket, or
* the next thing, with no space at all, is a capital letter followed by a small letter
  (a missing space, as in "sights.The"),

unless the full stop belongs to an abbreviation: letters with full stops between them
("U.S.", "e.g.", "a.m."), a single capital letter (an initial, "J."), or a short word from
the list of titles and months below ("Dr.", "Jan.").
"""

import re

TITLES_AND_MONTHS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "lt", "col", "capt", "sgt", "gov", "sen",
    "rep", "rev", "no", "vs", "mt", "fig",
    # more titles, ranks and words that never end a sentence ("approx. 3", "Smith v. Jones")
    "cllr", "hon", "supt", "insp", "det", "cpl", "pte", "adm", "cmdr", "brig", "maj", "mme", "mlle", "messrs", "approx", "v", "cf", "viz", "ca", "dept", "est", "ave",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}

# The end of a sentence: end punctuation, then any closing quotation marks or brackets.
END = re.compile(r"(?:\.\.\.|[.?!\u2026])+[\"\u201d\u2019')\]]*")
OPENERS = "\"\u201c\u2018'([$\u00a3\u20ac"
INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}$")


def split_sentences(text):
    """Split ``text`` into its sentences and headings, in order, without outer spaces."""
    pieces = []
    for line in text.splitlines():
        pieces.extend(_split_line(line))
    return pieces


def _split_line(line):
    pieces = []
    start = 0
    for match in END.finditer(line):
        if _ends_sentence(line, match):
            pieces.append(line[start:match.end()].strip())
            start = match.end()
    pieces.append(line[start:].strip())
    return [piece for piece in pieces if piece]


def _ends_sentence(line, match):
    after = line[match.end():]
    if after == "":
        return True
    if after[0].isspace():
        following = after.lstrip()
        starts_sentence = following[:1].isupper() or following[:1].isdigit() or (
            following[:1] in OPENERS
        )
        if not starts_sentence:
            return False
    elif not (after[:1].isupper() and after[1:2].islower()):
        return False
    return not _is_abbreviation(line, match)


def _is_abbreviation(line, match):
    """True when the match is a single full stop that belongs to an abbreviation."""
    if match.group() != ".":
        return False
    word = line[:match.end()].split()[-1] if line[:match.end()].split() else ""
    word = word.lstrip("\"\u201c\u2018'([")
    # "carried.Cllr.": after a missing space, the abbreviation is the glued word's last part
    word = re.split(r"(?<=[a-z][.?!])(?=[A-Z][a-z])", word)[-1]
    if INITIALISM.search(word):
        return True
    stem = word[:-1]
    if len(stem) == 1 and stem.isupper():
        return True
    return stem.lower() in TITLES_AND_MONTHS
