"""A trivial baseline: return the whole text as one sentence."""


def split_sentences(text):
    return [text]
