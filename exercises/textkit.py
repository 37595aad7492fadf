"""textkit: small helpers for reading a sentence word by word.

This file is yours, like the exercise files: every exercise may import it
(``from textkit import words, find_phrases``), you may read it, and you may add your own
helpers to it. Hand it in with your exercises. If you break it (a syntax error, say), every
exercise that imports it stops working, and the checks will tell you that textkit.py is the
file to fix.

Positions: the helpers about words count in WORDS, from 0. In "The mayor said it." the word
"The" is at 0 and "said" at 2. ``words`` gives the words; ``find_phrases`` says where a
listed phrase starts and where it ends (the position just after its last word), so that
``noun_phrase_before(sentence, start)`` and ``noun_phrase_after(sentence, end)`` read the
words around it.

Every helper is plain Python with examples (doctests) you can run:

    python -m doctest -v exercises/textkit.py
"""

import calendar
import datetime

# Punctuation that is not part of a word when it sits at a word's edge.
EDGE_PUNCTUATION = ".,;:!?\"'()[]{}\u201c\u201d\u2018\u2019\u2014\u2013\u2026"

# Words that end a noun phrase when we walk along a sentence: joining words, verbs that
# need a subject of their own, and words that start a new part of the sentence.
NOT_IN_A_NOUN_PHRASE = {
    "and", "but", "or", "so", "because", "while", "although", "though", "if", "when",
    "that", "which", "who", "whom", "whose", "where", "after", "before", "during", "since",
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does",
    "did", "will", "would", "can", "could", "may", "might", "must", "should", "shall",
    "not", "also", "then", "now", "on", "at", "in", "to", "as", "than", "with", "by",
    "last", "yesterday", "today", "tonight", "earlier", "later", "this",
}
# Small words that stay inside a noun phrase read backwards ("Police at the scene").
INSIDE_A_NOUN_PHRASE = {"in", "to", "with", "at", "by", "on"}
# A pronoun is a noun phrase on its own ("she said"), never part of a longer one.
PRONOUNS = {"it", "they", "he", "she", "we", "you", "i"}

# Words stepped over between a subject and its verb: "has said", "had also warned".
HELPING_WORDS = {"has", "have", "had", "also", "now", "later", "then", "previously", "again"}


def words(text):
    """The words of ``text``, in order, without the punctuation at their edges.

    Apostrophes and hyphens inside a word stay ("council's", "well-known").

    >>> words("The mayor said, \\"It is done.\\"")
    ['The', 'mayor', 'said', 'It', 'is', 'done']
    >>> words("Dr. Lee's well-known U.S. tour")
    ['Dr', "Lee's", 'well-known', 'U.S', 'tour']
    """
    return [w for w, _, _ in word_spans(text)]


def word_spans(text):
    """Each word of ``text`` with where it sits in the text: (word, first char, end char).

    ``text[first:end]`` is the word.

    >>> word_spans("Yes, she said.")
    [('Yes', 0, 3), ('she', 5, 8), ('said', 9, 13)]
    """
    spans = []
    position = 0
    for chunk in text.split():
        start = text.index(chunk, position)
        position = start + len(chunk)
        left, right = 0, len(chunk)
        while left < right and chunk[left] in EDGE_PUNCTUATION:
            left += 1
        while right > left and chunk[right - 1] in EDGE_PUNCTUATION:
            right -= 1
        if left < right:
            spans.append((chunk[left:right], start + left, start + right))
    return spans


def phrase_text(text, start, end):
    """The words from position ``start`` up to (not including) ``end``, copied as written.

    >>> phrase_text("Critics, mostly farmers, say it will fail.", 1, 4)
    'mostly farmers, say'
    """
    spans = word_spans(text)[start:end]
    if not spans:
        return ""
    return text[spans[0][1]:spans[-1][2]]


