"""Every output is written from the one result model, in the format its reader expects."""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
from model_builders import HIDDEN_SENTENCE, check, label_items, result_for

from sourcewise.batch.roster import Student
from sourcewise.batch.store import Record
from sourcewise.export.class_results import load_class, parse_record
from sourcewise.export.document import to_markdown
from sourcewise.export.feedback import check_blocks
from sourcewise.export.gradebook import write_gradebook, write_status
from sourcewise.export.gradescope_results import results_json
from sourcewise.export.junit import write_junit
from sourcewise.export.outputs import write_outputs
from sourcewise.grading.results import ItemResult


def rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


def test_gradebook_has_canvas_columns_and_a_points_possible_row(class_records, tmp_path):
    """Canvas's identity columns, one column per exercise, 'Points Possible', blank = ungraded."""
    path = write_gradebook(load_class(class_records), tmp_path / "gradebook.csv")
    table = rows(path)
    assert table[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section",
                        "Sourcewise 3: Who says so?", "Sourcewise 4: How sure are they?"]
    assert table[1] == ["    Points Possible", "", "", "", "", "5", "4"]
    assert table[2] == ["Smith, Alice", "101", "S1", "asmith", "A", "5", "4"]
    assert table[3] == ["bob", "", "", "bob", "", "1", "0"]
    assert table[4] == ["carol", "", "", "carol", "", "", ""]


def test_the_moodle_copy_has_no_points_possible_row(class_records, tmp_path):
    """The Moodle gradebook is the Canvas one without the 'Points Possible' row."""
    write_outputs(class_records, tmp_path)
    canvas = rows(tmp_path / "gradebook.csv")
    moodle = rows(tmp_path / "gradebook-moodle.csv")
    assert moodle == [canvas[0], *canvas[2:]]


def test_gradebook_can_hold_one_total_column(class_records, tmp_path):
    """With columns='total' the gradebook has one Sourcewise total column."""
    table = rows(write_gradebook(load_class(class_records), tmp_path / "g.csv", "total"))
    assert table[0][5:] == ["Sourcewise (total)"]
    assert table[1][5:] == ["9"]
    assert [r[5] for r in table[2:]] == ["9", "1", ""]


def test_status_file_says_what_happened_to_everyone(class_records, tmp_path):
    """status.csv lists each student's status, points, message and notes."""
    table = rows(write_status(load_class(class_records), tmp_path / "status.csv"))
    by_student = {r[0]: dict(zip(table[0], r, strict=True)) for r in table[1:]}
    assert by_student["carol"]["status"] == "rejected"
    assert "outside its folder" in by_student["carol"]["message"]
    assert by_student["bob"]["points"] == "1"
    assert "second copy" in by_student["bob"]["notes"]


def test_spreadsheet_formulas_in_names_are_defused(class_records, tmp_path):
    """A student id that starts like a formula is written as text, not as a formula."""
    from dataclasses import replace

    evil = replace(class_records[2], student=replace(class_records[2].student,
                                                     id="=HYPERLINK(1)", name="=HYPERLINK(1)"))
    table = rows(write_status(load_class([evil]), tmp_path / "status.csv"))
    assert table[1][0] == "'=HYPERLINK(1)"


def test_gradescope_results_follow_the_specification(class_records):
    """results.json has score, execution_time, output and tests with every required field."""
    students = load_class(class_records).students
    bob = results_json(students[1])
    assert bob["score"] == 1.0
    assert bob["execution_time"] == 2
    assert sum(t["score"] for t in bob["tests"]) == bob["score"]
    for test in bob["tests"]:
        assert set(test) >= {"name", "score", "max_score", "status", "output", "visibility"}
        assert test["status"] in ("passed", "failed")
        assert test["visibility"] in ("visible", "hidden", "after_due_date", "after_published")
    assert [t["visibility"] for t in bob["tests"]] == ["visible", "after_published", "visible"]
    assert [t["number"] for t in bob["tests"]] == ["3.1", "3.2", "4.1"]
    json.dumps(bob)


def test_an_ungraded_submission_gets_a_visible_reason_and_what_to_do(class_records):
    """Not graded (here an unsafe zip): score 0 with one visible test that says why and
    what to do, not a bare 0 with no tests."""
    carol = results_json(load_class(class_records).students[2])
    assert carol["score"] == 0.0
    (test,) = carol["tests"]
    assert test["visibility"] == "visible"
    assert test["status"] == "failed"
    assert test["score"] == 0.0
    for text in (test["output"], carol["output"]):
        assert text.startswith("Not graded, so no points yet: the zip holds a path that "
                               "points outside its folder.")
        assert "submit again" in text


def test_with_hidden_checks_the_output_gives_only_the_points_a_student_sees_now(
        class_records):
    """Gradescope hides the total while tests are hidden; the output line must not give it
    away: it gives the visible checks' points and says the rest come with publication."""
    alice = results_json(load_class(class_records).students[0])
    assert alice["output"].startswith(
        "Checks you can see now: 7 of 7 points. 1 more check, worth 2 points, show with your "
        "total once your instructor publishes the grades.")
    assert "9" not in alice["output"].split("\n")[0]


