"""grading.inprocess, the browser's in-process mode, run by CPython in a fresh interpreter.

The browser tests (tests/site/test_exercise_runner.py) run it in Pyodide; these pin down
what the page relies on without a browser: the same points as the sandbox, a call the page
stopped answered as the sandbox answers a timeout, and a helper module edited between
runs imported afresh.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "exercises" / "test_split_sentences.py"
RUN = """
import json, sys
from sourcewise.grading import inprocess
inprocess.activate()
calls = []
runs = []
for stopped in json.loads(sys.argv[3]):
    result = inprocess.run_checks(sys.argv[1], sys.argv[2], "http://127.0.0.1:8000/",
                                  stopped=stopped, notify=lambda *call: calls.append(call))
    runs.append(result)
print(json.dumps({"runs": runs, "calls": calls}))
"""


def in_process(folder: Path, *stopped_lists: list[str]) -> dict:
    done = subprocess.run([sys.executable, "-c", RUN, str(CHECKS), str(folder),
                           json.dumps(list(stopped_lists) or [[]])],
                          capture_output=True, text=True, timeout=300, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def sandboxed(folder: Path, tmp_path: Path) -> dict[str, float]:
    out = tmp_path / "sandboxed.json"
    subprocess.run([sys.executable, "-m", "pytest", str(CHECKS), "--submission", str(folder),
                    "--results-json", str(out), "-q", "-p", "no:cacheprovider"],
                   capture_output=True, text=True, timeout=300, check=False, cwd=ROOT)
    return {c["name"]: c["points"] for c in json.loads(out.read_text())["checks"]}


def test_points_match_the_sandbox_and_the_mode_says_it_is_the_browser(tmp_path):
    """The reference solution in-process: the sandbox's points per check, a "browser"
    description, display strings for the page, and every call announced first."""
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "split_sentences.py").write_bytes(
        (ROOT / "instructor" / "solutions" / "split_sentences.py").read_bytes())
    data = in_process(folder)
    [result] = data["runs"]
    assert {c["name"]: c["points"] for c in result["checks"]} == sandboxed(folder, tmp_path)
    assert result["points"] == result["max_points"]
    assert result["sandbox"]["kind"] == "browser"
    assert "your browser" in result["sandbox"]["description"]
    texts = [call[1] for call in data["calls"]]
    assert "split_sentences('The ferry was late. Nobody knew why.')" in texts


def test_a_stopped_call_is_answered_as_a_sandbox_timeout(tmp_path):
    """A call the page stopped (its key sent back) is not run again: it gets the sandbox's
    timeout message, and the checks' points equal the sandbox's on the same endless loop."""
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "split_sentences.py").write_text(
        "def split_sentences(text):\n"
        "    if 'Nobody' in text:\n"
        "        while True:\n"
        "            pass\n"
        "    return [text]\n")
    key = json.dumps(["split_sentences", "split_sentences",
                      ["The ferry was late. Nobody knew why."], {}], sort_keys=True)
    data = in_process(folder, [key])
    [result] = data["runs"]
    [check] = [c for c in result["checks"] if c["name"] == "test_returns_a_list_of_strings"]
    assert check["status"] == "failed"
    assert "did not finish within 3 s" in check["reason"]
    assert {c["name"]: c["points"] for c in result["checks"]} == sandboxed(folder, tmp_path)


def test_a_helper_module_changed_between_runs_is_imported_again(tmp_path):
    """The student's whole folder is loaded: an exercise file importing a helper beside it
    sees the helper's new code on the next run, not the one imported before."""
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "split_sentences.py").write_text(
        "from helper import split\n\ndef split_sentences(text):\n    return split(text)\n")
    (folder / "helper.py").write_text("def split(text):\n    return 'not a list'\n")
    script = RUN.replace("for stopped in json.loads(sys.argv[3]):",
                         "import pathlib\nfor number, stopped in "
                         "enumerate(json.loads(sys.argv[3])):\n"
                         "    if number:\n"
                         "        pathlib.Path(sys.argv[2], 'helper.py').write_text("
                         "'def split(text):\\n    return [text]\\n')")
    done = subprocess.run([sys.executable, "-c", script, str(CHECKS), str(folder),
                           json.dumps([[], []])],
                          capture_output=True, text=True, timeout=300, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    first, second = json.loads(done.stdout)["runs"]
    status = {r: {c["name"]: c["status"] for c in run["checks"]}
              for r, run in (("first", first), ("second", second))}
    assert status["first"]["test_returns_a_list_of_strings"] == "failed"
    assert status["second"]["test_returns_a_list_of_strings"] == "passed"
