"""A tiny document model rendered to Markdown and to HTML, so feedback is written once.

Student answers are hostile text: they may hold HTML, Markdown, backticks or control
characters. Both renderers escape every piece of text for their format, so nothing a
student returns can become markup; links are only written for ``http(s)`` or relative URLs.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_MD_LINE_START = re.compile(r"^(\s*(?:\d+)?)([#>+=-]|(?<=\d)[.)])")
# Control characters (they break terminals), and everything XML 1.0 cannot hold: lone
# surrogates, U+FFFE and U+FFFF (junit.xml and the HTML pages must parse).
_CONTROL = re.compile("[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SAFE_URL = re.compile(r"^(https?://|\.{0,2}/|[\w./-]+(#[\w-]*)?$)")


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Strong:
    text: str


@dataclass(frozen=True)
class Code:
    text: str


@dataclass(frozen=True)
class Link:
    text: str
    url: str


Inline = Text | Strong | Code | Link
Line = tuple[Inline, ...]


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    parts: Line


@dataclass(frozen=True)
class Bullets:
    items: tuple[Line, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[Line, ...]  # each row: one Inline per cell
    unbroken: frozenset[int] = frozenset()  # columns of short ids: never wrapped in HTML


@dataclass(frozen=True)
class Preformatted:
    text: str


Block = Heading | Paragraph | Bullets | Table | Preformatted


def clean(text: str) -> str:
    """Replace control characters and those XML cannot hold (lone surrogates, U+FFFE,
    U+FFFF) with U+FFFD: the text then encodes as UTF-8 and is valid in XML."""
    return _CONTROL.sub("\ufffd", text)


def _md_inline(part: Inline, in_table: bool = False) -> str:
    if isinstance(part, Code):
        text = clean(part.text).replace("\n", " \u21b5 ")
        if in_table:
            text = text.replace("|", "\\|")
        fence = "`" * (max((len(r) for r in re.findall(r"`+", text)), default=0) + 1)
        pad = " " if text.startswith("`") or text.endswith("`") or not text else ""
        return f"{fence}{pad}{text}{pad}{fence}"
    text = _MD_SPECIAL.sub(r"\\\1", clean(part.text)).replace("\n", " ")
    text = _MD_LINE_START.sub(r"\1\\\2", text)
    if isinstance(part, Strong):
        return f"**{text}**"
    if isinstance(part, Link) and _SAFE_URL.match(part.url):
        return f"[{text}](<{part.url}>)"
    return text


def _md_line(parts: Line, in_table: bool = False) -> str:
    return "".join(_md_inline(p, in_table) for p in parts)


def to_markdown(blocks: list[Block]) -> str:
    """Render ``blocks`` as CommonMark/GitHub Markdown."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            heading = _MD_SPECIAL.sub(r"\\\1", clean(block.text)).replace("\n", " ")
            out.append("#" * block.level + " " + heading)
        elif isinstance(block, Paragraph):
            out.append(_md_line(block.parts))
        elif isinstance(block, Bullets):
            out.append("\n".join("- " + _md_line(item) for item in block.items))
        elif isinstance(block, Table):
            rows = ["| " + " | ".join(block.header) + " |",
                    "|" + "---|" * len(block.header)]
            rows += ["| " + " | ".join(_md_line((cell,), True) for cell in row) + " |"
                     for row in block.rows]
            out.append("\n".join(rows))
        else:
            text = clean(block.text)
            fence = "`" * max(3, max((len(r) for r in re.findall(r"`+", text)), default=0) + 1)
            out.append(f"{fence}text\n{text}\n{fence}")
    return "\n\n".join(out) + "\n"


def _html_inline(part: Inline) -> str:
    text = html.escape(clean(part.text))
    if isinstance(part, Code):
        return f"<code>{text}</code>"
    if isinstance(part, Strong):
        return f"<strong>{text}</strong>"
    if isinstance(part, Link) and _SAFE_URL.match(part.url):
        return f'<a href="{html.escape(part.url, quote=True)}">{text}</a>'
    return text


def _html_line(parts: Line) -> str:
    return "".join(_html_inline(p) for p in parts)


def to_html_body(blocks: list[Block]) -> str:
    """Render ``blocks`` as HTML elements (the body of a page)."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append(f"<h{block.level}>{html.escape(clean(block.text))}</h{block.level}>")
        elif isinstance(block, Paragraph):
            out.append(f"<p>{_html_line(block.parts)}</p>")
        elif isinstance(block, Bullets):
            items = "".join(f"<li>{_html_line(item)}</li>" for item in block.items)
            out.append(f"<ul>{items}</ul>")
        elif isinstance(block, Table):
            head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in block.header)
            body = "".join("<tr>" + "".join(
                ('<td class="unbroken">' if i in block.unbroken else "<td>")
                + f"{_html_inline(c)}</td>" for i, c in enumerate(row)) + "</tr>"
                for row in block.rows)
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        else:
            out.append(f"<pre>{html.escape(clean(block.text))}</pre>")
    return "\n".join(out)


PAGE_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5;
       max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1b1f24; background: #fff; }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", monospace; background: #f6f8fa;
            border-radius: 4px; padding: 0 .2em; overflow-wrap: anywhere; }
pre { padding: .75rem; white-space: pre-wrap; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #d0d7de; padding: .3rem .6rem; text-align: left; vertical-align: top; }
td.unbroken { white-space: nowrap; }
a { color: #0550ae; }
a:focus, a:hover { outline: 2px solid #0550ae; outline-offset: 2px; }
"""


def to_html_page(title: str, body: str) -> str:
    """A complete, self-contained HTML page (no scripts) around ``body`` (trusted HTML)."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{html.escape(clean(title))}</title>\n<style>{PAGE_STYLE}</style>\n"
        "</head>\n<body>\n<main>\n" + body + "\n</main>\n</body>\n</html>\n"
    )
