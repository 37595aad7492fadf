"""Reference solution for the exercise 'When was "now"?'.

The method: tidy the expression (lower case; drop 'on', 'in', 'during', 'over', 'the' and
the fuzzy 'early', 'mid-' and 'late'), then try each pattern in turn. Every answer is the
stretch of calendar the expression points at, as {"start": ISO date, "end": ISO date}.

* 'now' and 'today' (the dateline itself), 'yesterday', 'tomorrow', and 'this / last / next' + day, week, month or year, and
  'N days / weeks / months / years ago': the calendar day, Monday-to-Sunday week, month or
  year that many steps from the one holding the dateline.
* A date without a year ('June 19'), a month without a year ('in June', 'last June') or a
  weekday ('on Monday', 'last Monday'): the most recent one that is not after the dateline.
  With 'last' it must also be before the dateline's own month (or day, for a weekday).
* A date, month or year with its year: that day, month or year; '1979-1989' runs from the
  first day of the first year to the last day of the second.
* 'the past N days / weeks / months / years / decades': from the dateline minus that much
  (the day clamped to the month's end, so 31 May minus 3 months is 29 February in a leap
  year) up to the dateline.
* 'recent months', 'recently', 'the past several years' and the like: the start cannot be
  known, so it is None; the end is the dateline.
"""

import calendar
import re
from datetime import date, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        start=1,
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30,
}
VAGUE_COUNTS = ("several", "few", "many", "some", "recent")
UNITS = ("day", "week", "month", "year", "decade")
MONTH = r"(?P<month>[a-z]+)\.?"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
YEAR = r"(?P<year>\d{4})"


def resolve_time(expression, dateline):
    """Return {"start": ..., "end": ...} for ``expression`` seen from ``dateline``, or None."""
    today = date.fromisoformat(dateline)
    words = _tidy(expression)
    for resolver in (_named_day, _relative_step, _ago, _calendar_date, _month, _weekday,
                     _past_span, _vague):
        span = resolver(words, today)
        if span is not None:
            start, end = span
            return {"start": start.isoformat() if start else None, "end": end.isoformat()}
    return None


def _tidy(expression):
    words = expression.lower().replace(",", " ").replace("mid-", "").split()
    while words and words[0] in ("on", "in", "during", "over", "the", "early", "late", "mid"):
        words = words[1:]
    return " ".join(words)


def _named_day(words, today):
    steps = {"now": 0, "today": 0, "yesterday": -1, "tomorrow": 1}
    if words in steps:
        return _period(today, "day", steps[words])
    return None


def _relative_step(words, today):
    match = re.fullmatch(r"(this|last|next) (day|week|month|year)", words)
    if match:
        step = {"this": 0, "last": -1, "next": 1}[match.group(1)]
        return _period(today, match.group(2), step)
    return None


def _ago(words, today):
    match = re.fullmatch(r"(\w+) (day|week|month|year|decade)s? ago", words)
    if match and _count(match.group(1)) is not None:
        count = _count(match.group(1))
        if match.group(2) == "decade":
            return _period(today, "year", -10 * count)
        return _period(today, match.group(2), -count)
    return None


def _calendar_date(words, today):
    match = (re.fullmatch(rf"{MONTH} {DAY}(?: {YEAR})?", words)
             or re.fullmatch(rf"{DAY} (?:of )?{MONTH}(?: {YEAR})?", words))
    if not match or match.group("month") not in MONTHS:
        return None
    month, day = MONTHS[match.group("month")], int(match.group("day"))
    if match.group("year"):
        years = [int(match.group("year"))]
    else:  # the most recent such date not after the dateline; 29 February may be 8 years back
        years = range(today.year, today.year - 9, -1)
    for year in years:
        if _exists(year, month, day) and (match.group("year") or date(year, month, day) <= today):
            return _one_day(date(year, month, day))
    return None


def _month(words, today):
    match = re.fullmatch(rf"(?P<last>last )?{MONTH}(?: {YEAR})?", words)
    if match and match.group("month") in MONTHS:
        month = MONTHS[match.group("month")]
        if match.group("year"):
            return _month_span(int(match.group("year")), month)
        year = today.year if month <= today.month else today.year - 1
        if match.group("last") and month == today.month:
            year -= 1
        return _month_span(year, month)
    years = re.fullmatch(r"(\d{4})(?:\s*[-–]\s*(\d{4}))?", words)
    if years:  # a year, or a span of years such as 1979-1989
        return date(int(years.group(1)), 1, 1), date(int(years.group(2) or years.group(1)), 12, 31)
    return None


def _weekday(words, today):
    match = re.fullmatch(r"(last )?(\w+)", words)
    if not match or match.group(2) not in WEEKDAYS:
        return None
    back = (today.weekday() - WEEKDAYS.index(match.group(2))) % 7
    if match.group(1) and back == 0:
        back = 7
    return _one_day(today - timedelta(days=back))


def _past_span(words, today):
    # 'the past year' (one unit) or 'the past three years'; 'the past years' is vague.
    match = (re.fullmatch(r"(?:past|last) ()(day|week|month|year|decade)", words)
             or re.fullmatch(r"(?:past|last) (\w+) (day|week|month|year|decade)s?", words))
    count = _count(match.group(1) or "one") if match else None
    if count is None:
        return None
    unit = match.group(2)
    if unit in ("day", "week"):
        start = today - timedelta(days=count * (7 if unit == "week" else 1))
    else:
        months = count * {"month": 1, "year": 12, "decade": 120}[unit]
        start = _shift_months(today, -months)
    return start, today


def _vague(words, today):
    counts, units = "|".join(VAGUE_COUNTS), "|".join(UNITS)
    vague = words in ("recently", "lately") or re.fullmatch(
        rf"(?:recent|past|last) (?:(?:{counts}) )?(?:{units})s", words
    )
    return (None, today) if vague else None


def _count(word):
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def _period(today, unit, step):
    """The calendar day, week, month or year ``step`` units away from the one holding today."""
    if unit == "day":
        return _one_day(today + timedelta(days=step))
    if unit == "week":
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=step)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        first = _shift_months(today.replace(day=1), step)
        return _month_span(first.year, first.month)
    year = today.year + step
    return date(year, 1, 1), date(year, 12, 31)


def _shift_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _month_span(year, month):
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _one_day(day):
    return day, day


def _exists(year, month, day):
    return 1 <= day <= calendar.monthrange(year, month)[1]