def find_phrases(text, phrases):
    """Find every listed phrase in ``text``: a list of (phrase, start, end), in reading order.

    ``phrases`` is a list (or set) of words or phrases such as ["said", "according to"].
    Case does not matter, and a phrase only matches whole words ("said" is not found in
    "unsaid"). ``phrase`` is copied from the text as written; ``start`` is the position of
    its first word and ``end`` the position just after its last word. Where two listed
    phrases overlap, the longer one wins.

    >>> find_phrases("Experts say prices may rise, according to the bank.",
    ...              ["say", "may", "according to"])
    [('say', 1, 2), ('may', 3, 4), ('according to', 5, 7)]
    >>> find_phrases("It seems to work.", ["seems", "seems to"])
    [('seems to', 1, 3)]
    >>> find_phrases("Nothing here.", ["said"])
    []
    """
    lowered = [w.lower() for w in words(text)]
    wanted = sorted({tuple(words(p.lower())) for p in phrases if words(p)}, key=len, reverse=True)
    taken = [False] * len(lowered)
    found = []
    for phrase in wanted:
        size = len(phrase)
        for start in range(len(lowered) - size + 1):
            if tuple(lowered[start:start + size]) == phrase and not any(taken[start:start + size]):
                taken[start:start + size] = [True] * size
                found.append((phrase_text(text, start, start + size), start, start + size))
    return sorted(found, key=lambda match: match[1])


def has_phrase(text, phrases):
    """True when ``text`` holds at least one of ``phrases`` (whole words, any case).

    >>> has_phrase("Police found a wallet.", ["found", "said"])
    True
    >>> has_phrase("Police found a wallet.", ["said"])
    False
    """
    return bool(find_phrases(text, phrases))


def words_before(text, position, count=1):
    """The ``count`` words just before word ``position`` (fewer at the start), lower case.

    >>> words_before("The bridge opened on 2 May.", 5, 2)
    ['on', '2']
    """
    return [w.lower() for w in words(text)[max(0, position - count):position]]


def words_after(text, position, count=1):
    """The ``count`` words from word ``position`` on (fewer at the end), lower case.

    >>> words_after("The bridge opened on 2 May.", 3, 2)
    ['on', '2']
    """
    return [w.lower() for w in words(text)[position:position + count]]


def _breaks_between(text, spans, first, second):
    """True when punctuation that splits a phrase (, ; : or a quotation mark) sits between
    word ``first`` and word ``second``."""
    gap = text[spans[first][2]:spans[second][1]]
    return any(mark in gap for mark in ",;:()\"\u201c\u201d\u2014")


def noun_phrase_before(text, position, longest=8):
    """The noun phrase that ends just before word ``position``, copied from the text.

    It runs back at most ``longest`` words and stops at a comma, a joining word ("and",
    "that", "who"), a verb that needs a subject ("is", "will") or a word such as "it".
    Words such as "of", "in" and "with" stay inside it ("People familiar with the plans").
    Helping words right before ``position`` are stepped over first: before "said" in "The
    club has also said", the noun phrase is "The club". An aside between commas is stepped
    over when the noun phrase before it starts the sentence: before "said" in "Dr. Lee, the
    head nurse, said", it is "Dr. Lee". None when there is no such phrase.

    >>> noun_phrase_before("Mayor Lena Ortiz said the line would open.", 3)
    'Mayor Lena Ortiz'
    >>> noun_phrase_before("In a statement, the club chairman said it was sold.", 6)
    'the club chairman'
    >>> noun_phrase_before("Pakistan has expressed concern.", 2)
    'Pakistan'
    >>> noun_phrase_before("Yes, she said.", 2)
    'she'
    >>> noun_phrase_before("Dr. Lee, the head nurse, said the ward is full.", 5)
    'Dr. Lee'
    >>> print(noun_phrase_before('"We lost," said the coach.', 2))
    None
    """
    spans = word_spans(text)
    while position > 1 and spans[position - 1][0].lower() in HELPING_WORDS \
            and not _breaks_between(text, spans, position - 2, position - 1):
        position -= 1
    start = _walk_back(text, spans, position, longest)
    if start == position and position > 1:  # a comma right before: is there an aside?
        aside = position - 1
        while aside > 0 and not _breaks_between(text, spans, aside - 1, aside):
            aside -= 1
        first = _walk_back(text, spans, aside, longest, True) if aside > 0 else aside
        if first == 0 < aside and position - aside <= 6:
            return phrase_text(text, first, aside)
    if start == position:
        return None
    return phrase_text(text, start, position)


