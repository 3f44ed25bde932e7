#!/usr/bin/env bash
# `npm run release`: writes the release folder release/v<version>/ (gitignored; no build deletes it)
# in the layout of a Pulumi provider's GitHub release:
#   pulumi-resource-cloudreads-v<version>-<os>-<arch>.tar.gz   one per platform (platforms.sh)
#   pulumi-cloudreads_<version>_checksums.txt                   sha256 of every other file
#   schema.json                                                  the plugin's schema
#   pulumi-cloudreads-<version>.tgz                              the npm package (dynamic form)
#   pulumi_cloudreads-<version>-py3-none-any.whl, .tar.gz        the Python SDK (python -m build)
# Environment: CLOUDREADS_RELEASE_PLATFORMS (space-separated subset, default all),
#   CLOUDREADS_PYTHON_SDK (the Python SDK folder; default sdk/python, the committed SDK),
#   CLOUDREADS_RELEASE_DIR (default release/v<version>), CLOUDREADS_RELEASE_PLUGINS_ONLY=1 (only the
#   plugin tarballs, the schema and the checksums: what the tests serve). Expensive parts are cached (tarballs by
#   the hash of their inputs, Node binaries, the venv), so a repeated run is fast.
# Prints each step on stderr and the release folder's absolute path last.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
# shellcheck source=platforms.sh
source "$here/platforms.sh"
step() { printf 'release: %s\n' "$*" >&2; }
start=$SECONDS
version="$(node -p 'require("./package.json").version')"
out="${CLOUDREADS_RELEASE_DIR:-release/v$version}"
PYTHON_SDK="${CLOUDREADS_PYTHON_SDK:-sdk/python}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
find "$out" -mindepth 1 -maxdepth 1 -delete

step "generate (schema, SDK sources)"
npm run --silent generate >&2

step "bundle provider/plugin/main.ts (esbuild)"
bundle="$(bash "$here/plugin-bundle.sh")"

wanted="${CLOUDREADS_RELEASE_PLATFORMS:-}"
for p in "${PLATFORMS[@]}"; do
    read -r platform pkg ver how <<<"$p"
    if [ -n "$wanted" ] && [[ " $wanted " != *" $platform "* ]]; then continue; fi
    step "plugin $platform ($pkg@$ver, $how)"
    cp "$(bash "$here/plugin-tarball.sh" "$platform" "$bundle" "$version")" "$out/"
done

step "schema.json"
cp schema/schema.json "$out/schema.json"

if [ "${CLOUDREADS_RELEASE_PLUGINS_ONLY:-}" != 1 ]; then
    step "npm package (npm pack)"
    bash "$here/npm-package.sh" "$out" >&2

    step "Python SDK wheel and sdist (python -m build, from $PYTHON_SDK)"
    bash "$here/python-dists.sh" "$PYTHON_SDK" "$out" >/dev/null
fi

step "checksums"
sums="pulumi-cloudreads_${version}_checksums.txt"
(cd "$out" && find . -maxdepth 1 -type f ! -name "$sums" -printf '%f\n' | LC_ALL=C sort | xargs sha256sum > "$sums")

step "done in $((SECONDS - start)) s: $out"
(cd "$out" && ls -l --block-size=K | tail -n +2 | awk '{print "release:   " $5 "  " $9}') >&2
printf '%s\n' "$out"
