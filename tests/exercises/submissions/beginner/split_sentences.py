"""A beginner's "Split into sentences": word by word, with a list of abbreviations."""

from textkit import lines

# Words that end with a full stop but do not end a sentence.
ABBREVIATIONS = ["u.s.", "u.k.", "e.g.", "i.e.", "a.m.", "p.m.", "dr.", "mr.", "mrs.", "ms.",
                 "prof.", "st.", "gen.", "sen.", "rep.", "gov.", "jan.", "feb.", "aug.",
                 "sept.", "oct.", "nov.", "dec.", "no.", "vs.", "etc.", "jr.", "inc.", "co."]
END_MARKS = (".", "?", "!", "\u2026")
CLOSERS = "\"'\u201d\u2019)"
OPENERS = "\"'\u201c\u2018("
# What a new sentence can start with, besides a capital letter.
STARTERS = "0123456789\"\u201c"


def split_sentences(text):
    pieces = []
    for line in lines(text):
        words, current = line.split(" "), []
        for index, word in enumerate(words):
            current.append(word)
            core = word.rstrip(CLOSERS).lstrip(OPENERS).lower()
            after = (words[index + 1] + " ")[0] if index + 1 < len(words) else "A"
            abbreviation = core in ABBREVIATIONS or (len(core) == 2 and core[0].isalpha())
            new_sentence = after.isupper() or after in STARTERS
            if core.endswith(END_MARKS) and new_sentence and not abbreviation:
                pieces.append(" ".join(current))
                current = []
        pieces += [" ".join(current)] if current else []
    return pieces
