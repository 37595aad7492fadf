"""Benchmark: `sourcewise grade` against the naive way, in the same run.

    .venv/bin/python benchmarks/grading.py [--submissions 200] [--naive-sample 40]
                                           [--jobs N] [--burners] [--attack-costs]

It writes N synthetic submissions of all nine exercises, a seeded mix of correct (the
reference solutions), partial (per exercise a solution, a partial, a hard-coded or a
trivial fixture from tests/exercises/submissions/), broken (a syntax error, an untouched
starter, a missing file) and adversarial ones (exiting or crashing at import or in a call,
lying objects, output floods, fork bombs, network access, snooping on files). Attacks that
burn their limits on every call (endless loops, memory hogs, disk crawls) cost those
limits whatever the grader does: they join the mix only with --burners, and
--attack-costs times one submission of each attack on its own. Then it grades:

(a) naively: one `python -m pytest` process per submission, with --sandbox=process (the
    engine's plain worker process, no bubblewrap), for a stratified sample;
(b) with `sourcewise grade SUBMISSIONS --out DIR --jobs N` (bubblewrap sandbox required),
    all N submissions, end to end (reading, grading, every output file).

It prints submissions per second for both, their ratio, whether the submissions graded
both ways got the same points, and where the time goes per submission: the CPU each kind
of submission costs the engine alone (graded again in one process), what the batch adds,
the floor (the calls the checks make to a correct submission, replayed in a fresh bare
interpreter: what the student's own code costs with no grading at all) and a profile of
the engine grading correct submissions.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import json
import marshal
import os
import platform
import pstats
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from sourcewise.batch.project import Project
from sourcewise.exercises.catalogue import EXERCISES

ROOT = Path(__file__).resolve().parents[1]

NAMES = [e.name for e in EXERCISES]
KINDS = ("correct", "partial", "broken", "adversarial")
WEIGHTS = (0.4, 0.25, 0.2, 0.15)

# Appended to an exercise file: replaces every public function of the module.
HOSTILE = '''

def _hostile(*args, **kwargs):
{body}

for _name, _value in list(globals().items()):
    if callable(_value) and not _name.startswith("_") and \\
            getattr(_value, "__module__", None) == __name__:
        globals()[_name] = _hostile
'''
ATTACKS = {
    "exit in a call": "    import os\n    os._exit(0)",
    "lying object": "    class Liar:\n        def __eq__(self, other):\n            return True\n"
                    "    return Liar()",
    "output flood": "    print('x' * 10_000_000)\n    return None",
    "fork bomb": "    import os\n    for _ in range(64):\n        try:\n            os.fork()\n"
                 "        except OSError:\n            break\n    return None",
    "network": "    import socket\n    socket.create_connection(('127.0.0.1', 22), timeout=1)\n"
               "    return None",
    "snooping": "    import os\n    seen = sorted(os.listdir('/')) + sorted(os.environ)\n"
                "    for path in ('/etc/shadow', '/root/.bashrc', '/proc/1/environ'):\n"
                "        try:\n            seen.append(open(path).read(200))\n"
                "        except OSError:\n            pass\n    return seen",
}
# Attacks that burn their time or memory limits on every call: each costs its limits
# whatever the grader, so they are measured one by one and mixed in only with --burners.
BURNERS = {
    "endless loop": "    while True:\n        pass",
    "memory hog": "    hoard = []\n    while True:\n        hoard.append(bytearray(10**7))",
    "disk crawl": "    import glob\n    return len(glob.glob('/**/*', recursive=True))",
}
IMPORT_ATTACKS = {"exit at import": "\nraise SystemExit(0)\n",
                  "crash at import": "\nimport os\nos._exit(1)\n"}


def attack_code(attack: str) -> str:
    """What an attack appends to an exercise file."""
    if attack in IMPORT_ATTACKS:
        return IMPORT_ATTACKS[attack]
    return HOSTILE.format(body={**ATTACKS, **BURNERS}[attack])


def build_submissions(project: Project, folder: Path, count: int, seed: int,
                      burners: bool) -> dict[str, str]:
    """Write ``count`` submissions into ``folder``; return their kinds by name."""
    rng = random.Random(seed)
    solutions = {n: project.solution(n).read_text(encoding="utf-8") for n in NAMES}
    starters = {n: project.starter(n).read_text(encoding="utf-8") for n in NAMES}
    fixtures = {}
    for kind in ("partial", "hardcoded", "trivial"):
        for name in NAMES:
            path = project.root / "tests" / "exercises" / "submissions" / kind / f"{name}.py"
            if path.is_file():
                fixtures.setdefault(name, []).append(path.read_text(encoding="utf-8"))
    attacks = [*ATTACKS, *IMPORT_ATTACKS, *(BURNERS if burners else ())]
    kinds: dict[str, str] = {}
    for index in range(count):
        kind = rng.choices(KINDS, WEIGHTS)[0]
        files = dict(solutions)
        if kind == "partial":
            for name in NAMES:
                files[name] = rng.choice([solutions[name], *fixtures.get(name, [])])
        elif kind == "broken":
            broken, untouched, missing = rng.sample(NAMES, 3)
            files[broken] = files[broken].replace("def ", "def (", 1)
            files[untouched] = starters[untouched]
            del files[missing]
        elif kind == "adversarial":
            name = rng.choice(NAMES)
            attack = rng.choice(attacks)
            files[name] += attack_code(attack)
            kind = f"adversarial ({attack})"
        student = folder / f"s{index:04d}"
        student.mkdir(parents=True)
        for name, text in files.items():
            (student / f"{name}.py").write_text(text, encoding="utf-8")
        kinds[student.name] = kind
    return kinds


def sample(kinds: dict[str, str], size: int, seed: int) -> list[str]:
    """A sample with every kind in proportion (stratified)."""
    rng = random.Random(seed)
    by_kind: dict[str, list[str]] = {}
    for name, kind in kinds.items():
        by_kind.setdefault(kind.split(" (")[0], []).append(name)
    chosen: list[str] = []
    for names in by_kind.values():
        share = max(1, round(size * len(names) / len(kinds)))
        chosen += rng.sample(names, min(share, len(names)))
    return sorted(chosen)


def children_cpu() -> float:
    """CPU seconds used so far by finished child processes (and their children)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def grade_naively(project: Project, submissions: Path, names: list[str],
                  results: Path) -> tuple[float, dict[str, float]]:
    """One `python -m pytest` per submission; return the time and each one's points."""
    checks = [str(p) for p in project.check_files(include_hidden=True)]
    results.mkdir(parents=True)
    points: dict[str, float] = {}
    started = time.perf_counter()
    for name in names:
        target = results / f"{name}.json"
        subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--submission",
             str(submissions / name), "--sandbox", "process", "--results-json", str(target),
             *checks],
            cwd=project.root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            timeout=600, check=False)
        if target.exists():
            points[name] = json.loads(target.read_text(encoding="utf-8"))["points"]
    return time.perf_counter() - started, points


