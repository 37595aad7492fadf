"""The item analysis as pictures: how each exercise went, the hardest items, the confusions.

Three SVG files an instructor can open in any browser or paste into slides. Every value is
also printed as text in the picture, and bars use both fill and pattern, so colour is never
the only signal.
"""

from __future__ import annotations

from sourcewise.exercises.catalogue import EXERCISES, PASS_FRACTION
from sourcewise.export.item_analysis import NOT_A_LABEL, Confusion, ExerciseStats, ItemStats
from sourcewise.export.svg import GRID, INK, MUTED, Svg, blend, ink_on, shorten
from sourcewise.labels import LABELS

_TITLES = {e.name: f"{e.number}. {e.title}" for e in EXERCISES}
_NUMBERS = {e.name: e.number for e in EXERCISES}
MEAN_FILL = "#0969da"
PASS_FILL = "#1a7f37"
HATCH = ('<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
         'patternTransform="rotate(45)"><rect width="6" height="6" fill="#1a7f37"/>'
         '<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/></pattern>'
         '</defs>')


def exercises_chart(stats: list[ExerciseStats]) -> str:
    """Two bars per exercise: the class's mean score, and the share of students passing."""
    left, bar_width, row = 250, 440, 46
    height = 110 + row * max(len(stats), 1)
    svg = Svg(900, height, "How the class did on each exercise",
              "For each exercise, the class's mean score and the share of students who "
              f"scored at least {PASS_FRACTION:.0%}. " + "; ".join(
                  f"{_TITLES.get(s.exercise, s.exercise)}: mean {s.mean_share:.0%}, "
                  f"{s.share_passing:.0%} passing" for s in stats))
    svg.raw(HATCH)
    svg.text(20, 30, "How the class did on each exercise", size=18, weight="bold")
    svg.rect(left, 48, 14, 14, fill=MEAN_FILL)
    svg.text(left + 20, 60, "mean score", fill=MUTED)
    svg.rect(left + 140, 48, 14, 14, fill="url(#hatch)", stroke=PASS_FILL)
    svg.text(left + 160, 60, f"share of students scoring at least {PASS_FRACTION:.0%}",
             fill=MUTED)
    top = 84
    for share in (0.0, 0.25, 0.5, 0.75, 1.0):
        x = left + bar_width * share
        svg.line(x, top - 6, x, top + row * len(stats), dashed=share not in (0.0, 1.0))
        svg.text(x, height - 12, f"{share:.0%}", size=11, anchor="middle", fill=MUTED)
    for index, s in enumerate(stats):
        y = top + row * index
        svg.text(left - 12, y + 24, shorten(_TITLES.get(s.exercise, s.exercise), 30),
                 anchor="end")
        svg.rect(left, y + 6, bar_width * s.mean_share, 15, fill=MEAN_FILL,
                 tooltip=f"mean score {s.mean_share:.0%}")
        svg.text(left + bar_width * s.mean_share + 6, y + 18, f"{s.mean_share:.0%} mean",
                 size=12)
        svg.rect(left, y + 24, bar_width * s.share_passing, 15, fill="url(#hatch)",
                 stroke=PASS_FILL, tooltip=f"{s.share_passing:.0%} passing")
        svg.text(left + bar_width * s.share_passing + 6, y + 36,
                 f"{s.share_passing:.0%} passing ({s.passing} of {s.students})", size=12)
    return svg.render()


def hardest(stats: list[ItemStats], count: int = 15, per_exercise: int = 4) -> list[ItemStats]:
    """The hardest items (``stats`` is hardest first), at most ``per_exercise`` from any one
    exercise, so that one hard exercise does not fill the picture."""
    chosen: list[ItemStats] = []
    taken: dict[str, int] = {}
    for item in stats:
        if taken.get(item.exercise, 0) < per_exercise and item.share_right < 1:
            chosen.append(item)
            taken[item.exercise] = taken.get(item.exercise, 0) + 1
        if len(chosen) == count:
            break
    return chosen


