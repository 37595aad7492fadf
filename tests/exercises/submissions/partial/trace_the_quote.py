"""A plausible partial submission: it knows curly double quotation marks only, and finds a
speaker only when 'X said' follows the closing mark."""

import re


def find_quotations(text):
    quotations = []
    for match in re.finditer(r"“([^”]*)”", text):
        tail = re.match(r",?\s*([^,.]*?) said", text[match.end():])
        quotations.append({"quote": match.group(1), "speaker": tail.group(1) if tail else None})
    return quotations


def find_stray_marks(text):
    stray = []
    is_open = False
    for at, char in enumerate(text):
        if char == "“":
            is_open = True
        elif char == "”":
            if not is_open:
                stray.append(at)
            is_open = False
    return stray
