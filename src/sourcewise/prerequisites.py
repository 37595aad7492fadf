"""Programs Sourcewise needs from the system, found by name, with the line that installs them.

``bwrap`` (bubblewrap) is the grading sandbox. Chromium is only for the test suite's browser
tests (and the browser benchmark): it is found through ``SOURCEWISE_CHROMIUM`` or by name
on ``PATH``, wherever the system put it. Each ``missing_*`` function returns one line saying
what is missing and the command that installs it, or None when it is there.
"""

from __future__ import annotations

import os
import shutil

CHROMIUM_VARIABLE = "SOURCEWISE_CHROMIUM"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BUBBLEWRAP_INSTALL = "sudo apt-get install bubblewrap"
CHROMIUM_INSTALL = "sudo apt-get install chromium"


def find_bubblewrap() -> str | None:
    """The path of ``bwrap`` on PATH, or None."""
    return shutil.which("bwrap")


def missing_bubblewrap() -> str | None:
    """None when bubblewrap is installed, else the line that says how to install it."""
    if find_bubblewrap() is not None:
        return None
    return ("bubblewrap is not installed (the program bwrap, the sandbox that runs student "
            f"code): install it with `{BUBBLEWRAP_INSTALL}` (Debian, Ubuntu; Fedora: `sudo "
            "dnf install bubblewrap`)")


def find_chromium() -> str | None:
    """``$SOURCEWISE_CHROMIUM`` when set, else the first of CHROMIUM_NAMES on PATH."""
    given = os.environ.get(CHROMIUM_VARIABLE)
    if given:
        found = shutil.which(given)
        return os.path.abspath(found) if found else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def missing_chromium() -> str | None:
    """None when Chromium can be found, else the line that says how to get it."""
    if find_chromium() is not None:
        return None
    given = os.environ.get(CHROMIUM_VARIABLE)
    if given:
        return (f"{CHROMIUM_VARIABLE}={given} is not a program that can be run: point it at "
                f"Chromium or Chrome, or unset it and install Chromium with "
                f"`{CHROMIUM_INSTALL}`")
    return (f"Chromium is not installed (none of {', '.join(CHROMIUM_NAMES)} is on PATH; "
            f"the browser tests need it): install it with `{CHROMIUM_INSTALL}`, or set "
            f"{CHROMIUM_VARIABLE} to a Chromium or Chrome program")
