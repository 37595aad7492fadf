"""A beginner's "How sure are they?": the core route, with textkit and five lexicons."""

from textkit import find_phrases, head_noun, noun_phrase_before, words_after

# Words and phrases that soften how sure a claim is (hedges).
HEDGES = [
    "reportedly", "allegedly", "apparently", "apparent", "appears to", "appear to",
    "appeared to", "seems to", "seem to", "seemed to", "is believed", "are believed",
    "is thought", "are thought", "it is thought", "is said to", "are said to", "may",
    "might", "could", "likely", "unlikely", "possibly", "probably", "perhaps",
    "suggests", "suggested", "suggest", "supposedly", "purportedly", "rumoured",
    "the claim that", "are shown", "is understood",
]
# Hedges that a named source can own as its forecast ("The bank said rates could rise").
MODALS = ["may", "might", "could", "likely", "probably", "possibly", "perhaps"]
# Verbs of saying: with an unnamed group before them, they are a vague attribution.
SAYING = ["say", "says", "said", "told", "claim", "claimed", "fear", "believe", "warn",
          "warned", "suspect", "think", "argue", "argued"]
# Groups nobody can look up: "officials said", "experts say".
UNNAMED_GROUPS = ["officials", "experts", "critics", "sources", "analysts", "observers",
                  "insiders", "residents", "people", "witnesses", "scientists", "researchers",
                  "diplomats", "authorities", "campaigners", "traders", "doctors", "lawyers",
                  "fans", "parents", "teachers", "economists", "councillors"]
# First words that make any group unnamed: "Some fans", "Many residents".
VAGUE_STARTS = ["some", "many", "several"]
# Verbs after "may" that give permission ("Visitors may park here"), not doubt.
PERMISSION = ["apply", "book", "buy", "bring", "use", "park", "enter", "visit", "register"]


def find_hedges(sentence):
    found, named = [], False
    for phrase, start, _end in find_phrases(sentence, SAYING):
        source = noun_phrase_before(sentence, start) or ""
        if head_noun(source) in UNNAMED_GROUPS or set(source.lower().split()[:1]) & set(VAGUE_STARTS):
            found.append(source + " " + phrase)
        named = named or (source != "" and not found)
    for phrase, start, end in find_phrases(sentence, HEDGES):
        owned = phrase.lower() in MODALS and named
        month_or_permission = (phrase == "May" and start > 0) or set(words_after(sentence, end)) & set(PERMISSION)
        if not owned and not month_or_permission:
            found.append(phrase)
    return found