def _walk_back(text, spans, position, longest, skip_comma=False):
    """Where the noun phrase that ends before word ``position`` starts (``position`` itself
    when there is none); with ``skip_comma``, a comma right before ``position`` does not
    stop it."""
    start = position
    while start > 0 and position - start < longest:
        check_gap = start < len(spans) and not (skip_comma and start == position)
        if check_gap and _breaks_between(text, spans, start - 1, start):
            break
        word = spans[start - 1][0].lower()
        if word in PRONOUNS:
            return start - 1 if start == position else start
        if word in NOT_IN_A_NOUN_PHRASE and word not in INSIDE_A_NOUN_PHRASE:
            break
        start -= 1
    return start


def noun_phrase_after(text, position, longest=8):
    """The noun phrase that starts at word ``position``, copied from the text.

    It runs on at most ``longest`` words and stops at punctuation (, . ; :), a joining word,
    a verb that needs a subject, or a word that says when or where ("after", "on", "last").
    None when there is no such phrase.

    >>> noun_phrase_after("We lost, said coach Daniel Brandt after the game.", 3)
    'coach Daniel Brandt'
    >>> noun_phrase_after("The ferry was cancelled, according to the harbour master.", 6)
    'the harbour master'
    """
    spans = word_spans(text)
    end = position
    while end < len(spans) and end - position < longest:
        word = spans[end][0].lower()
        if end > position and (word in NOT_IN_A_NOUN_PHRASE or word in PRONOUNS
                               or _breaks_between(text, spans, end - 1, end)):
            break
        if end == position and word in NOT_IN_A_NOUN_PHRASE - {"the", "this"}:
            return None
        end += 1
    return phrase_text(text, position, end) if end > position else None


def head_noun(phrase):
    """The main word of a noun phrase, lower case: its last word before "of", "from", "at",
    "in", "for" or "with".

    >>> head_noun("Critics of the plan")
    'critics'
    >>> head_noun("the harbour master")
    'master'
    """
    found = [w.lower() for w in words(phrase)]
    for index, word in enumerate(found):
        if index and word in {"of", "from", "at", "in", "for", "with", "who", "which"}:
            return found[index - 1]
    return found[-1] if found else ""


def without_quotes(text):
    """``text`` with every passage inside quotation marks blanked out (same length).

    Use it to skip words that someone else said.

    >>> without_quotes('The coach called it "a disgrace" on Sunday.')
    'The coach called it              on Sunday.'
    """
    blanked = list(text)
    pairs = {"\u201c": "\u201d", '"': '"'}
    index = 0
    while index < len(text):
        closer = pairs.get(text[index])
        end = text.find(closer, index + 1) if closer else -1
        if end > index:
            blanked[index:end + 1] = " " * (end + 1 - index)
            index = end
        index += 1
    return "".join(blanked)


def has_number(text):
    """True when ``text`` has a digit in it.

    >>> has_number("Prices jumped 30 percent.")
    True
    >>> has_number("Prices jumped.")
    False
    """
    return any(char.isdigit() for char in text)


def is_question(text):
    """True when ``text`` ends with a question mark (closing quotation marks aside).

    >>> is_question("Can anyone trust them now?")
    True
    """
    return text.rstrip().rstrip("\"'\u201d\u2019)").endswith("?")


def lines(text):
    """The non-blank lines of ``text``, each without spaces at its ends.

    >>> lines("Title\\n\\n  First line.  \\nSecond.")
    ['Title', 'First line.', 'Second.']
    """
    return [line.strip() for line in text.splitlines() if line.strip()]


# --- numbers -------------------------------------------------------------------------------