def grade_with_sourcewise(project: Project, submissions: Path, out: Path,
                          jobs: int) -> tuple[float, dict[str, float], str]:
    """`sourcewise grade`, end to end; return the time, points and its summary."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "sourcewise.cli", "grade", str(submissions), "--out", str(out),
         "--project", str(project.root), "--jobs", str(jobs), "--sandbox", "require"],
        capture_output=True, text=True, timeout=3600, check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1) or not (out / "status.csv").exists():
        sys.exit(f"sourcewise grade failed:\n{done.stderr[-3000:]}")
    with (out / "status.csv").open(encoding="utf-8", newline="") as stream:
        points = {row["student"]: float(row["points"]) for row in csv.DictReader(stream)
                  if row["points"]}
    return seconds, points, done.stderr.strip().splitlines()[-1]


def record_sizes(out: Path) -> str:
    """What the result store keeps: per student record, and the shared item sets."""
    sizes = sorted(path.stat().st_size for path in (out / "results").glob("*.json"))
    shared = sum(path.stat().st_size for path in (out / "results" / "items").glob("*.json"))
    if not sizes:
        return "no records"
    return (f"{len(sizes)} records, median {sizes[len(sizes) // 2] / 1000:.1f} KB, mean "
            f"{sum(sizes) / len(sizes) / 1000:.1f} KB, largest {sizes[-1] / 1000:.0f} KB; "
            f"item sets {shared / 1000:.0f} KB once")


def cpu_by_kind(project: Project, folder: Path, kinds: dict[str, str],
                ) -> tuple[list[str], float]:
    """Grade every submission again with the engine alone, in one session in this process,
    and say how much CPU each kind costs: the sandboxed worker's (bubblewrap and the
    student's Python, reaped before the next submission starts) and this process's.
    Returns the table's lines and the CPU milliseconds per submission over all."""
    from sourcewise.grading.api import GradingOptions, grade_stream

    checks = project.check_files(include_hidden=True)
    names = list(kinds)
    costs: dict[str, list[tuple[float, float]]] = {}
    clock = [cpu_seconds()]

    def on_result(result: object) -> None:
        now = cpu_seconds()
        index = len(clock) - 2  # the first result is the warm-up (collection)
        if index >= 0:
            kind = kinds[names[index]]
            costs.setdefault(kind, []).append((now[0] - clock[-1][0], now[1] - clock[-1][1]))
        clock.append(now)

    grade_stream([folder / names[0], *(folder / name for name in names)], checks,
                 GradingOptions(sandbox="require"), on_result=on_result)
    rows = sorted(costs.items(), key=lambda kv: (kv[0].split(" (")[0] != "correct", kv[0]))
    rows.append(("all", [cost for _, kind_costs in rows for cost in kind_costs]))
    lines = [f"  {'kind':<34}{'count':>6}{'sandbox':>9}{'grader':>8}{'total':>8}"]
    total = 0.0
    for kind, kind_costs in rows:
        worker = sum(c[1] for c in kind_costs) / len(kind_costs) * 1000
        grader = sum(c[0] for c in kind_costs) / len(kind_costs) * 1000
        total = worker + grader  # the last row is "all"
        lines.append(f"  {kind:<34}{len(kind_costs):>6}{worker:>9.0f}{grader:>8.0f}"
                     f"{total:>8.0f}")
    return lines, total


