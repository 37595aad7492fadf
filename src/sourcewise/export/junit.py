"""The class's results as one JUnit XML file (one ``testsuite`` per student).

For graders and CI dashboards, so it shows everything, hidden checks included: a failed check
is a ``failure``, a check that could not be graded (or a submission that could not be read)
an ``error``, a check skipped for a failed dependency ``skipped``. Scores ride along as
properties.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from sourcewise.export.class_results import ClassResults, Graded, format_points
from sourcewise.export.document import clean
from sourcewise.grading.display import show
from sourcewise.grading.failures import MISSING


def _suite(graded: Graded) -> ET.Element:
    record = graded.record
    suite = ET.Element("testsuite", name=clean(record.student.id))
    properties = ET.SubElement(suite, "properties")
    for name, value in (("status", record.status), ("key", record.key),
                        ("points", format_points(graded.points or 0.0)),
                        ("max_points", format_points(graded.result.max_points
                                                     if graded.result else 0.0))):
        ET.SubElement(properties, "property", name=name, value=clean(value))
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    if graded.result is None:
        case = ET.SubElement(suite, "testcase", classname=clean(record.student.id),
                             name="submission", time="0")
        ET.SubElement(case, "error", message=clean(record.message), type=clean(record.status))
        counts.update(tests=1, errors=1)
    for check in graded.checks():
        counts["tests"] += 1
        case = ET.SubElement(suite, "testcase", name=clean(check.name),
                             time=f"{check.duration:.3f}",
                             classname=clean(f"{record.student.id}.{check.exercise}"))
        detail = clean("\n".join(filter(None, [
            f"points {format_points(check.points)} of {format_points(check.max_points)}",
            check.reason,
            f"expected {show(check.expected)}" if check.expected is not MISSING else "",
            f"got {show(check.got)}" if check.got is not MISSING else "",
            *(f"missed {i.id}: expected {show(i.expected, 80)}, got "
              f"{i.got_error or show(i.got, 80)}" for i in check.items if not i.correct),
            check.details,
        ])))
        if check.status == "failed":
            counts["failures"] += 1
            ET.SubElement(case, "failure", message=clean(check.reason), type="failed").text = \
                detail
        elif check.status == "not gradable":
            counts["errors"] += 1
            ET.SubElement(case, "error", message=clean(check.reason),
                          type="not gradable").text = detail
        elif check.status == "skipped":
            counts["skipped"] += 1
            ET.SubElement(case, "skipped", message=clean(check.reason))
        else:
            ET.SubElement(case, "system-out").text = detail
    for name, value in counts.items():
        suite.set(name, str(value))
    suite.set("time", f"{record.seconds:.3f}")
    return suite


def write_junit(results: ClassResults, path: Path) -> Path:
    """Write ``junit.xml`` for the whole class."""
    root = ET.Element("testsuites", name="sourcewise")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for graded in results.students:
        suite = _suite(graded)
        for name in totals:
            totals[name] += int(suite.get(name, "0"))
        root.append(suite)
    for name, value in totals.items():
        root.set(name, str(value))
    root.set("time", f"{sum(g.record.seconds for g in results.students):.3f}")
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return path
