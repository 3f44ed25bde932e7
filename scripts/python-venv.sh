#!/usr/bin/env bash
# `bash scripts/python-venv.sh`: the Python virtual environment of this project's tests and release,
# made from PyPI with exactly the pins of tools/python/requirements.txt (the `pulumi` Python SDK,
# `build`, `mypy`, `setuptools` and their dependencies), and prints its absolute path as the last
# line. Cached under ${CLOUDREADS_CACHE_DIR:-~/.cache/pulumi-cloudreads}/python-venv/<key>, where
# the key is the hash of the pins and the Python version: a second run only hashes.
#
#   venv="$(bash scripts/python-venv.sh)" && "$venv/bin/python" -m mypy --version
#
# Environment: CLOUDREADS_PYTHON (default python3; 3.9 or later), CLOUDREADS_CACHE_DIR.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PINS="$ROOT/tools/python/requirements.txt"
PYTHON="${CLOUDREADS_PYTHON:-python3}"
CACHE="${CLOUDREADS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-cloudreads}"

say() { printf 'python-venv: %s\n' "$*" >&2; }
fail() { printf 'python-venv: error: %s\n' "$*" >&2; exit 1; }

command -v "$PYTHON" >/dev/null || fail "no $PYTHON on PATH: install Python 3.9 or later, or set CLOUDREADS_PYTHON"
version="$("$PYTHON" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')"
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 9) else 1)' || fail "$PYTHON is Python $version: the pulumi SDK needs 3.9 or later"
key="$( { echo "python $version"; cat "$PINS"; } | sha256sum | cut -c1-16)"
venv="$CACHE/python-venv/$key"

if [ -f "$venv/.complete" ]; then
    say "cached: $venv (Python $version)"
    printf '%s\n' "$venv"
    exit 0
fi

mkdir -p "$CACHE/python-venv"
# One maker at a time (two test processes may ask at once); a half-made venv is made again.
exec 9>"$venv.lock"
flock 9
if [ ! -f "$venv/.complete" ]; then
    say "making $venv (Python $version) from PyPI"
    rm -rf "$venv"
    "$PYTHON" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r "$PINS" >&2
    # Only what the pins name: a dependency that the pins leave out would be an unpinned one.
    "$venv/bin/python" -m pip check >&2 || fail "the pins of $PINS do not agree (pip check above)"
    "$venv/bin/python" - "$PINS" <<'PY' || fail "the venv holds packages that $PINS does not pin (a pin is missing)"
import re, sys
from importlib import metadata
norm = lambda n: re.sub(r"[-_.]+", "-", n).lower()
pinned = {norm(l.split("==")[0]) for l in open(sys.argv[1]) if "==" in l and not l.lstrip().startswith("#")}
extra = sorted({norm(d.metadata["Name"]) for d in metadata.distributions()} - pinned - {"pip"})
if extra:
    print("python-venv: not pinned: " + ", ".join(extra), file=sys.stderr)
    sys.exit(1)
PY
    touch "$venv/.complete"
fi
printf '%s\n' "$venv"
