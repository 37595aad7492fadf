"""A trivial baseline: every word is loaded and every sentence is framing."""


def find_loaded_words(sentence):
    return sentence.split()


def is_framing(sentence):
    return True