SCALE_WORDS = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
               "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "m": 1_000_000,
               "k": 1_000}
CURRENCY_SIGNS = {"$": "USD", "\u00a3": "GBP", "\u20ac": "EUR"}


def to_number(text):
    """The value of a number written with digits: commas dropped, a decimal point kept.

    >>> to_number("2,100")
    2100
    >>> to_number("7.12")
    7.12
    """
    value = float(text.replace(",", ""))
    return int(value) if value == int(value) else value


def find_figures(text):
    """Every figure written with digits, in reading order, as a dictionary with:

    * "text": the figure as written, with its currency sign and scale word ("$4.2 million"),
      and both ends of a range ("8 to 12 percent", "120-150", "between 40 and 60");
    * "value" and "high": the number (scale applied) and a range's high end (else None);
    * "currency": "USD", "GBP", "EUR" or None; "percent": True for "%", "per cent", "percent";
    * "start" and "end": word positions, as ``find_phrases`` gives them.

    It does not judge: years, days of the month and names such as "AK-47" are figures here
    too; deciding which figures are amounts is your job.

    >>> [f["text"] for f in find_figures("About $4.2 million for 8 to 12 percent in 2019.")]
    ['$4.2 million', '8 to 12 percent', '2019']
    >>> find_figures("Between 40 and 60 volunteers came.")[0]["high"]
    60
    """
    spans = word_spans(text)
    found, index = [], 0
    while index < len(spans):
        low = _figure_at(text, spans, index)
        if low is None:
            index += 1
            continue
        first = index - 1 if index and spans[index - 1][0].lower() == "between" else index
        figure, index = _range_from(text, spans, first, index, low)
        found.append(figure)
    return found


def _figure_at(text, spans, index):
    """The figure that starts at word ``index`` as (value, currency, percent, scale, next
    word position, end char, high end of a range written in one word), or None."""
    word, first, last = spans[index]
    currency = CURRENCY_SIGNS.get(word[:1]) or CURRENCY_SIGNS.get(text[first - 1:first])
    digits = word[1:] if word[:1] in CURRENCY_SIGNS else word
    size = 0
    while size < len(digits) and (digits[size].isdigit() or digits[size] in ",."):
        size += 1
    number = digits[:size].rstrip(",.")
    if not number or not number[0].isdigit():
        return None
    rest = digits[len(number):].lower()
    end_char = last - len(rest)
    after, high, scale = index + 1, None, None
    if rest[:1] in ("-", "\u2013") and rest[1:2].isdigit():  # a range in one word: 120-150
        high_text = rest[1:].lstrip("$\u00a3\u20ac")
        if not all(char.isdigit() or char in ",." for char in high_text):
            return None
        high, end_char = to_number(high_text.rstrip(",.")), last
    elif rest in ("bn", "m", "k") and currency or rest == "bn":
        scale, end_char = SCALE_WORDS[rest], last
    elif rest == "%":
        end_char = last
    elif rest and rest[:1] not in ("-", "\u2013"):
        return None  # '19th', 'M4', '6:30': not a plain figure
    # (any other rest is a hyphenated word such as '10-year': the figure is '10')
    hyphenated = rest[:1] in ("-", "\u2013") and high is None
    if not hyphenated and not scale and after < len(spans) \
            and spans[after][0].lower() in SCALE_WORDS and len(spans[after][0]) > 2:
        scale, end_char = SCALE_WORDS[spans[after][0].lower()], spans[after][2]
        after += 1
    percent = rest == "%"
    following = [w.lower() for w, _, _ in spans[after:after + 2]]
    if following[:1] == ["percent"] or following == ["per", "cent"]:
        taken = 2 if following[0] == "per" else 1
        percent, end_char = True, spans[after + taken - 1][2]
        after += taken
    return _scaled(number, scale), currency, percent, scale, after, end_char, \
        (_scaled(str(high), scale) if high is not None else None)


def _scaled(number, scale):
    value = float(str(number).replace(",", "")) * (scale or 1)
    return int(value) if value == int(value) else value


