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


def without_page(nav: list[Any] | None, page: str) -> list[Any] | None:
    """The nav with every entry for ``page`` removed (a page this build does not make).

    A case study without a tracing activity has no "Trace it yourself" page, so its entry
    in mkdocs.yml is dropped rather than left as a broken link.
    """
    if nav is None:
        return None
    result: list[Any] = []
    for item in nav:
        if item == page:
            continue
        if isinstance(item, dict):
            kept = {}
            for title, value in item.items():
                if value == page:
                    continue
                kept[title] = without_page(value, page) if isinstance(value, list) else value
            if kept:
                result.append(kept)
            continue
        result.append(item)
    return result
