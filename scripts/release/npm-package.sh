#!/usr/bin/env bash
# scripts/release/npm-package.sh OUT: the npm package of the dynamic form (`npm pack`, whose
# prepack runs `npm run build`) into OUT. Cached by the hash of the package's sources, so a
# repeated release does not rebuild it.
set -euo pipefail
out="$1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
CACHE="${CLOUDREADS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-cloudreads}"
# Every file git would see (tracked or not, not ignored), plus the lock file: the build's inputs.
key="$(git ls-files -co --exclude-standard -z -- . ':!release' | xargs -0 sha256sum 2>/dev/null | sha256sum | cut -c1-16)"
dir="$CACHE/npm-package/$key"
if ! ls "$dir"/*.tgz >/dev/null 2>&1; then
    mkdir -p "$dir.tmp"
    npm pack --silent --pack-destination "$dir.tmp" >/dev/null
    rm -rf "$dir" && mv "$dir.tmp" "$dir"
else
    echo "release:   cached ($key)"
fi
cp "$dir"/*.tgz "$out/"
