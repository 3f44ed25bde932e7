#!/usr/bin/env bash
# scripts/release/python-dists.sh [SDK [OUT]]: the Python SDK's wheel and sdist, built by the
# standard front end (`python -m build`, from the venv of scripts/python-venv.sh) from the folder
# SDK (default $CLOUDREADS_PYTHON_SDK, else sdk/python, the committed SDK) into OUT (default: the
# cache folder, printed last). The isolated build environment gets the pinned setuptools
# (tools/python/requirements.txt as PIP_CONSTRAINT). Cached by the hash of SDK's files and the pins.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
sdk="${1:-${CLOUDREADS_PYTHON_SDK:-sdk/python}}"
out="${2:-}"
CACHE="${CLOUDREADS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-cloudreads}"
PINS="$root/tools/python/requirements.txt"
[ -f "$sdk/pyproject.toml" ] || { echo "python-dists: no Python SDK in $sdk (no pyproject.toml): run \`npm run sdks\`, or set CLOUDREADS_PYTHON_SDK" >&2; exit 1; }
key="$( { (cd "$sdk" && find . -type f ! -path '*/__pycache__/*' ! -path './build/*' ! -path '*.egg-info/*' ! -path './dist/*' -print0 | LC_ALL=C sort -z | xargs -0 sha256sum); cat "$PINS"; } | sha256sum | cut -c1-16)"
dir="$CACHE/python-dists/$key"
if ! ls "$dir"/*.whl >/dev/null 2>&1; then
    venv="$(bash scripts/python-venv.sh 2>/dev/null | tail -n 1)"
    # A copy: the build must not leave build/ or *.egg-info in the SDK folder.
    stage="$(mktemp -d "${TMPDIR:-/tmp}/python-dists.XXXXXX")"
    trap 'rm -rf "$stage"' EXIT
    cp -r "$sdk/." "$stage/sdk"
    # Built into a folder of this run's own, then renamed: two builds at once (test files run in
    # parallel on a cold cache) never write into, or remove, each other's output; the first to
    # finish wins and the other's same files are dropped.
    mkdir -p "$CACHE/python-dists"
    built="$(mktemp -d "$dir.tmp.XXXXXX")" && chmod 755 "$built"
    trap 'rm -rf "$stage" "$built"' EXIT
    PIP_CONSTRAINT="$PINS" PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/python" -m build --outdir "$built" "$stage/sdk" >&2
    # A rename onto an existing non-empty folder fails: then the other build's files are there.
    mv -T "$built" "$dir" 2>/dev/null || true
    ls "$dir"/*.whl >/dev/null 2>&1 || { echo "python-dists: no wheel in $dir after the build" >&2; exit 1; }
else
    echo "python-dists: cached ($key)" >&2
fi
if [ -n "$out" ]; then cp "$dir"/*.whl "$dir"/*.tar.gz "$out/"; fi
printf '%s\n' "$dir"
