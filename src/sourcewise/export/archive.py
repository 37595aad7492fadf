"""Write a folder into a zip that is the same byte for byte each time it is built.

Entries are sorted, dated 1980-01-01 and carry only the executable bit from the folder, so
two builds of the same files give the same zip (and the same checksum to publish).
"""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

_EPOCH = (1980, 1, 1, 0, 0, 0)


def zip_folder(folder: Path, destination: Path, *, prefix: str = "") -> Path:
    """Zip every file under ``folder`` into ``destination`` (names under ``prefix``)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    temporary = destination.with_name(destination.name + ".partial")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = prefix + path.relative_to(folder).as_posix()
            info = zipfile.ZipInfo(name, _EPOCH)
            executable = os.stat(path).st_mode & stat.S_IXUSR
            info.external_attr = (stat.S_IFREG | (0o755 if executable else 0o644)) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    os.replace(temporary, destination)
    return destination
