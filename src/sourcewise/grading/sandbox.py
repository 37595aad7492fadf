"""Choosing how workers start on this machine: bubblewrap or the fallback, and which Python.

``plan_sandbox`` runs once per process (the result is cached): it ends what graders killed
while bwrap was starting left behind (``leftovers``), takes a uid slot when root, then
probes candidates by starting a real worker on an empty submission, so a broken sandbox is
reported as the grader's problem, never as the student's. The interpreter tried first is
the system Python when it has the running Python's version, then the running Python, then
the system Python whatever its version.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import sys
import tempfile
import time

from sourcewise.grading.channel import ChannelClosed, ChannelError, ChannelTimeout
from sourcewise.grading.launch import HELLO, enable_subreaper, start_worker
from sourcewise.grading.leftovers import end_orphaned_sandboxes_once
from sourcewise.grading.plan import BASE_UID, MODES, Limits, SandboxPlan, SandboxUnavailable
from sourcewise.grading.slots import acquire_slot
from sourcewise.grading.spawned import spawn_only
from sourcewise.grading.submission import remove_orphaned_staging
from sourcewise.prerequisites import missing_bubblewrap

__all__ = ["Limits", "SandboxPlan", "SandboxUnavailable", "plan_sandbox", "probe"]


def _candidates(python: str | None) -> list[tuple[str, bool]]:
    """Interpreters to try, each with "only if it is the running Python's version".

    The system Python comes first when it has the same major.minor version as the one
    running pytest (so students' code meets the same language): it needs no extra bind
    and, built with PGO, it starts faster than most self-built ones. Then the running
    Python itself, then the system one whatever its version.
    """
    if python:
        return [(python, False)]
    base = os.path.realpath(getattr(sys, "_base_executable", None) or sys.executable)
    system = os.path.realpath("/usr/bin/python3")
    found: list[tuple[str, bool]] = []
    for path, same_version in ((system, True), (base, False), (system, False)):
        if os.path.isfile(path) and path not in [known for known, _ in found]:
            found.append((path, same_version))
    return found


def _binds_for(python: str) -> tuple[str, ...]:
    """Read-only paths bwrap must add for ``python`` to run (none when it lives in /usr)."""
    if python.startswith("/usr/"):
        return ()
    prefix = os.path.realpath(sys.base_prefix)
    if python.startswith(prefix + os.sep) and prefix != "/":
        return (prefix,)
    return (os.path.dirname(os.path.dirname(python)),)


def probe(plan: SandboxPlan, limits: Limits, timeout: float = 10.0) -> str:
    """Start a worker on an empty submission; return its Python version or raise why not."""
    staging = tempfile.mkdtemp(prefix="sourcewise-probe-")
    os.chmod(staging, 0o755)
    process = None
    try:
        process = start_worker(plan, staging, limits)
        try:
            hello = process.reader.read(time.monotonic() + timeout)
        except (ChannelClosed, ChannelError, ChannelTimeout) as exc:
            process.kill()
            tail = process.output_tail().strip().splitlines()
            raise SandboxUnavailable(
                tail[-1] if tail else f"the worker did not start ({type(exc).__name__})"
            ) from None
        if hello.get("hello") != HELLO or "error" in hello:
            raise SandboxUnavailable(str(hello.get("error", "the worker did not say hello")))
        if plan.uid is not None and hello.get("uid") != plan.uid:
            raise SandboxUnavailable("the worker did not switch to the sandbox uid")
        return str(hello.get("python", "?"))
    except OSError as exc:
        raise SandboxUnavailable(f"{type(exc).__name__}: {exc}") from None
    finally:
        if process is not None:
            process.close()
        shutil.rmtree(staging, ignore_errors=True)


_plans: dict[tuple[object, ...], SandboxPlan] = {}


def _spawn_plan(mode: str, python: str | None, limits: Limits) -> SandboxPlan:
    """Where there is no fork and no rlimits (Windows): a spawned worker with wall-clock
    limits only, for a student checking their own work; never for grading (require)."""
    if mode == "require":
        raise SandboxUnavailable(
            "grading needs the bubblewrap sandbox, which needs Linux: grade on a Linux "
            "machine (WSL works) or on Gradescope; students can check their own work here")
    key = ("spawn", python, limits)
    if key not in _plans:
        candidate = python or os.path.realpath(getattr(sys, "_base_executable", None)
                                               or sys.executable)
        trial = SandboxPlan("spawn", candidate, "", (), None, None, None)
        version = probe(trial, limits)
        _plans[key] = dataclasses.replace(trial, python_version=version, warning=(
            "WARNING: this system has no os.fork or resource limits, so student code runs "
            "in a spawned process with time limits only, WITHOUT memory limits or any "
            "isolation of files or network (grade on Linux with --sandbox=require)."))
    return _plans[key]


def plan_sandbox(mode: str, slot: int | None, python: str | None, limits: Limits) -> SandboxPlan:
    """Choose and test how to start workers; cached for the life of the process."""
    if mode not in MODES:
        raise SandboxUnavailable(f"--sandbox must be one of {', '.join(MODES)}, not {mode!r}")
    if spawn_only():
        return _spawn_plan(mode, python, limits)
    if mode != "process":
        end_orphaned_sandboxes_once()  # left by graders killed while bwrap was starting
    remove_orphaned_staging()  # copies of submissions left by graders that were killed
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    if root:
        slot = acquire_slot(slot)
    uid = BASE_UID + slot if root and slot is not None else None
    key = (mode, slot, python, limits)
    if key in _plans:
        return _plans[key]
    reasons: list[str] = []
    kinds = ["process"] if mode == "process" else ["bubblewrap", "process"]
    if mode == "require":
        kinds = ["bubblewrap"]
    plan = None
    for kind in kinds:
        if kind == "bubblewrap" and shutil.which("bwrap") is None:
            reasons.append("bubblewrap (bwrap) is not installed")
            continue
        running = ".".join(map(str, sys.version_info[:2]))
        for candidate, same_version in _candidates(python):
            trial = SandboxPlan(kind, candidate, "", _binds_for(candidate) if
                                kind == "bubblewrap" else (), uid, slot, None)
            try:
                version = probe(trial, limits)
            except SandboxUnavailable as exc:
                reasons.append(f"{kind} with {candidate}: {exc}")
                continue
            if same_version and not (version + ".").startswith(running + "."):
                continue
            plan = dataclasses.replace(trial, python_version=version)
            break
        if plan is not None:
            break
        if mode == "require":
            break
    if plan is None or (mode == "require" and plan.kind != "bubblewrap"):
        missing = missing_bubblewrap()
        raise SandboxUnavailable("no sandbox could start: " + "; ".join(reasons) + (
            f"; {missing}" if missing else
            ". Grading needs bubblewrap with namespaces (install the bubblewrap package; in "
            "a container, allow namespaces, e.g. Docker's --cap-add SYS_ADMIN or "
            "--privileged); --sandbox auto grades without isolation instead"
            if mode == "require" else ""))
    if plan.kind == "process":
        enable_subreaper()
        why = reasons[0] if reasons else "--sandbox=process was chosen"
        plan = dataclasses.replace(plan, warning=(
            f"WARNING: {why}, so student code runs in a separate limited process "
            "WITHOUT file-system or network isolation (install bubblewrap; use "
            "--sandbox=require when grading)."
        ))
    _plans[key] = plan
    return plan
