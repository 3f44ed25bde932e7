#!/usr/bin/env bash
# `npm run sdks [-- OUT]`: the Go and Python SDKs of the provider plugin, generated from
# schema/schema.json by tools/sdkgen (Pulumi's own code generators, pkg/codegen v3.276.0), into
#   OUT/go.mod, OUT/go.sum  the Go module github.com/pulumi-cloudreads/pulumi-cloudreads/sdk,
#                           requiring github.com/pulumi/pulumi/sdk/v3 v3.276.0 (tag: sdk/v<version>)
#   OUT/go/cloudreads/      its package
#   OUT/python/             a Python package, pulumi_cloudreads (pyproject.toml)
# OUT defaults to sdk/, where both are committed beside sdk/nodejs (which is left alone);
# tests/sdks.test.ts regenerates into a temporary folder and fails on any difference. Needs Go (the
# toolchain of tools/sdkgen/go.mod) and the Go module proxy or a warm module cache. The tool is
# rebuilt each run, in seconds once Go's build cache is warm. Prints OUT's absolute path last.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-sdk}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
npm run --silent generate >&2
bin="${CLOUDREADS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-cloudreads}/sdkgen"
mkdir -p "$bin"
# The flags the CLI is built with (scripts/pulumi-cli.sh): pkg/v3 and sdk/v3 v3.276.0 come from Go's
# build cache then, instead of a second compile of their hundreds of packages.
(cd tools/sdkgen && CGO_ENABLED=0 go build -trimpath -tags osusergo,grpcnotrace -o "$bin/sdkgen" .)
"$bin/sdkgen" -schema schema/schema.json -out "$out" >&2
# go.sum of the generated module: its requirements are all in sdk/v3 v3.276.0's graph. GOWORK=off:
# the module is tidied on its own, as a user's `go get` sees it.
(cd "$out" && GOWORK=off go mod tidy)
echo "$out"
