"""A trivial baseline: every sentence is an unsourced assertion."""


def classify(sentence):
    return "unsourced_assertion"
