#!/usr/bin/env bash
# `npm run plugin:pack`: builds the provider plugin `pulumi-resource-cloudreads` and packs it as
#   dist/plugin/pulumi-resource-cloudreads-v<version>-linux-amd64.tar.gz
# holding, at its root, the executable launcher `pulumi-resource-cloudreads` (sh, runs `node`),
# the plugin bundled to one file `pulumi-resource-cloudreads.js` (esbuild) and `schema.json`.
# Install it (what the docs and tests do):
#   pulumi plugin install resource cloudreads <version> --file <tarball>
# Needs `node` >= 22 on PATH when the engine starts the plugin. Prints the tarball's path last.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent generate >&2
version="$(node -p 'require("./package.json").version')"
out="dist/plugin"
stage="$out/stage"
rm -rf "$stage"
mkdir -p "$stage"
npx --no-install esbuild provider/plugin/main.ts --bundle --platform=node --target=node22 --minify --keep-names \
    --legal-comments=none --log-level=warning --outfile="$stage/pulumi-resource-cloudreads.js" >&2
cp schema/schema.json "$stage/schema.json"
cat > "$stage/pulumi-resource-cloudreads" <<'LAUNCHER'
#!/bin/sh
# pulumi-resource-cloudreads: the cloudreads provider plugin, run with the `node` on PATH (>= 22).
dir=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
if ! command -v node >/dev/null 2>&1; then
    echo "pulumi-resource-cloudreads needs Node.js 22 or newer on PATH; no \`node\` was found" >&2
    exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 22 ]; then
    echo "pulumi-resource-cloudreads needs Node.js 22 or newer on PATH; found $(node --version)" >&2
    exit 1
fi
exec node "$dir/pulumi-resource-cloudreads.js" "$@"
LAUNCHER
chmod 755 "$stage/pulumi-resource-cloudreads"
tarball="$out/pulumi-resource-cloudreads-v$version-linux-amd64.tar.gz"
tar -C "$stage" -czf "$tarball" pulumi-resource-cloudreads pulumi-resource-cloudreads.js schema.json
rm -rf "$stage"
echo "$(pwd)/$tarball"
