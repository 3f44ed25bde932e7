#!/usr/bin/env bash
# scripts/release/macos-sign.sh BINARY: replaces the Node.js Foundation's signature of a macOS
# binary, which postject's injection made invalid, by an ad-hoc signature, with rcodesign
# (the apple-codesign crate: `cargo install apple-codesign --no-default-features`) when it is on
# PATH or in the cache. Without rcodesign the binary ships with the broken signature, and says so:
# a user then runs `codesign --sign - --force <binary>` (docs/installation-configuration.md).
# `macos-sign.sh --which` prints the signer found (or `none`).
set -euo pipefail
bin="$1"
CACHE="${CLOUDREADS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-cloudreads}"
tool="$(command -v rcodesign || true)"
[ -n "$tool" ] || { [ -x "$CACHE/rcodesign/0.29.0/bin/rcodesign" ] && tool="$CACHE/rcodesign/0.29.0/bin/rcodesign"; } || true
if [ "${2:-}" = "--which" ] || [ "$1" = "--which" ]; then
    printf '%s\n' "${tool:-none}"
    exit 0
fi
if [ -z "$tool" ]; then
    echo "release:   warning: no rcodesign: $(basename "$bin") for macOS keeps an invalid signature (users must run \`codesign --sign - --force\` on it)" >&2
    exit 0
fi
echo "release:   ad-hoc signature with $("$tool" --version 2>/dev/null | head -1)" >&2
"$tool" sign "$bin" >&2
