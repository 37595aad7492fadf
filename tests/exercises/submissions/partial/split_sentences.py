"""A plausible partial submission: split after every full stop, question mark or
exclamation mark that is followed by a space. It knows nothing about abbreviations,
quotation marks, missing spaces or ellipses."""

import re


def split_sentences(text):
    pieces = []
    for line in text.splitlines():
        pieces.extend(piece.strip() for piece in re.split(r"(?<=[.?!])\s+", line) if piece.strip())
    return pieces
