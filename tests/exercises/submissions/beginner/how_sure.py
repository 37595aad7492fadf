"""A beginner's "How sure are they?": the core route, with textkit and three lexicons."""

from textkit import find_phrases, head_noun, noun_phrase_before

# Words and phrases that soften how sure a claim is (hedges).
HEDGES = [
    "reportedly", "allegedly", "apparently", "apparent", "appears to", "appear to",
    "appeared to", "seems to", "seem to", "seemed to", "is believed", "are believed",
    "is thought", "are thought", "it is thought", "is said to", "are said to", "may",
    "might", "could", "likely", "unlikely", "possibly", "probably", "perhaps",
    "suggests", "suggested", "suggest", "supposedly", "purportedly", "rumoured",
    "the claim", "are shown", "is understood",
]
# Verbs of saying: with an unnamed group before them, they are a vague attribution.
SAYING = ["say", "says", "said", "told", "claim", "claimed", "fear", "believe", "warn",
          "warned", "suspect", "think"]
# Groups nobody can look up: "officials said", "experts say".
UNNAMED_GROUPS = ["officials", "experts", "critics", "sources", "analysts", "observers",
                  "some", "many", "others", "insiders", "residents", "people", "witnesses",
                  "scientists", "researchers", "diplomats", "authorities", "campaigners"]


def find_hedges(sentence):
    found = []
    for phrase, start, _end in find_phrases(sentence, HEDGES + SAYING):
        if phrase.lower() in SAYING:
            source = noun_phrase_before(sentence, start)
            if source and head_noun(source) in UNNAMED_GROUPS:
                found.append(source + " " + phrase)
        elif not (phrase == "May" and start > 0):
            found.append(phrase)
    return found
