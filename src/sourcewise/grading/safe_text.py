"""Making text and values a student produced safe to store, show and export.

A student's code controls every string it returns, prints or raises, and the names of
their files and folders. Each output has characters it cannot hold or must not pass on:

* UTF-8 files (JSON results, the store, CSV, Markdown): lone surrogates ("\\udcff", from a
  string the student built or a file name that is not UTF-8) cannot be encoded at all;
  ``clean_text`` turns each into U+FFFD and leaves everything else as it was.
* JSON data: besides text, integers too long for ``json`` (4300 digits and more) and
  floats JSON has no word for (NaN, infinity). ``clean_data`` makes any value plain,
  finite, bounded JSON data; ``dump_json`` always returns text every JSON reader takes.
* XML 1.0 (``junit.xml``): only tab, newline, carriage return and the ranges
  U+0020-U+D7FF, U+E000-U+FFFD and U+10000 up; ``xml_text`` replaces the rest.
* Terminals: escape sequences can erase lines and print fake ones, bidirectional
  controls can reorder what is shown; ``terminal_text`` shows every control character
  as a visible escape such as ``\\x1b``.
* Spreadsheets: a cell starting with ``=``, ``+``, ``-``, ``@`` (or their full-width
  forms), a tab or a line break can run as a formula; ``csv_cell`` puts a ``'`` before it.
"""

from __future__ import annotations

import json
import math
import re

# Integers above this many bits are not numbers a check can use (about 19 digits): the
# worker refuses them, and stored or exported data shows them as text.
MAX_INT_BITS = 64
MAX_DEPTH = 200  # nesting kept in stored data; deeper is shown as text
REPLACEMENT = "\ufffd"

_XML_INVALID = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# C0 and C1 controls (tab and newline kept where asked), DEL, and the Unicode format
# characters that reorder or hide text: bidi embeddings, overrides and isolates, line
# and paragraph separators.
_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e"
                       "\u2066-\u2069\ufeff\ufff9-\ufffb]")
_TERMINAL_LINES = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e"
                             "\u2066-\u2069\ufeff\ufff9-\ufffb]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d",
                 "\uff20")


def clean_text(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (a pair of surrogate code
    points becomes the character they stand for); unchanged when it is valid already."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


def describe_int(value: int) -> str:
    """A short description of an integer too large to store as a number."""
    digits = int(value.bit_length() * 0.30103) + 1
    sign = "a negative " if value < 0 else "an "
    return f"({sign}integer of about {digits:,} digits)"


def clean_data(value: object, depth: int = 0) -> object:
    """``value`` as plain JSON data any reader takes: text cleaned (``clean_text``), keys
    made strings, integers of more than ``MAX_INT_BITS`` bits and non-finite floats shown
    as text, tuples as lists, nesting deeper than ``MAX_DEPTH`` and other objects as their
    description."""
    kind = type(value)
    if value is None or kind is bool:
        return value
    if isinstance(value, str):
        return clean_text(str.__str__(value))
    if isinstance(value, int):
        value = int(value)
        return value if value.bit_length() <= MAX_INT_BITS else describe_int(value)
    if isinstance(value, float):
        value = float(value)
        return value if math.isfinite(value) else repr(value)
    if depth >= MAX_DEPTH:
        return "(nested too deeply to keep)"
    if isinstance(value, (list, tuple)):
        return [clean_data(item, depth + 1) for item in value]
    if isinstance(value, dict):
        return {(clean_text(key) if type(key) is str else _key_text(key)):
                clean_data(item, depth + 1) for key, item in value.items()}
    return clean_text(_repr(value))


def _key_text(key: object) -> str:
    if isinstance(key, int) and not isinstance(key, bool) and key.bit_length() > MAX_INT_BITS:
        return describe_int(key)
    return clean_text(str(key) if isinstance(key, (int, float, bool)) or key is None
                      else _repr(key))


def _repr(value: object) -> str:
    try:
        return repr(value)
    except Exception:  # a huge int inside, a broken __repr__
        return f"({type(value).__name__} object)"


def dump_json(data: object, **options: object) -> str:
    """``json.dumps(data, ensure_ascii=False, allow_nan=False, **options)``, the data
    cleaned first when it needs it, so the text always encodes as UTF-8 and parses."""
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False, **options)
        text.encode("utf-8")
    except (UnicodeEncodeError, ValueError, TypeError, RecursionError):
        text = json.dumps(clean_data(data), ensure_ascii=False, allow_nan=False, **options)
    return text


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 cannot hold replaced by U+FFFD."""
    return _XML_INVALID.sub(REPLACEMENT, text)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_text(text: str, *, newlines: bool = False) -> str:
    """``text`` safe to print on a terminal: control and bidi characters shown as escapes
    (``\\x1b``), lone surrogates as U+FFFD. With ``newlines`` a line break is kept;
    without, it is shown as ``\\x0a`` (one output line stays one line)."""
    pattern = _TERMINAL if newlines else _TERMINAL_LINES
    return pattern.sub(_visible, clean_text(text))


def csv_cell(text: str) -> str:
    """A text cell a spreadsheet will not run as a formula: cleaned, and a ``'`` put
    before a cell whose first visible character starts a formula."""
    text = clean_text(text)
    first = text.lstrip(" \u00a0\u3000")[:1]
    return "'" + text if first and first in FORMULA_START else text
