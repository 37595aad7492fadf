"""A very small SVG writer: enough for accessible bar charts and a heat map, no dependency.

Every picture gets a ``<title>`` and a ``<desc>`` (read by screen readers) and all numbers
are written as text in the picture, so colour is never the only way to read it.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from sourcewise.grading.display import cut_at_word

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

    def text_runs(self, x: float, y: float, runs: list[tuple[str, str, str]], *,
                  size: float = 13) -> None:
        """One line of text in runs of ``(content, weight, fill)``, each starting where the
        one before ends, so runs never overlap however wide the font draws them."""
        spans = "".join(f'<tspan font-weight="{weight}" fill="{fill}">{escape(content)}'
                        "</tspan>" for content, weight, fill in runs)
        self._parts.append(f'<text x="{x:.1f}" y="{y:.1f}" font-family={quoteattr(FONT)} '
                           f'font-size="{size:g}">{spans}</text>')

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
    return text if len(text) <= limit else cut_at_word(text, limit - 1).rstrip() + "\u2026"


def _mix(t: float, low: str = "#f6f8fa", high: str = "#0a3069") -> str:
    """The colour a share ``t`` of the way from ``low`` to ``high``."""
    channels = [round(int(low[i:i + 2], 16) + (int(high[i:i + 2], 16) - int(low[i:i + 2], 16))
                      * t) for i in (1, 3, 5)]
    return "#" + "".join(f"{c:02x}" for c in channels)


def _luminance(colour: str) -> float:
    """WCAG relative luminance of a ``#rrggbb`` colour."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i:i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


WHITE = "#ffffff"
# Mid tones on which neither ink nor white text reaches 4.5:1 are skipped: shares up to one
# half get light shades with ink, larger shares dark shades with white.
_STEPS = [i / 400 for i in range(401)]
_LIGHT_END = max(t for t in _STEPS if contrast(INK, _mix(t)) >= 4.5)
_DARK_START = min(t for t in _STEPS if contrast(WHITE, _mix(t)) >= 4.5)


def blend(share: float) -> str:
    """The fill for ``share`` (0 to 1): light to dark, readable under ``ink_on(share)``."""
    share = min(max(share, 0.0), 1.0)
    if share <= 0.5:
        return _mix(share * 2 * _LIGHT_END)
    return _mix(_DARK_START + (share - 0.5) * 2 * (1 - _DARK_START))


def ink_on(share: float) -> str:
    """The text colour for ``blend(share)``."""
    return INK if share <= 0.5 else WHITE
