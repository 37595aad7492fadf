"""Build the Gradescope autograder zip (``sourcewise export gradescope``).

Layout of the zip, as Gradescope expects it (its root is unpacked into /autograder/source)::

    setup.sh          installs Python, bubblewrap and Sourcewise (once, at image build)
    run_autograder    grades /autograder/submission, writes /autograder/results/results.json
    project/          what grading needs: pyproject.toml, README.md, src/sourcewise/,
                      exercises/test_*.py (public checks), instructor/hidden/ (hidden checks
                      and items). Never the reference solutions.
"""

from __future__ import annotations

import shutil
import tempfile
from importlib import resources
from pathlib import Path

from sourcewise.batch.project import Project
from sourcewise.export.archive import zip_folder

TEMPLATES = ("setup.sh", "run_autograder")


def build_gradescope_bundle(project: Project, destination: Path) -> Path:
    """Write the autograder zip for ``project`` to ``destination`` and return its path."""
    checks = project.check_files(include_hidden=True)
    with tempfile.TemporaryDirectory(prefix="sourcewise-gradescope-") as scratch:
        stage = Path(scratch)
        templates = resources.files("sourcewise.export") / "templates"
        for name in TEMPLATES:
            target = stage / name
            target.write_bytes((templates / name).read_bytes())
            target.chmod(0o755)
        payload = stage / "project"
        wanted = [Path("pyproject.toml"), Path("README.md"), *project.package_files()]
        wanted += [c.relative_to(project.root) for c in checks]
        wanted += [p.relative_to(project.root) for p in project.hidden.rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts]
        conftest = project.exercises / "conftest.py"
        if conftest.is_file():
            wanted.append(conftest.relative_to(project.root))
        for relative in sorted(set(wanted)):
            target = payload / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(project.root / relative, target)
        return zip_folder(stage, destination)