def test_hidden_checks_never_show_their_sentences_or_hints(class_records, tmp_path):
    """Feedback and Gradescope output give a hidden check's score, never its items or hint."""
    write_outputs(class_records, tmp_path)
    for name in ("feedback.md", "feedback.html", "results.json"):
        text = (tmp_path / "students" / "bob" / name).read_text(encoding="utf-8")
        assert "June" not in text, name
        assert "Secret hint" not in text, name
        assert "you got 0 of 1 of its items right" in text, name
    assert HIDDEN_SENTENCE in (tmp_path / "analysis" / "items.csv").read_text()


def test_feedback_teaches_like_the_local_checks(class_records, tmp_path):
    """A missed public item shows its sentence, expected answer, the student's answer, why."""
    write_outputs(class_records, tmp_path)
    text = (tmp_path / "students" / "bob" / "feedback.md").read_text(encoding="utf-8")
    assert "Total: 1 of 9 points (11%)." in text
    assert "| Sentence 1. | `'sourced_fact'` |" in text
    assert "## 3. Who says so? — 1 of 5 points" in text
    assert "Because sourced\\_fact." in text
    assert "**Hint:** Look for who says so." in text
    assert "syntax error on line 3" in text
    assert "ignored a second copy" in text
    assert "[the page exercises/who\\_says\\_so](<http://127.0.0.1:8000/exercises/who_says_so/>)" \
        in text



def test_a_lesson_link_names_the_exercise_page_it_opens():
    """A failed check links to its exercise page by the exercise's number and title."""
    failed = check("who_says_so", "test_labels", "failed", 0.0, 3, reason="Wrong.",
                   lesson="exercises/who-says-so.md#hints")
    text = to_markdown(check_blocks(failed))
    assert "[Exercise 3: Who says so?](<http://127.0.0.1:8000/exercises/who_says_so/>)" in text

def test_hostile_answers_cannot_become_markup(class_records, tmp_path):
    """HTML, Markdown and links in a student's answer are escaped in both formats."""
    write_outputs(class_records, tmp_path)
    page = (tmp_path / "students" / "bob" / "feedback.html").read_text(encoding="utf-8")
    markdown_text = (tmp_path / "students" / "bob" / "feedback.md").read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert 'href="javascript' not in page
    rendered = markdown.markdown(markdown_text, extensions=["tables"])
    assert "<script>" not in rendered
    assert "&lt;script&gt;" in rendered
    assert 'href="javascript' not in rendered


def test_junit_xml_counts_failures_errors_and_ungraded(class_records, tmp_path):
    """JUnit: failed checks are failures; not gradable and unreadable submissions errors."""
    root = ET.parse(write_junit(load_class(class_records), tmp_path / "junit.xml")).getroot()
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("7", "2", "2")
    bob = root.find("testsuite[@name='bob']")
    assert bob.find("properties/property[@name='points']").get("value") == "1"
    failure = bob.find("testcase[@name='test_labels']/failure")
    assert "2 of 3 sentences" in failure.get("message")
    assert bob.find("testcase[@name='test_finds_hedges']/error").get("type") == "not gradable"
    carol = root.find("testsuite[@name='carol']/testcase/error")
    assert carol.get("type") == "rejected"


def test_item_analysis_finds_the_hard_items_and_the_confusions(class_records, tmp_path):
    """items.csv puts the hardest item first; confusion.csv counts expected vs given."""
    written = write_outputs(class_records, tmp_path)
    items = rows(tmp_path / "analysis" / "items.csv")
    header, first = items[0], dict(zip(items[0], items[1], strict=True))
    assert header[0] == "exercise"
    shares = [float(r[header.index("share_right")]) for r in items[1:]]
    assert shares == sorted(shares)
    assert shares[-1] == 1.0
    assert first["share_right"] == "0.500"
    assert first["item"] == "h0"
    assert first["most_common_wrong_answer"] == "'sourced_fact'"
    matrix = {r[0]: r[1:] for r in rows(tmp_path / "analysis" / "confusion.csv")}
    columns = matrix.pop("expected \\ answered")
    framing_row = dict(zip(columns, matrix["framing"], strict=True))
    assert framing_row["framing"] == "3"  # alice twice (public + hidden), bob once
    assert framing_row["sourced_fact"] == "1"  # bob's hidden answer
    sourced = dict(zip(columns, matrix["sourced_fact"], strict=True))
    assert sourced["not a label"] == "1"  # bob's hostile answer
    assert sourced["framing"] == "0"
    assert sourced["sourced_fact"] == "1"
    for name in ("exercises.svg", "hardest-items.svg", "confusion.svg"):
        svg = ET.parse(tmp_path / "analysis" / name).getroot()
        ns = "{http://www.w3.org/2000/svg}"
        assert svg.find(f"{ns}title").text
        assert svg.find(f"{ns}desc").text
    assert tmp_path / "analysis" / "index.html" in written



