#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image.
# Written by `sourcewise export gradescope`. Choose the Ubuntu 24.04 base image (Python 3.12):
# Sourcewise needs Python 3.11 or newer.
set -euo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq python3 python3-venv bubblewrap
if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "Sourcewise needs Python 3.11 or newer; this image has $(python3 --version)." >&2
    echo "Choose the Ubuntu 24.04 base image in the autograder settings." >&2
    exit 1
fi
python3 -m venv "$ROOT/venv"
"$ROOT/venv/bin/python" -m pip install --quiet "$ROOT/source/project"
# The installed package holds the unredacted case study (the answers): root only. Student
# code runs as another uid and with the system Python, which needs nothing from the venv.
chmod -R go-rwx "$ROOT/venv" "$ROOT/source"