def hardest_items_chart(stats: list[ItemStats]) -> str:
    """The items the fewest students got right, with the most common wrong answer."""
    shown = hardest(stats)
    row, track = 62, 170
    height = 70 + row * max(len(shown), 1)
    svg = Svg(980, height, f"The {len(shown)} items the class found hardest",
              "Each row is one item (at most four per exercise): the share of students who "
              "got it right, the sentence, and the most common wrong answer. " + "; ".join(
                  f"{s.item_id} {s.share_right:.0%} right" for s in shown))
    svg.text(20, 30, f"The {len(shown)} items the class found hardest", size=18,
             weight="bold")
    svg.text(560, 30, "(at most four per exercise; all items are in items.csv)", size=12,
             fill=MUTED)
    if not shown:
        svg.text(20, 60, "Every graded item was answered right by everyone.", fill=MUTED)
    for index, s in enumerate(shown):
        y = 50 + row * index
        svg.rect(20, y + 8, track, 18, fill="#eaeef2", stroke=GRID)
        svg.rect(20, y + 8, track * s.share_right, 18, fill=MEAN_FILL,
                 tooltip=f"{s.right} of {s.answered} right")
        where = f" · Ex. {_NUMBERS.get(s.exercise, '?')}, {s.item_id}"
        if s.visibility == "hidden":
            where += " (hidden)"
        svg.text_runs(20 + track + 8, y + 22, [
            (f"{s.share_right:.0%} right ({s.right} of {s.answered})", "bold", INK),
            (where, "normal", MUTED)], size=12)
        svg.text(20, y + 42, shorten(s.text or s.description, 120), size=12, italic=True)
        wrong = s.most_common_wrong
        svg.text(20, y + 58, "Most common wrong answer: " + (
            f"{shorten(wrong[0], 60)} ({wrong[1]} student{'s' * (wrong[1] != 1)}); "
            f"expected {shorten(s.expected, 40)}" if wrong else "none"), size=12, fill=INK)
    return svg.render()


def confusion_chart(matrix: Confusion) -> str:
    """The six labels' confusion matrix as a heat map with the counts written in."""
    labels = [(label.id, label.tag, label.name) for label in LABELS]
    columns = [*labels, (NOT_A_LABEL, "NONE", "no valid label")]
    left, top, cell_w, cell_h, gap = 250, 120, 84, 52, 12
    width = left + cell_w * len(columns) + gap + 30
    height = top + cell_h * len(labels) + 120
    total = sum(matrix.counts.values())
    svg = Svg(width, height, "Which label the class gave, for each right label",
              "Rows are the right label, columns the label students gave; each cell gives "
              "the count and the share of its row. " + "; ".join(
                  f"{e} given as {g}: {matrix.counts[e, g]}"
                  for e, _, _ in labels for g, _, _ in columns if matrix.counts[e, g]))
    svg.text(20, 30, "Which label the class gave, for each right label", size=18,
             weight="bold")
    svg.text(20, 52, f"{total} answers to label items. Rows: the right label. Columns: the "
                     "label given. Outlined cells are right answers.", size=12, fill=MUTED)
    for col, (_, tag, _) in enumerate(columns):
        x = left + cell_w * col + (gap if col == len(labels) else 0)
        svg.text(x + cell_w / 2, top - 12, tag, size=12, anchor="middle", weight="bold")
    svg.text(left + cell_w * len(labels) / 2, top - 36, "label given", size=12,
             anchor="middle", fill=MUTED)
    for row, (expected, tag, name) in enumerate(labels):
        y = top + cell_h * row
        svg.text(left - 10, y + cell_h / 2 + 4, f"{name} ({tag})", size=12, anchor="end")
        row_total = matrix.row_total(expected)
        for col, (given, _, _) in enumerate(columns):
            x = left + cell_w * col + (gap if col == len(labels) else 0)
            count = matrix.counts[expected, given]
            share = count / row_total if row_total else 0.0
            right = given == expected
            svg.rect(x, y, cell_w, cell_h, fill=blend(share), stroke=INK if right else GRID,
                     stroke_width=3 if right else 1,
                     tooltip=f"{name} given as {given}: {count} ({share:.0%} of the row)")
            svg.text(x + cell_w / 2, y + 22, str(count), size=15, anchor="middle",
                     weight="bold", fill=ink_on(share))
            svg.text(x + cell_w / 2, y + 40, f"{share:.0%}" if row_total else "-", size=11,
                     anchor="middle", fill=ink_on(share))
    legend_y = top + cell_h * len(labels) + 30
    for index, (_, tag, name) in enumerate(columns):
        svg.text(20 + (index % 4) * 200, legend_y + (index // 4) * 20, f"{tag} = {name}",
                 size=11, fill=MUTED)
    return svg.render()
