"""A very small SVG writer: enough for accessible bar charts and a heat map, no dependency.

Every picture gets a ``<title>`` and a ``<desc>`` (read by screen readers) and all numbers
are written as text in the picture, so colour is never the only way to read it.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"
INK = "#1b1f24"
MUTED = "#57606a"
GRID = "#d0d7de"


class Svg:
    """An SVG document built element by element."""

    def __init__(self, width: float, height: float, title: str, description: str) -> None:
        self.width = width
        self.height = height
        self._parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:g}" height="{height:g}" '
            f'viewBox="0 0 {width:g} {height:g}" role="img" '
            'aria-labelledby="chart-title chart-desc">',
            f'<title id="chart-title">{escape(title)}</title>',
            f'<desc id="chart-desc">{escape(description)}</desc>',
            f'<rect width="{width:g}" height="{height:g}" fill="#ffffff"/>',
        ]

    def text(self, x: float, y: float, content: str, *, size: float = 13,
             anchor: str = "start", weight: str = "normal", fill: str = INK,
             italic: bool = False) -> None:
        style = ' font-style="italic"' if italic else ""
        self._parts.append(
            f'<text x="{x:.1f}" y="{y:.1f}" font-family={quoteattr(FONT)} '
            f'font-size="{size:g}" text-anchor="{anchor}" font-weight="{weight}" '
            f'fill="{fill}"{style}>{escape(content)}</text>')

    def rect(self, x: float, y: float, width: float, height: float, *, fill: str,
             stroke: str = "none", stroke_width: float = 1, tooltip: str = "") -> None:
        title = f"<title>{escape(tooltip)}</title>" if tooltip else ""
        self._parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(width, 0):.1f}" '
            f'height="{height:.1f}" fill="{fill}" stroke="{stroke}" '
            f'stroke-width="{stroke_width:g}">{title}</rect>')

    def line(self, x1: float, y1: float, x2: float, y2: float, *, stroke: str = GRID,
             dashed: bool = False) -> None:
        dash = ' stroke-dasharray="4 3"' if dashed else ""
        self._parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                           f'stroke="{stroke}"{dash}/>')

    def raw(self, markup: str) -> None:
        """Add trusted markup written by this package (patterns, groups)."""
        self._parts.append(markup)

    def render(self) -> str:
        return "\n".join([*self._parts, "</svg>"]) + "\n"


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def blend(share: float, low: str = "#f6f8fa", high: str = "#0a3069") -> str:
    """A colour between ``low`` (share 0) and ``high`` (share 1)."""
    share = min(max(share, 0.0), 1.0)
    channels = [round(int(low[i:i + 2], 16) + (int(high[i:i + 2], 16) - int(low[i:i + 2], 16))
                      * share) for i in (1, 3, 5)]
    return "#" + "".join(f"{c:02x}" for c in channels)


def ink_on(share: float) -> str:
    """Text colour readable on ``blend(share)``."""
    return "#ffffff" if share > 0.5 else INK
