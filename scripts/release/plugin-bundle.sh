#!/usr/bin/env bash
# scripts/release/plugin-bundle.sh: the plugin bundled to one CommonJS file by esbuild (what the
# SEA blob is made of), in ${CLOUDREADS_CACHE_DIR:-~/.cache/pulumi-cloudreads}/plugin-bundle/.
# Needs the generated sources (`npm run generate`). Prints the bundle's path.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${CLOUDREADS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-cloudreads}"
dir="$CACHE/plugin-bundle/$(printf '%s' "$root" | sha256sum | cut -c1-12)"
mkdir -p "$dir"
(cd "$root" && node_modules/.bin/esbuild provider/plugin/main.ts --bundle --platform=node --target=node22 --minify --keep-names \
    --legal-comments=none --log-level=warning --outfile="$dir/main.js.tmp") >&2
mv "$dir/main.js.tmp" "$dir/main.js"
printf '%s\n' "$dir/main.js"