def _range_from(text, spans, first, index, low):
    value, currency, percent, scale, after, end_char, high = low
    joiner = spans[after][0].lower() if after < len(spans) else ""
    if high is None and after + 1 < len(spans) and (joiner == "to" or (
            joiner == "and" and first < index)) and text[end_char:spans[after][1]].strip() == "":
        second = _figure_at(text, spans, after + 1)
        if second is not None and second[6] is None:
            high, high_currency, high_percent, high_scale, after, end_char, _ = second
            currency, percent = currency or high_currency, percent or high_percent
            if high_scale and not scale:
                value = _scaled(value, high_scale)
    start = spans[first][1]
    if text[start - 1:start] in CURRENCY_SIGNS:
        start -= 1
    return ({"text": text[start:end_char], "value": value, "high": high,
             "currency": currency, "percent": percent, "start": first, "end": after}, after)


# --- dates ---------------------------------------------------------------------------------

MONTH_NAMES = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTH_NAMES.update({name.lower(): number for number, name in enumerate(calendar.month_abbr)
                    if name})
MONTH_NAMES["sept"] = 9
WEEKDAY_NAMES = [name.lower() for name in calendar.day_name]


def parse_date(iso):
    """A date written as "YYYY-MM-DD", as a ``datetime.date``.

    >>> parse_date("2023-09-16")
    datetime.date(2023, 9, 16)
    """
    return datetime.date.fromisoformat(iso)


def span(start, end):
    """The answer format of 'When was "now"?': {"start": ..., "end": ...} as ISO text.

    >>> span(parse_date("2023-09-01"), parse_date("2023-09-30"))
    {'start': '2023-09-01', 'end': '2023-09-30'}
    """
    return {"start": start.isoformat() if start else None, "end": end.isoformat()}


def day_span(day):
    """One calendar day.

    >>> day_span(parse_date("2024-01-09"))
    {'start': '2024-01-09', 'end': '2024-01-09'}
    """
    return span(day, day)


def week_span(day):
    """The Monday-to-Sunday week that holds ``day``.

    >>> week_span(parse_date("2024-01-10"))
    {'start': '2024-01-08', 'end': '2024-01-14'}
    """
    monday = day - datetime.timedelta(days=day.weekday())
    return span(monday, monday + datetime.timedelta(days=6))


def month_span(year, month):
    """The whole calendar month.

    >>> month_span(2024, 2)
    {'start': '2024-02-01', 'end': '2024-02-29'}
    """
    last = calendar.monthrange(year, month)[1]
    return span(datetime.date(year, month, 1), datetime.date(year, month, last))


def year_span(year, last_year=None):
    """The whole calendar year (or years ``year`` to ``last_year``).

    >>> year_span(2019)
    {'start': '2019-01-01', 'end': '2019-12-31'}
    """
    return span(datetime.date(year, 1, 1), datetime.date(last_year or year, 12, 31))


def add_days(day, count):
    """``day`` moved ``count`` days (back when ``count`` is negative).

    >>> add_days(parse_date("2024-03-01"), -1)
    datetime.date(2024, 2, 29)
    """
    return day + datetime.timedelta(days=count)


def add_months(day, count):
    """``day`` moved ``count`` calendar months, the day kept inside the month's length.

    >>> add_months(parse_date("2024-05-31"), -3)
    datetime.date(2024, 2, 29)
    """
    index = day.year * 12 + day.month - 1 + count
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


def period(day, unit, step=0):
    """The calendar "day", "week", "month" or "year" that is ``step`` of them away from the
    one holding ``day`` (0: the one holding it; -1: the one before; 1: the one after).

    >>> period(parse_date("2024-01-10"), "month", -1)
    {'start': '2023-12-01', 'end': '2023-12-31'}
    >>> period(parse_date("2024-01-10"), "week", -1)
    {'start': '2024-01-01', 'end': '2024-01-07'}
    """
    if unit == "day":
        return day_span(add_days(day, step))
    if unit == "week":
        return week_span(add_days(day, 7 * step))
    if unit == "month":
        moved = add_months(day.replace(day=1), step)
        return month_span(moved.year, moved.month)
    return year_span(day.year + step)


