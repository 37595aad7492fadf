"""``sourcewise grade SUBMISSIONS --out DIR``: grade a class, resumably, then write outputs.

A run (1) reads every submission (``intake``), (2) keeps every stored result that still
holds — same files, same checks, graded without error — unless ``--force``, (3) grades the
rest on the worker pool, each result saved atomically the moment it is known, and (4) writes
every output from the stored records alone, so a run that was killed and started again
writes exactly what an uninterrupted run writes.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sourcewise.batch.grader import GradingSetup, stage
from sourcewise.batch.intake import READY, Intake, IntakeError, Submission, scan
from sourcewise.batch.pool import PoolError, Task, WorkerPool
from sourcewise.batch.progress import Progress
from sourcewise.batch.project import Project, ProjectError
from sourcewise.batch.roster import RosterError, read_roster
from sourcewise.batch.store import Record, ResultStore
from sourcewise.export.class_results import Graded, parse_record
from sourcewise.export.outputs import OUTPUTS_NOTE, write_outputs
from sourcewise.grading.safe_text import terminal_text
from sourcewise.grading.site_url import SiteUrlError, command_site_url
from sourcewise.grading.spawned import spawn_only
from sourcewise.prerequisites import missing_bubblewrap


@dataclass(frozen=True)
class Plan:
    """What a run will do with each submission."""

    to_grade: tuple[Submission, ...]
    kept: int  # already graded with the same files and checks


def grade_command(args: argparse.Namespace) -> int:
    """Run ``sourcewise grade`` with parsed arguments; return the exit code."""
    started = time.monotonic()
    missing = missing_bubblewrap() if args.sandbox == "require" and not spawn_only() else None
    if missing:
        print(f"sourcewise grade: {missing}; or pass --sandbox auto to grade without it "
              "(weaker isolation, not for real grades)", file=sys.stderr)
        return 1
    if args.out.resolve().is_relative_to(args.submissions.resolve()):
        print("sourcewise grade: --out must not be inside SUBMISSIONS, or the next run would "
              "read the results as a student's submission", file=sys.stderr)
        return 1
    try:
        project = Project.locate(args.project)
        site_url = command_site_url(project.root, args.site_url, "sourcewise grade")
        setup = GradingSetup(str(project.root), not args.public_only, args.sandbox, site_url)
        checks_digest = project.checks_digest(setup.include_hidden, site_url)
        roster = read_roster(args.roster) if args.roster else None
        intake = scan(args.submissions, roster)
    except (ProjectError, SiteUrlError, RosterError, IntakeError) as error:
        print(terminal_text(f"sourcewise grade: {error}"), file=sys.stderr)
        return 1
    store = ResultStore(args.out)
    plan = make_plan(intake, store, checks_digest, args.force)
    parsed: dict[str, Graded] = {}
    try:
        grade_all(plan, store, setup, checks_digest, args.out, args.jobs, parsed)
    except PoolError as error:
        print(terminal_text(f"sourcewise grade: {error}"), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"sourcewise grade: interrupted; {len(store.keys())} results are kept in "
              f"{store.folder}: run the same command again to finish", file=sys.stderr)
        return 130
    records = [parsed[s.key].record if s.key in parsed else store.load(s.key)
               for s in intake.submissions]
    written = write_outputs([r for r in records if r is not None], args.out, args.columns,
                            args.jobs, parsed)
    print(summary(records, intake, plan, time.monotonic() - started, args.out, written),
          file=sys.stderr)
    if warning := unmatched_warning(intake, roster is not None):
        print(warning, file=sys.stderr)
    return 1 if any(r is None or r.status == "error" for r in records) else 0


def make_plan(intake: Intake, store: ResultStore, checks_digest: str, force: bool) -> Plan:
    """Store the final records of unreadable submissions; list what needs grading."""
    to_grade: list[Submission] = []
    kept = 0
    for submission in intake.submissions:
        record = pending_record(submission, checks_digest)
        stored = store.load(submission.key)
        if submission.status != READY:
            if stored != record:
                store.save(record)
        elif (not force and stored is not None and stored.status == "graded"
              and stored.submission_digest == submission.digest
              and stored.checks_digest == checks_digest):
            current = replace(stored, notes=submission.notes, student=submission.student,
                              message=submission.message)
            if current != stored:
                store.save(current)
            kept += 1
        else:
            to_grade.append(submission)
    return Plan(tuple(to_grade), kept)


def pending_record(submission: Submission, checks_digest: str) -> Record:
    """The record of a submission before grading (final for unreadable ones)."""
    return Record(key=submission.key, student=submission.student, origins=submission.origins,
                  status=submission.status, message=submission.message,
                  notes=submission.notes, submission_digest=submission.digest,
                  checks_digest=checks_digest)


def grade_all(plan: Plan, store: ResultStore, setup: GradingSetup, checks_digest: str,
              out: Path, jobs: int, parsed: dict[str, Graded] | None = None) -> None:
    """Grade the plan's submissions on the pool, with a progress line.

    ``parsed`` receives each graded submission's record as stored, read back and parsed
    while the pool grades the rest (the outputs are then written from it)."""
    if not plan.to_grade:
        return
    print(f"Grading {len(plan.to_grade)} submission{'s' * (len(plan.to_grade) != 1)} on "
          f"{min(jobs, len(plan.to_grade))} worker{'s' * (min(jobs, len(plan.to_grade)) != 1)}"
          + (f"; {plan.kept} already graded are kept" if plan.kept else ""), file=sys.stderr)
    staging = out / ".staging"
    shutil.rmtree(staging, ignore_errors=True)
    tasks = [Task(s.key, pending_record(s, checks_digest).to_json(), str(stage(s, staging)))
             for s in plan.to_grade]
    progress = Progress(len(tasks), workers=min(jobs, len(tasks)))

    def on_reply(task: Task, reply: dict[str, Any]) -> None:
        shutil.rmtree(task.staged, ignore_errors=True)
        progress.advance(problem=reply.get("status") == "error")
        if parsed is not None:
            record = store.load(task.key)  # saved atomically before the reply was sent
            if record is not None:
                parsed[task.key] = parse_record(record)

    def on_death(task: Task, reason: str) -> None:
        record = Record.from_json({**task.record, "status": "error",
                                   "message": f"{reason}; run again to retry"})
        store.save(record)
        on_reply(task, {"status": "error"})

    pool = WorkerPool(jobs, {"setup": setup.to_json(), "out": str(out)}, out / "logs")
    try:
        pool.run(tasks, on_reply, on_death, progress.tick)
    finally:
        progress.close()
        shutil.rmtree(staging, ignore_errors=True)


def unmatched_warning(intake: Intake, has_roster: bool) -> str:
    """One line when gradebook rows name students an LMS import cannot find, else ''."""
    unmatched = [s.student.id for s in intake.submissions
                 if s.status != "missing" and (s.off_roster or not s.student.matchable())]
    if not unmatched:
        return ""
    shown = ", ".join(unmatched[:3]) + (f" and {len(unmatched) - 3} more" if
                                        len(unmatched) > 3 else "")
    fix = ("add them to the roster or rename their entries to their login" if has_roster
           else "run again with --roster CLASS.csv (the class list exported from your LMS)")
    return (f"Warning: {len(unmatched)} gradebook row{'s' * (len(unmatched) != 1)} "
            f"({shown}) {'have' if len(unmatched) != 1 else 'has'} no login or id your LMS "
            f"can match, and an LMS import may reject the whole file: {fix}.")


def summary(records: list[Record | None], intake: Intake, plan: Plan, seconds: float,
            out: Path, written: list[Path]) -> str:
    """The end-of-run report: counts by status, speed, what was ignored, where outputs are."""
    statuses = Counter(r.status if r else "error" for r in records)
    graded_now = len(plan.to_grade)
    lines = [f"Graded {graded_now} submission{'s' * (graded_now != 1)} in {seconds:.1f} s"
             + (f" ({graded_now / seconds:.1f}/s)" if graded_now and seconds else "")
             + (f"; kept {plan.kept} already graded." if plan.kept else ".")]
    for status, count in sorted(statuses.items(), key=lambda item: (-item[1], item[0])):
        lines.append(f"  {status:<17}{count:>5}")
    problems = [r for r in records if r and r.status not in ("graded",)]
    for record in problems[:10]:
        lines.append(f"  - {record.student.id}: {record.status}: {record.message}")
    if len(problems) > 10:
        lines.append(f"  ... and {len(problems) - 10} more in {out / 'status.csv'}")
    if intake.ignored:
        lines.append(f"Ignored: {', '.join(intake.ignored)}")
    if statuses.get("error"):
        lines.append("Some submissions could not be graded (status 'error'): run the same "
                     "command again to retry them; logs are in " + str(out / "logs"))
    lines.append(f"Wrote {len(written)} files to {out}: {OUTPUTS_NOTE}")
    # Folder names and messages come from students: no escape sequence reaches the terminal.
    return "\n".join(terminal_text(line) for line in lines)
