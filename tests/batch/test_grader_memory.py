"""The grader's own cost is bounded: answers of 1 MB a call are cut before they are kept,
and a grading process that grew past its limit is replaced after the submission it was
grading (issue 14, kind 6)."""

from __future__ import annotations

import json
from pathlib import Path

from toy_project import submission_files, write_project

from sourcewise.batch.grader import GradingSetup
from sourcewise.batch.pool import Task, WorkerPool
from sourcewise.batch.roster import Student
from sourcewise.batch.store import Record
from sourcewise.exercises.catalogue import EXERCISES
from sourcewise.grading.bounds import TEXT_CHARS, VALUE_CHARS
from sourcewise.grading.checks import Grade

# Every call returns almost 1 MB (the channel's cap), a different string each time.
AMPLIFY = '''
import random


def label(text):
    return random.choice("abcdef") * 1000 * 1000
'''
MB = 2**20


def staged(tmp_path: Path, kinds: list[str]) -> list[Task]:
    tasks = []
    for index, kind in enumerate(kinds):
        folder = tmp_path / "staging" / f"s{index}"
        folder.mkdir(parents=True)
        files = submission_files("correct") if kind == "correct" else {
            f"{e.name}.py": AMPLIFY for e in EXERCISES}
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        record = Record(key=f"s{index}", student=Student.unlisted(f"s{index}"),
                        origins=(f"s{index}",), status="ready")
        tasks.append(Task(f"s{index}", record.to_json(), str(folder)))
    return tasks


def grade(tmp_path: Path, kinds: list[str], **config) -> tuple[list[dict], WorkerPool]:
    project = write_project(tmp_path / "project")
    out = tmp_path / "out"
    setup = GradingSetup(str(project), True, "require")
    pool = WorkerPool(1, {"setup": setup.to_json(), "out": str(out), **config}, out / "logs")
    replies: list[dict] = []
    pool.run(staged(tmp_path, kinds), lambda task, reply: replies.append(reply),
             lambda task, reason: replies.append({"key": task.key, "status": "died"}))
    return replies, pool


def test_three_amplifying_submissions_cost_the_grader_little_memory_and_disk(tmp_path):
    """Over three 1-MB-answer submissions in one batch, the grading process stays far below
    its limit, each stored record is small, and the next student finds the baseline."""
    replies, pool = grade(tmp_path, ["correct", "amplify", "amplify", "amplify", "correct"])
    assert [r["status"] for r in replies] == ["graded"] * 5
    peak = max(r["peak"] for r in replies)
    print(f"grader resident memory after each student: {[r['rss'] // MB for r in replies]} "
          f"MB; peak: {peak // MB} MB")
    assert peak < 120 * MB  # 156 MB before the answers were cut (1.2 GB on the real checks)
    assert replies[-1]["rss"] < replies[0]["rss"] + 32 * MB
    stored = [len((tmp_path / "out" / "results" / f"s{i}.json").read_bytes()) for i in range(5)]
    assert max(stored) < 2 * MB, stored


def test_a_process_past_its_limit_is_replaced_and_no_submission_is_lost(tmp_path):
    """With a tiny limit every submission recycles its process; all are still graded once."""
    replies, pool = grade(tmp_path, ["correct"] * 3, recycle_bytes=1)
    assert sorted(r["key"] for r in replies) == ["s0", "s1", "s2"]
    assert {r["status"] for r in replies} == {"graded"}
    assert pool.recycled >= 2


def test_a_kept_answer_or_explanation_is_cut_and_says_its_length():
    """A 1 MB answer and an explanation quoting it are kept as short texts with their length."""
    grade = Grade()
    huge = ["x" * 1000] * 1000
    grade.item("i1", correct=False, expected="a", got=huge, why=f"not {huge!r}", text="t")
    (item,) = grade.items
    assert len(json.dumps(item.got)) < VALUE_CHARS + 100
    assert "characters in all" in item.got
    assert len(item.why) < TEXT_CHARS + 100
    small = Grade()
    small.item("i2", correct=True, expected=["a"], got=["a", "b"], why="ok", text="t")
    assert small.items[0].got == ["a", "b"]