def test_item_ids_and_shares_are_never_wrapped_in_the_analysis_page(class_records, tmp_path):
    """In the hardest-items table an id like "pt-01" (no break at its hyphen) and a share
    stay on one line; the sentence column still wraps."""
    write_outputs(class_records, tmp_path)
    page = (tmp_path / "analysis" / "index.html").read_text(encoding="utf-8")
    assert "td.unbroken { white-space: nowrap; }" in page
    row = re.search(r"<tr>(<td[^>]*>[^<]*</td>){2}", page.split("hardest items")[1])
    assert row, page
    cells = re.findall(r"<td([^>]*)>([^<]*)</td>", row[0])
    assert cells[0] == ("", "3")  # exercise
    assert cells[1] == (' class="unbroken"', "h0")  # item id

def test_cue_analysis_counts_the_phrases_students_missed(tmp_path):
    """cues.csv counts, per cue, how many answers missed it (phrase lists and source cues)."""
    def hedges(got: list[str] | None) -> ItemResult:
        expected = ["reportedly", "appear to"]
        return ItemResult("h1", got == expected, expected, got, None, "",
                          "Officials reportedly appear to agree.")

    def source(got: dict | None) -> ItemResult:
        expected = {"source": "The mayor", "cue": ["said", "told"]}
        right = got is not None and got["cue"] in ("said", "told")
        return ItemResult("s1", right, expected, got, None, "", "The mayor said so.")

    answers = [(["Reportedly", "appear to"], {"source": "The mayor", "cue": "told"}),
               (["reportedly"], None),
               ([], {"source": "The mayor", "cue": "claimed"})]
    records = []
    for number, (found, credited) in enumerate(answers):
        result = result_for([
            check("how_sure", "test_hedges", "passed", 1.0, 1, items=[hedges(found)]),
            check("who_says_so", "test_sources", "passed", 1.0, 1, items=[source(credited)]),
        ])
        records.append(Record(f"s{number}", Student.unlisted(f"s{number}"), (), "graded",
                              result=result))
    write_outputs(records, tmp_path)
    cues = {row[1]: row for row in rows(tmp_path / "analysis" / "cues.csv")[1:]}
    assert cues["appear to"][2:4] == ["3", "2"]
    assert cues["reportedly"][2:4] == ["3", "1"]
    assert cues["said"][2:4] == ["3", "2"]
    assert rows(tmp_path / "analysis" / "cues.csv")[1][1] == "appear to"
    page = (tmp_path / "analysis" / "index.html").read_text(encoding="utf-8")
    assert "cues missed most" in page


def test_outputs_written_in_parallel_equal_those_written_in_one_process(class_records,
                                                                       tmp_path):
    """The forked writers produce exactly the files one process writes."""
    from dataclasses import replace

    records = [replace(r, key=f"{r.key}{n}", student=replace(r.student, id=f"{r.key}{n}"))
               for n in range(3) for r in class_records]
    serial = write_outputs(records, tmp_path / "one", jobs=1)
    parallel = write_outputs(records, tmp_path / "two", jobs=2)
    names = sorted(p.relative_to(tmp_path / "one") for p in serial)
    assert names == sorted(p.relative_to(tmp_path / "two") for p in parallel)
    assert len(names) == len(set(names)) == 9 * 3 + 4 + 8  # students, class, analysis
    for name in names:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_outputs_from_records_parsed_beforehand_are_the_same(class_records, tmp_path):
    """``sourcewise grade`` parses each record while the rest are graded: the outputs are
    byte for byte those written from the records alone; a parsed student is reused when its
    record is the very one given, and parsed again otherwise."""
    plain, early = tmp_path / "plain", tmp_path / "early"
    write_outputs(class_records, plain)
    parsed = {r.key: parse_record(r) for r in class_records}
    stale = class_records[0]
    parsed[stale.key] = parse_record(Record.from_json({**stale.to_json(), "status": "error"}))
    given = [stale, *(parsed[r.key].record for r in class_records[1:])]
    write_outputs(given, early, parsed=parsed)
    files = sorted(p.relative_to(plain) for p in plain.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(early) for p in early.rglob("*") if p.is_file())
    for name in files:
        assert (plain / name).read_bytes() == (early / name).read_bytes(), name
    students = load_class(given, parsed).students
    (again,) = [g for g in students if g.record.key == stale.key]
    assert again.result is not None
    assert all(g is parsed[g.record.key] for g in students if g.record.key != stale.key)


def test_a_parsed_class_holds_each_result_once_and_its_repeated_text_once():
    """A parsed record drops the result's JSON (the objects replace it), and an item's
    sentence and explanation are one string shared by every student's result."""
    first, second = (parse_record(r) for r in records_as_read_from_disk())
    assert first.record.result is None
    assert first.result is not None
    one, other = first.result.checks[0].items[0], second.result.checks[0].items[0]
    assert one.text is other.text
    assert one.why is other.why


def records_as_read_from_disk() -> list[Record]:
    """Two students' records as two reads from disk give them: equal sentences and
    explanations, held in separate strings."""
    result = result_for([check("who_says_so", "test_labels", "failed", 0.5, 2, items=label_items(
        ["framing", "framing"], ["framing", "sourced_fact"]))])
    return [Record(key, Student.unlisted(key), (key,), "graded",
                   result=json.loads(json.dumps(result))) for key in ("ann", "ben")]