def cpu_seconds() -> tuple[float, float]:
    """CPU seconds used so far by this process, and by its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime, children_cpu()


def where_time_goes(project: Project, submissions: list[Path]) -> list[str]:
    """Time the engine grading ``submissions`` in one session, in this process, then split
    that time by a profile of the same work (the profiler's own overhead is scaled out)."""
    from sourcewise.grading.api import GradingOptions, grade_submissions

    checks = project.check_files(include_hidden=True)
    options = GradingOptions(sandbox="require")
    started = time.perf_counter()
    grade_submissions(submissions[:1], checks, options)
    single = time.perf_counter() - started
    started = time.perf_counter()
    results = grade_submissions(submissions, checks, options)
    per = len(submissions)
    total = (time.perf_counter() - started) / per
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    grade_submissions(submissions, checks, options)
    profile.disable()
    scale = total / ((time.perf_counter() - started) / per)
    stats = pstats.Stats(profile).stats

    def cumulative(file_end: str, function: str) -> tuple[int, float]:
        for (file, _, name), (_, calls, _, cum, _) in stats.items():
            if file.endswith(file_end) and name == function:
                return calls, cum * scale / per
        return 0, 0.0

    trips, in_trips = cumulative("grading/proxy.py", "_request")
    starts, in_starts = cumulative("grading/proxy.py", "_start")
    _, in_closing = cumulative("grading/proxy.py", "close")
    calls = sum(len(check.items) for check in results[0].checks)
    checks_each = len(results[0].checks)
    rest = total - in_trips - in_starts - in_closing
    return [
        f"  one submission alone in a fresh pytest session: {single * 1000:.0f} ms "
        "(start-up and collection; each grading process of the batch pays it once)",
        f"  per submission in a long session: {total * 1000:.0f} ms, of which about",
        f"    {trips / per:.0f} round trips to the sandbox (loads, single calls and batches "
        f"of calls; {calls} items graded): {in_trips * 1000:.0f} ms, the student's code "
        "running included",
        f"    {starts / per:.1f} sandbox start: {in_starts * 1000:.0f} ms; closing it: "
        f"{in_closing * 1000:.0f} ms",
        f"    the checks, the plugin and pytest for {checks_each} checks: "
        f"{rest * 1000:.0f} ms ({rest / checks_each * 1000:.2f} ms per check)",
    ]


# Runs in a bare `python3 -I -S` (the sandbox's interpreter): loads the student's modules
# the way the worker does (compile the source, run it) and makes every recorded call.
REPLAY = """
import marshal, sys
with open(sys.argv[1], "rb") as stream:
    folder, requests = marshal.load(stream)
modules = {}
for request in requests:
    name = request["module"]
    if name not in modules:
        path = folder + "/" + name + ".py"
        with open(path, "rb") as source:
            code = compile(source.read(), path, "exec", dont_inherit=True)
        modules[name] = module = type(sys)(name)
        sys.modules[name] = module
        exec(code, module.__dict__)
    if request["op"] == "load":
        continue
    function = getattr(modules[name], request["function"])
    for args in request.get("calls") or [request["args"]]:
        function(*args, **request.get("kwargs", {}))  # the reference solutions never raise
"""

# What sharing a started interpreter between students would give at best: the same replay
# in children forked from an interpreter that has imported the standard library modules
# the reference solutions use. Prints the children's CPU milliseconds per child.
WARM_FORKS = """
import os, resource, sys
import calendar, datetime, re
replay, recorded, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
for _ in range(runs):
    child = os.fork()
    if child == 0:
        failed = 1
        try:
            sys.argv = ["replay", recorded]
            exec(replay, {"__name__": "__replay__"})
            failed = 0
        finally:
            os._exit(failed)  # never back into the loop
    _, status = os.waitpid(child, 0)
    if status:
        sys.exit("the replay failed in a forked child")
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print((usage.ru_utime + usage.ru_stime) / runs * 1000)
"""


def student_code_floor(project: Project, folder: Path,
                       runs: int = 20) -> tuple[float, float, float]:
    """What a correct submission's own code costs with no grading at all: the requests the
    checks send to the reference solutions are recorded, then replayed ``runs`` times, each
    in a fresh bare interpreter (start, loading the nine modules, every call).
    Returns CPU milliseconds per run: the interpreter's start alone, everything, and
    everything but the start and the standard library's imports (forked from a warm
    interpreter, as if started interpreters were shared between students)."""
    from sourcewise.grading import proxy
    from sourcewise.grading.api import GradingOptions, grade_submission

    requests: list[dict] = []
    send = proxy.write_frame

    def record(fd: int, message: dict) -> None:
        if message.get("op") in ("load", "call", "map"):
            requests.append({k: v for k, v in message.items() if k not in ("id", "keep")})
        send(fd, message)

    proxy.write_frame = record
    try:
        grade_submission(project.solutions, project.check_files(include_hidden=True),
                         GradingOptions(sandbox="require"))
    finally:
        proxy.write_frame = send
    if not any(request["op"] != "load" for request in requests):
        sys.exit("the floor: no call to the student's code was recorded")
    submission = folder / "floor"
    shutil.copytree(project.solutions, submission)
    recorded = folder / "requests.marshal"
    recorded.write_bytes(marshal.dumps((str(submission), requests)))

    def cpu_per_run(*command: str) -> float:
        before = children_cpu()
        for _ in range(runs):
            subprocess.run(command, check=True)
        return (children_cpu() - before) / runs * 1000

    python = "/usr/bin/python3"
    warm = subprocess.run([python, "-I", "-S", "-B", "-c", WARM_FORKS, REPLAY, str(recorded),
                           str(runs)], check=True, capture_output=True, text=True)
    return (cpu_per_run(python, "-I", "-S", "-B", "-c", "pass"),
            cpu_per_run(python, "-I", "-S", "-B", "-c", REPLAY, str(recorded)),
            float(warm.stdout))


ATTACKED = NAMES[2]


def attack_costs(project: Project, folder: Path) -> list[str]:
    """Grade one submission per attack, in this process; say what each one cost."""
    from sourcewise.grading.api import GradingOptions, grade_submission

    checks = project.check_files(include_hidden=True)
    options = GradingOptions(sandbox="require")
    full = grade_submission(project.solutions, checks, options).points
    lines = []
    for attack in [*ATTACKS, *IMPORT_ATTACKS, *BURNERS]:
        target = folder / attack.replace(" ", "-")
        shutil.copytree(project.solutions, target)
        with (target / f"{ATTACKED}.py").open("a", encoding="utf-8") as stream:
            stream.write(attack_code(attack))
        started = time.perf_counter()
        points = grade_submission(target, checks, options).points
        lines.append(f"  {attack:<16}{time.perf_counter() - started:6.2f} s, "
                     f"{full - points:.1f} of {full:.0f} points lost")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=200)
    parser.add_argument("--naive-sample", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--burners", action="store_true",
                        help="mix endless loops, memory hogs and disk crawls in too")
    parser.add_argument("--attack-costs", action="store_true",
                        help="also time one submission of each attack on its own")
    parser.add_argument("--project", type=Path, default=ROOT)
    args = parser.parse_args()
    project = Project.locate(args.project)
    with tempfile.TemporaryDirectory(prefix="sourcewise-bench-") as scratch:
        folder = Path(scratch) / "submissions"
        kinds = build_submissions(project, folder, args.submissions, args.seed,
                                  args.burners)
        chosen = sample(kinds, args.naive_sample, args.seed)
        cpu = children_cpu()
        naive_seconds, naive_points = grade_naively(project, folder, chosen,
                                                    Path(scratch) / "naive")
        naive_cpu, cpu = children_cpu() - cpu, children_cpu()
        ours_seconds, our_points, summary = grade_with_sourcewise(
            project, folder, Path(scratch) / "out", args.jobs)
        our_cpu = children_cpu() - cpu
        sizes = record_sizes(Path(scratch) / "out")
        correct = [folder / n for n, k in kinds.items() if k == "correct"][:20]
        profile = where_time_goes(project, correct) if correct else []
        by_kind, engine = cpu_by_kind(project, folder, kinds)
        start_cpu, floor_cpu, warm_cpu = student_code_floor(project, Path(scratch))
        costs = attack_costs(project, Path(scratch) / "attacks") if args.attack_costs else []
        shutil.rmtree(folder)
    naive_rate = len(chosen) / naive_seconds
    our_rate = len(kinds) / ours_seconds
    mix = Counter(kind.split(" (")[0] for kind in kinds.values())
    attacks = Counter(kind[13:-1] for kind in kinds.values() if kind.startswith("adversarial"))
    same = [n for n in chosen if n in naive_points and n in our_points
            and abs(naive_points[n] - our_points[n]) < 0.01]
    ratio = our_rate / naive_rate
    print(f"Sourcewise grading benchmark: {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, {platform.system()} {platform.release()}")
    print(f"Submissions: {len(kinds)} ({', '.join(f'{mix[k]} {k}' for k in KINDS)}); "
          f"attacks: {', '.join(f'{n} {a}' for a, n in sorted(attacks.items()))}")
    print(f"(a) naive, one `python -m pytest` per submission, no bubblewrap: "
          f"{len(chosen)} graded in {naive_seconds:.1f} s = {naive_rate:.2f} submissions/s")
    print(f"(b) sourcewise grade --jobs {args.jobs}, bubblewrap sandbox, every output: "
          f"{len(kinds)} graded in {ours_seconds:.1f} s = {our_rate:.2f} submissions/s")
    print(f"    ({summary})")
    print(f"CPU: (a) used {naive_cpu / naive_seconds:.2f} cores on average, "
          f"{len(chosen) / naive_cpu:.2f} submissions per CPU-second; (b) used "
          f"{our_cpu / ours_seconds:.2f} cores, {len(kinds) / our_cpu:.2f} submissions per "
          f"CPU-second (other load on the machine lowers the cores used, not this)")
    print(f"ratio (b)/(a): {ratio:.2f}x (target 5x: {'met' if ratio >= 5 else 'NOT met'}); "
          f"30 submissions/s: {'met' if our_rate >= 30 else 'NOT met'}")
    print(f"Same points both ways (to 0.01): {len(same)} of {len(chosen)} sampled submissions")
    for name in sorted(set(chosen) - set(same)):
        print(f"  {name} ({kinds[name]}): naive {naive_points.get(name)}, "
              f"sourcewise {our_points.get(name)}")
    print(f"Where the time goes: (b) used {our_cpu / len(kinds) * 1000:.0f} ms of CPU per "
          f"submission; the engine alone (one grading process, the same {len(kinds)} "
          f"submissions) uses {engine:.0f} ms, so the batch's own work (reading, staging, "
          f"saving results, the pool, every output file) is about "
          f"{our_cpu / len(kinds) * 1000 - engine:.0f} ms. The engine's CPU per submission "
          "in ms, in the sandbox (bubblewrap and the student's Python) and in the grading "
          "process:")
    print("\n".join(by_kind))
    cores = our_cpu / ours_seconds
    print(f"The floor: a correct submission's own code, with no sandbox, no checks and no "
          f"outputs, in a fresh `python3 -I -S` (its start {start_cpu:.0f} ms, loading the "
          f"nine modules and making every call the checks make): {floor_cpu:.0f} ms of CPU. "
          f"At the {cores:.2f} cores (b) used, that alone allows at most "
          f"{cores / floor_cpu * 1000:.0f} correct submissions/s, if grading cost nothing. "
          f"Forked from an interpreter that has already started and imported the standard "
          f"library (what sharing interpreters between students would save at best), the "
          f"same work costs {warm_cpu:.0f} ms.")
    print(f"Stored results: {sizes}")
    print(f"efficiency: floor CPU / batch CPU per submission = "
          f"{floor_cpu / (our_cpu / len(kinds) * 1000):.2f} (goal 0.7; the floor "
          f"{floor_cpu:.0f} ms, the batch {our_cpu / len(kinds) * 1000:.0f} ms, both measured "
          "in this run)")
    if profile:
        print("Wall time of a correct submission (engine, one process):")
        print("\n".join(profile))
    if costs:
        print(f"Cost of each attack on its own (one submission, the attack in "
              f"{ATTACKED}.py, the rest correct; engine, one process):")
        print("\n".join(costs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
