"""The course's ``site-url`` setting: where students read the site, for every link we hand them.

It lives in the course repository's ``pyproject.toml``::

    [tool.sourcewise]
    site-url = "https://school.example/sourcewise/"

``release``, ``grade``, both exports and the pytest plugin read it; a ``--site-url`` option
wins over it. When it is unset, lesson links are left out (never pointed at 127.0.0.1, which
works only while someone serves the site on their own computer) and the commands warn with
:func:`unset_warning`.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

SETTING = "site-url"
TABLE = "tool.sourcewise"
_URL = re.compile(r"^https?://[^\s\"'`$\\<>]+$")
_LOCAL_HOSTS = re.compile(r"^https?://(127\.\d+\.\d+\.\d+|localhost|\[::1\])([:/]|$)", re.I)


class SiteUrlError(ValueError):
    """The setting is there but is not a usable web address; the message says how to fix it."""


def normalise(url: str, where: str = "--site-url", allow_local: bool = False) -> str:
    """``url`` checked (an http(s) address; not this computer unless ``allow_local``, as
    for a developer's own pytest run) and ending in ``/``."""
    url = url.strip()
    if not _URL.match(url):
        raise SiteUrlError(f"{where} {url!r} is not a web address like "
                           "'https://school.example/sourcewise/'")
    if not allow_local and _LOCAL_HOSTS.match(url):
        raise SiteUrlError(f"{where} {url!r} points at this computer, so students' links "
                           "would not work; give the address where students read the site")
    return url if url.endswith("/") else url + "/"


def read_site_url(root: Path) -> str | None:
    """The ``[tool.sourcewise] site-url`` of ``root/pyproject.toml``; None when unset."""
    path = Path(root) / "pyproject.toml"
    where = f"{SETTING} in {path}"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise SiteUrlError(f"cannot read {path} for the {SETTING} setting: {error}") from None
    value = data.get("tool", {}).get("sourcewise", {}).get(SETTING)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise SiteUrlError(f"{where} must be a quoted web address, not {value!r}")
    return normalise(value, where)


def course_site_url(root: Path, given: str | None = None) -> str | None:
    """The site address a command uses: ``given`` (its --site-url) when set, else the
    course setting in ``root``, else None."""
    if given:
        return normalise(given)
    return read_site_url(root)


def unset_warning(command: str) -> str:
    """The one line a command prints when no site address is set."""
    return (f"{command}: warning: no site-url is set, so what students get names each lesson "
            f"without a link; add {SETTING} = \"https://...\" (where students read the site) "
            "under [tool.sourcewise] in the course's pyproject.toml, or pass --site-url")


def page_url(site_url: str, page: str) -> str:
    """``lessons/framing.md#loaded`` -> ``<site_url>lessons/framing/#loaded`` (MkDocs URLs)."""
    path, _, anchor = page.partition("#")
    path = path.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        path = path.removesuffix("index")
    else:
        path += "/"
    return site_url.rstrip("/") + "/" + path + (f"#{anchor}" if anchor else "")


def command_site_url(root: Path, given: str | None, command: str) -> str | None:
    """:func:`course_site_url` for a command that hands things to students: prints
    :func:`unset_warning` to stderr when there is none. Raises SiteUrlError."""
    url = course_site_url(root, given)
    if url is None:
        print(unset_warning(command), file=sys.stderr)
    return url
