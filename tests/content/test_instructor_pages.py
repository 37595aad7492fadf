"""The instructor pages: a timed lesson plan, the real commands, and the site's navigation."""

from __future__ import annotations

import re

import content_pages as cp
import pytest

from sourcewise.exercises.catalogue import EXERCISES

SESSION_MINUTES = 50
PLANNED_COMMANDS = (
    "sourcewise release --out",
    "sourcewise grade submissions --out",
    "--roster roster.csv",
    "--force",
    "sourcewise export gradescope --out autograder.zip",
    "sourcewise export classroom --out",
    "make serve",
    "make serve-instructor",
    "make build",
    "pytest exercises/test_",
)
NAV_ORDER = ("Home", "Case study", "Lessons", "Exercises", "Glossary", "Instructors")


@pytest.mark.parametrize("session", ["Session 1", "Session 2"])
def test_each_session_adds_up_to_fifty_minutes(session):
    """The activities of each session have whole-minute timings that sum to 50."""
    rows = cp.table_rows(cp.read("instructors/lesson-plan.md"), session)
    assert len(rows) >= 4, f"{session} needs a table of activities"
    for row in rows:
        assert row[0].isdigit(), f"{session}: {row[1]!r} has no minutes: {row[0]!r}"
        assert row[1], f"{session}: an activity of {row[0]} minutes has no name"
        assert row[2], f"{session}: {row[1]!r} does not say what to do"
    assert sum(int(row[0]) for row in rows) == SESSION_MINUTES


def test_lesson_plan_has_two_sessions_and_says_what_to_prepare_and_what_goes_wrong():
    """The plan has exactly two sessions, a preparation list and a list of common mistakes."""
    headings = [h for kind, h in cp.top_level_sequence(cp.read("instructors/lesson-plan.md")) if kind == "heading"]
    assert len([h for h in headings if h.startswith("Session ")]) == 2
    assert "What to prepare" in headings
    assert "Where students usually go wrong" in headings


def test_lesson_plan_sets_every_exercise():
    """Between them, the two sessions and the notes send students to all nine exercises."""
    targets = {path for path, _ in cp.relative_links("instructors/lesson-plan.md")}
    assert {e.page for e in EXERCISES} <= targets


def test_assign_page_gives_the_planned_commands():
    """The assign-grade-release page shows each planned command in a code example."""
    markdown = cp.read("instructors/assign-grade-release.md")
    code = "\n".join(re.findall(r"`([^`\n]+)`", markdown))
    code += "\n".join(re.findall(r"```[a-z]*\n(.*?)```", markdown, re.S))
    missing = [command for command in PLANNED_COMMANDS if command not in code]
    assert missing == []


def test_assign_page_names_every_grading_output():
    """The grading section names every file `sourcewise grade` writes, by its real name."""
    text = cp.read("instructors/assign-grade-release.md")
    for output in ("gradebook.csv", "gradebook-moodle.csv", "status.csv", "results.json",
                   "junit.xml", "feedback.md", "feedback.html", "analysis/index.html"):
        assert output in text, f"the page must say what {output} is"


def test_rubric_cites_the_discernment_research():
    """The rubric explains discernment scoring with the two studies behind it."""
    linked = cp.links(cp.read("instructors/rubric.md"))
    assert "https://eprints.soton.ac.uk/475360" in linked  # Modirrousta-Galian and Higham 2023
    assert "https://fis.uni-bamberg.de/handle/uniba/97934" in linked  # Leder et al. 2024


def test_rubric_covers_every_exercise():
    """The rubric's table has a row for each of the nine exercises."""
    targets = {path for path, _ in cp.relative_links("instructors/rubric.md")}
    assert {e.page for e in EXERCISES} <= targets


def _section(nav: list, title: str) -> list[str]:
    for entry in nav:
        if isinstance(entry, dict) and title in entry:
            return [next(iter(item.values())) if isinstance(item, dict) else item for item in entry[title]]
    raise AssertionError(f"mkdocs.yml has no {title!r} section")


def test_nav_lists_the_lessons_and_instructor_pages_in_order():
    """mkdocs.yml lists the lessons in reading order and the instructor pages in the planned order."""
    nav = cp.mkdocs_nav()
    assert _section(nav, "Lessons") == [cp.LESSON_INDEX, *cp.LESSONS]
    instructors = list(cp.INSTRUCTOR_PAGES)
    instructors.insert(instructors.index("instructors/assign-grade-release.md") + 1, cp.GRADING_REFERENCE)
    assert _section(nav, "Instructors") == instructors


def test_nav_sections_follow_the_planned_order():
    """Top-level sections appear in the order Home, Case study, Lessons, Exercises, Glossary, Instructors."""
    titles = [next(iter(entry)) for entry in cp.mkdocs_nav() if isinstance(entry, dict)]
    assert {"Home", "Lessons", "Instructors"} <= set(titles)
    assert [t for t in titles if t in NAV_ORDER] == [t for t in NAV_ORDER if t in titles]
