"""Navigation changes that depend on the build: the answer key exists only for instructors."""

from __future__ import annotations

from typing import Any

from sourcewise.site.answer_key import PAGE as ANSWER_KEY

SECTION = "Instructors"
TITLE = "Answer key"


def with_answer_key(nav: list[Any] | None) -> list[Any] | None:
    """The nav with the answer key as the last page of the Instructors section.

    The section is created at the end of the nav if it does not exist. A nav of ``None``
    (MkDocs builds it from the files) is returned unchanged: the page appears by itself.
    """
    if nav is None:
        return None
    entry = {TITLE: ANSWER_KEY}
    result = []
    placed = False
    for item in nav:
        if isinstance(item, dict) and isinstance(item.get(SECTION), list) and not placed:
            item = {SECTION: [*item[SECTION], entry]}
            placed = True
        result.append(item)
    if not placed:
        result.append({SECTION: [entry]})
    return result