def latest(today, month, day=None, before=False):
    """The most recent month (or date, with ``day``) of that name that is not after
    ``today``, as a span. With ``before=True`` it must also be before today's own month (or
    day): "last June", read in June, is the June of the year before.

    >>> latest(parse_date("2024-01-10"), 12, 28)
    {'start': '2023-12-28', 'end': '2023-12-28'}
    >>> latest(parse_date("2023-06-15"), 6, before=True)
    {'start': '2022-06-01', 'end': '2022-06-30'}
    >>> latest(parse_date("2023-03-01"), 2, 29)
    {'start': '2020-02-29', 'end': '2020-02-29'}
    """
    for year in range(today.year, today.year - 9, -1):
        if day is None:
            first = datetime.date(year, month, 1)
            if first <= today and not (before and (year, month) == (today.year, today.month)):
                return month_span(year, month)
        elif day <= calendar.monthrange(year, month)[1]:
            date = datetime.date(year, month, day)
            if date < today or (date == today and not before):
                return day_span(date)
    return None


def latest_weekday(today, name, before=False):
    """The most recent day of the week called ``name`` ("monday") not after ``today``, as a
    span; with ``before=True``, strictly before today.

    >>> latest_weekday(parse_date("2024-01-10"), "friday")
    {'start': '2024-01-05', 'end': '2024-01-05'}
    """
    back = (today.weekday() - WEEKDAY_NAMES.index(name)) % 7
    return day_span(add_days(today, -(back or (7 if before else 0))))


# --- quotation marks -----------------------------------------------------------------------

def quote_marks(line):
    """The quotation marks of one line, in order: (offset, kind, role) for each.

    ``kind`` is "double" or "single"; ``role`` is "open" or "close". A straight mark (" or ')
    opens after a space, an opening bracket or at the start of the line, and closes
    otherwise. A ’ or ' between two letters (it’s) or after a plural's s with no single
    quotation open (the 1990s’ end) is an apostrophe and is left out.

    >>> quote_marks("“Yes,” she said.")
    [(0, 'double', 'open'), (5, 'double', 'close')]
    >>> quote_marks("It’s ‘fine’.")
    [(5, 'single', 'open'), (10, 'single', 'close')]
    """
    marks, single_open = [], False
    for at, char in enumerate(line):
        before = line[at - 1] if at else " "
        after = line[at + 1] if at + 1 < len(line) else " "
        opens_here = before.isspace() or before in "([{\u2014\u2013-/"
        if char in "\u201c\u201d\"":
            role = "open" if char == "\u201c" or (char == '"' and opens_here) else "close"
            marks.append((at, "double", role))
        elif char == "\u2018" or (char == "'" and opens_here and after.isalpha()):
            marks.append((at, "single", "open"))
            single_open = True
        elif char in "\u2019'" and single_open and not (before.isalnum() and after.isalpha()) \
                and not before.isspace():
            marks.append((at, "single", "close"))
            single_open = False
    return marks


def pair_quotes(line):
    """Pair the quotation marks of one line: (pairs, strays).

    ``pairs`` lists (opening offset, closing offset) for each quotation, in reading order;
    ``strays`` lists the offsets of marks with no partner: a closing mark with nothing open,
    an opening mark met while one of its kind is still open, or one still open at the end.

    >>> pair_quotes("“Yes,” she said, “and ‘no’.")
    ([(0, 5), (22, 25)], [17])
    """
    pairs, strays, opened = [], [], {}
    for at, kind, role in quote_marks(line):
        if role == "open":
            if kind in opened:
                strays.append(opened[kind])
            opened[kind] = at
        elif kind in opened:
            pairs.append((opened.pop(kind), at))
        else:
            strays.append(at)
    return sorted(pairs), sorted(strays + list(opened.values()))
