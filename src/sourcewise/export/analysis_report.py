"""Write the class item analysis folder: CSV tables, SVG pictures and a page that shows both.

``analysis/index.html`` is the place to start: the three pictures, then the hardest items
and the cues missed most as tables. The CSV files hold every number for a spreadsheet.
"""

from __future__ import annotations

from pathlib import Path

from sourcewise.exercises.catalogue import EXERCISES
from sourcewise.export.class_results import ClassResults
from sourcewise.export.document import (
    Heading,
    Paragraph,
    Table,
    Text,
    to_html_body,
    to_html_page,
)
from sourcewise.export.item_analysis import (
    confusion,
    cue_stats,
    exercise_stats,
    item_stats,
    write_confusion_csv,
    write_cue_csv,
    write_exercise_csv,
    write_item_csv,
)
from sourcewise.export.item_charts import (
    confusion_chart,
    exercises_chart,
    hardest_items_chart,
)

PICTURES = {
    "exercises.svg": "How the class did on each exercise",
    "hardest-items.svg": "The items the class found hardest",
    "confusion.svg": "Which label the class gave, for each right label",
}
TABLE_ROWS = 40
_NUMBERS = {e.name: e.number for e in EXERCISES}


def write_analysis(results: ClassResults, folder: Path) -> list[Path]:
    """Write the item analysis of ``results`` into ``folder``; return the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    items = item_stats(results)
    exercises = exercise_stats(results)
    matrix = confusion(results)
    cues = cue_stats(results)
    written = [
        write_item_csv(items, folder / "items.csv"),
        write_cue_csv(cues, folder / "cues.csv"),
        write_exercise_csv(exercises, folder / "exercises.csv"),
        write_confusion_csv(matrix, folder / "confusion.csv"),
    ]
    for name, text in (("exercises.svg", exercises_chart(exercises)),
                       ("hardest-items.svg", hardest_items_chart(items)),
                       ("confusion.svg", confusion_chart(matrix))):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    graded = sum(g.result is not None for g in results.students)
    pictures = "".join(
        f'\n<figure><img src="{name}" alt="{title}: the same numbers are in the table '
        f'below and in the CSV files"></figure>'
        for name, title in PICTURES.items())
    blocks = [
        Heading(1, "Class item analysis"),
        Paragraph((Text(f"{graded} graded submissions of {len(results.students)}. The "
                        "numbers behind every picture are in items.csv, cues.csv, "
                        "exercises.csv and confusion.csv next to this page."),)),
    ]
    rows = tuple((Text(f"{_NUMBERS.get(s.exercise, '?')}"), Text(s.item_id),
                  Text(s.text or s.description), Text(f"{s.share_right:.0%}"),
                  Text(s.most_common_wrong[0] if s.most_common_wrong else ""),
                  Text(s.expected)) for s in items[:TABLE_ROWS])
    cue_rows = tuple((Text(f"{_NUMBERS.get(c.exercise, '?')}"), Text(c.cue),
                      Text(f"{c.missed} of {c.expected} ({c.share_missed:.0%})"),
                      Text(c.example)) for c in cues[:TABLE_ROWS] if c.missed)
    table = [Heading(2, f"The {len(rows)} hardest items"),
             Table(("Exercise", "Item", "Sentence", "Right", "Most common wrong answer",
                    "Expected"), rows, unbroken=frozenset({1, 3})),
             Heading(2, f"The {len(cue_rows)} cues missed most"),
             Table(("Exercise", "Cue", "Missed", "For example in"), cue_rows)]
    page = folder / "index.html"
    body = to_html_body(blocks) + pictures + "\n" + to_html_body(table)
    page.write_text(to_html_page("Class item analysis", body), encoding="utf-8")
    written.append(page)
    return written
