"""A trivial baseline: every quotation-like character is stray, apostrophes included, and
every stretch between two of them is a quotation with no speaker."""

import re

MARKS = "\"'“”‘’"


def find_quotations(text):
    return [{"quote": piece, "speaker": None}
            for piece in re.findall(f"[{MARKS}]([^{MARKS}]*)[{MARKS}]", text)]


def find_stray_marks(text):
    return [at for at, char in enumerate(text) if char in MARKS]
