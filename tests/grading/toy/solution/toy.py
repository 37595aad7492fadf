"""Reference solution of the toy exercise."""


def add(a, b):
    """Return a + b."""
    return a + b


def classify(text):
    """Label a sentence 'attributed' when someone is said to say it, else 'framing'."""
    return "attributed" if " said " in f" {text} " else "framing"
