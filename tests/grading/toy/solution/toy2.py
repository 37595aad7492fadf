"""Reference solution of the second toy exercise."""


def shout(text):
    """Upper-case the text and add an exclamation mark."""
    return text.upper() + "!"
