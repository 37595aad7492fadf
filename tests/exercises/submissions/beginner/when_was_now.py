"""A beginner's 'When was "now"?': a table of expressions, and textkit's calendar helpers."""

from textkit import MONTH_NAMES, month_span, parse_date, period, year_span

# Fixed expressions: (calendar unit, steps from the dateline's one).
STEPS = {"now": ("day", 0), "today": ("day", 0), "yesterday": ("day", -1),
         "tomorrow": ("day", 1), "this week": ("week", 0), "last week": ("week", -1),
         "next week": ("week", 1), "this month": ("month", 0), "last month": ("month", -1),
         "next month": ("month", 1), "this year": ("year", 0), "last year": ("year", -1),
         "next year": ("year", 1)}
COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# Small words in front of an expression that change nothing.
FILLERS = ["in", "on", "the", "during", "over"]


def resolve_time(expression, dateline):
    today = parse_date(dateline)
    words = [w for w in expression.lower().split() if w not in FILLERS]
    text = " ".join(words)
    if text in STEPS:
        return period(today, *STEPS[text])
    if len(words) == 3 and words[2] == "ago" and (words[0] in COUNTS or words[0].isdigit()):
        count = COUNTS.get(words[0]) or int(words[0])
        return period(today, words[1].rstrip("s"), -count)
    if text.isdigit() and len(text) == 4:
        return year_span(int(text))
    if text in MONTH_NAMES:
        month = MONTH_NAMES[text]
        return month_span(today.year if month <= today.month else today.year - 1, month)
    return None
