"""Reference solution for the exercise 'Trace the quote'.

The method, one line (paragraph) at a time:

1. Sort the marks. “ and ‘ open; ” closes. A straight mark (" or ') opens when it comes
   after a space, the start of the line or an opening bracket, and closes otherwise.
   ’ (or a closing ') is a closing single mark only when a single quotation is open and the
   mark is not between two letters; otherwise it is an apostrophe (it’s, Taliban’s, 1990s’).
2. Pair them: an opening mark waits for the next closing mark of its kind. A closing mark
   with nothing open, an opening mark met while one of its kind is still open, and an
   opening mark still open at the end of the line are stray.
3. For each pair, read the sentence around it with every quotation blanked out, and look
   for who speaks: 'according to X', 'X said' (or another verb of saying) or, straight
   after the closing mark, 'said X'. 'it is said' names nobody.
"""

import re

SPEECH_VERBS = (
    "said", "says", "told", "tells", "added", "adds", "asked", "asks", "claimed", "stated",
    "explained", "explains", "warned", "warns", "wrote", "insisted", "insists", "argued",
    "argues", "noted", "declared", "announced", "admitted", "recalled", "replied", "shouted",
)
PASSIVE = {"is", "was", "are", "were", "be", "been", "being"}
BLANK = "\u25a1"  # stands in for a quotation while we look for its speaker
OPENS_AFTER = " \t([{\u2014\u2013-/"
DOUBLE_OPEN, DOUBLE_CLOSE = "\u201c", "\u201d"
SINGLE_OPEN, SINGLE_CLOSE = "\u2018", "\u2019"
VERB = "|".join(SPEECH_VERBS)


def find_quotations(text):
    """Return each balanced quotation in ``text`` with its speaker (None if nobody is named)."""
    quotations = []
    for line in text.splitlines():
        pairs, _ = _pair_marks(line)
        for open_at, close_at in pairs:
            quotations.append({
                "quote": line[open_at + 1:close_at],
                "speaker": _speaker(line, pairs, open_at, close_at),
            })
    return quotations


def find_stray_marks(text):
    """Return the offsets in ``text`` of quotation marks that have no partner."""
    stray = []
    offset = 0
    for line in text.splitlines(keepends=True):
        _, unpaired = _pair_marks(line)
        stray.extend(offset + at for at in unpaired)
        offset += len(line)
    return sorted(stray)


def _pair_marks(line):
    """Return (pairs of offsets, offsets of stray marks) for one line."""
    pairs, stray = [], []
    open_at = {"double": None, "single": None}
    for at, char in enumerate(line):
        kind, role = _classify(line, at, char, open_at["single"] is not None)
        if kind is None:
            continue
        if role == "open":
            if open_at[kind] is not None:
                stray.append(open_at[kind])
            open_at[kind] = at
        elif open_at[kind] is None:
            stray.append(at)
        else:
            pairs.append((open_at[kind], at))
            open_at[kind] = None
    stray.extend(at for at in open_at.values() if at is not None)
    pairs.sort()
    return pairs, stray


def _classify(line, at, char, single_is_open):
    """(kind, role) of the character at ``at``, or (None, None) if it is no quotation mark."""
    before = line[at - 1] if at else " "
    after = line[at + 1] if at + 1 < len(line) else " "
    if char == DOUBLE_OPEN:
        return "double", "open"
    if char == DOUBLE_CLOSE:
        return "double", "close"
    if char == '"':
        return "double", "open" if before in OPENS_AFTER else "close"
    if char == SINGLE_OPEN or (char == "'" and before in OPENS_AFTER and after.isalpha()):
        return "single", "open"
    if char in (SINGLE_CLOSE, "'"):
        between_letters = before.isalnum() and after.isalpha()
        if single_is_open and not between_letters and not before.isspace():
            return "single", "close"
    return None, None


def _speaker(line, pairs, open_at, close_at):
    start, end = _sentence_around(line, pairs, open_at, close_at)
    sentence = _blank_quotations(line, pairs, start, end)
    according = re.search(rf"\baccording to ([^,.;:{BLANK}]+)", sentence, re.IGNORECASE)
    if according:
        return _tidy(according.group(1))
    inverted = re.search(rf"{BLANK}[,\s]*\b(?:{VERB})\s+([^,.;:{BLANK}]+)", sentence)
    if inverted:
        return _tidy(inverted.group(1))
    for verb in re.finditer(rf"\b(?:{VERB})\b", sentence):
        before = re.split(rf"[,;:{BLANK}]|\bthat\b", sentence[:verb.start()])[-1].split()
        if before and before[-1].lower() not in PASSIVE:
            return _tidy(" ".join(before))
    return None


def _blank_quotations(line, pairs, start, end):
    """The sentence line[start:end] with each quotation in it replaced by BLANK, so that
    words inside quotation marks are never read as the attribution."""
    pieces, cursor = [], start
    for first, last in pairs:
        if start <= first and last < end:
            pieces.append(line[cursor:first] + BLANK)
            cursor = last + 1
    pieces.append(line[cursor:end])
    return "".join(pieces)


def _sentence_around(line, pairs, open_at, close_at):
    """Offsets of the sentence holding the quotation. A stop ends a sentence when it is
    followed by a space and a capital (or the end of the line), is not an initial ('U.S.')
    and its closing marks do not leave us inside a quotation."""
    def inside_a_quotation(at):
        return any(first < at < last for first, last in pairs)

    ends = [
        m.end()
        for m in re.finditer(r"(?<!\b[A-Z])[.?!][\"'\u201d\u2019)]*(?=\s+[A-Z\u201c\"]|\s*$)", line)
        if not inside_a_quotation(m.end() - 1)
    ]
    start = max((e for e in ends if e <= open_at), default=0)
    end = min((e for e in ends if e > close_at), default=len(line))
    return start, end


def _tidy(phrase):
    words = phrase.strip().split()
    while words and words[0].lower() in ("and", "but", "as"):
        words.pop(0)
    return " ".join(words) or None
