#!/usr/bin/env bash
# scripts/release/python-dists.sh SDK OUT: the Python SDK's wheel and sdist, built by
# `python -m build` (build 1.6.1, in a virtual environment of its own in the cache) from the
# folder SDK (the committed sdk/python, which `npm run sdks` regenerates) into OUT. Cached by the
# hash of SDK's files.
set -euo pipefail
sdk="$1"
out="$2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
CACHE="${CLOUDREADS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-cloudreads}"
[ -f "$sdk/pyproject.toml" ] || { echo "release: no Python SDK in $sdk (no pyproject.toml)" >&2; exit 1; }
key="$( (cd "$sdk" && find . -type f ! -path '*/__pycache__/*' ! -path './build/*' ! -path '*.egg-info/*' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-16)"
dir="$CACHE/python-dists/$key"
if ! ls "$dir"/*.whl >/dev/null 2>&1; then
    venv="$CACHE/release-venv"
    if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import build' 2>/dev/null; then
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check build==1.6.1
    fi
    # A copy: the build must not leave build/ or *.egg-info in the SDK folder.
    stage="$(mktemp -d "${TMPDIR:-/tmp}/python-dists.XXXXXX")"
    trap 'rm -rf "$stage"' EXIT
    cp -r "$sdk/." "$stage/sdk"
    "$venv/bin/python" -m build --outdir "$dir.tmp" "$stage/sdk"
    rm -rf "$dir" && mv "$dir.tmp" "$dir"
else
    echo "release:   cached ($key)"
fi
cp "$dir"/*.whl "$dir"/*.tar.gz "$out/"
