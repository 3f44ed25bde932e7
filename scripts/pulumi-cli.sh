#!/usr/bin/env bash
# `npm run pulumi-cli [-- VERSION]`: gets a Pulumi CLI this package is tested with, offline from the
# Go module proxy, and prints as its last line the absolute path of the folder holding `pulumi`,
# `pulumi-language-nodejs`, `pulumi-language-yaml` and `pulumi-resource-pulumi-nodejs`. Put that
# folder on PATH.
#
# VERSION (argument, or CLOUDREADS_PULUMI_CLI_VERSION): one of KNOWN below; default the newest.
#
# - A `pulumi` on PATH of that version, with the three plugins beside it, is used as it is.
# - Otherwise the CLI is built from tools/pulumi-cli/<version> (a wrapper module; see its README),
#   the Node.js language host from tools/pulumi-language-nodejs and the YAML one from
#   tools/pulumi-language-yaml, into a cache folder keyed by version and by those sources, so a
#   second run takes seconds.
#
# Environment: CLOUDREADS_CACHE_DIR (default ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-cloudreads);
# CLOUDREADS_PULUMI_CLI_NO_BUILD=1 only looks (PATH, cache) and fails rather than build.
set -euo pipefail

KNOWN=(v3.276.0 v3.248.0)
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${CLOUDREADS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-cloudreads}"

say() { printf 'pulumi-cli: %s\n' "$*" >&2; }
fail() { printf 'pulumi-cli: error: %s\n' "$*" >&2; exit 1; }

asked="${1:-${CLOUDREADS_PULUMI_CLI_VERSION:-${KNOWN[0]}}}"
VERSION="v${asked#v}"
known=0
for k in "${KNOWN[@]}"; do [ "$k" = "$VERSION" ] && known=1; done
[ "$known" = 1 ] || fail "unknown Pulumi CLI version '$asked': this project builds and tests ${KNOWN[*]} (tools/pulumi-cli/<version>/)"
TOOLS="$ROOT/tools/pulumi-cli/$VERSION"
NODEHOST="$ROOT/tools/pulumi-language-nodejs"
YAMLHOST="$ROOT/tools/pulumi-language-yaml"
PLUGINS=(pulumi-language-nodejs pulumi-language-yaml pulumi-resource-pulumi-nodejs)

# The plugin Pulumi runs dynamic providers in: node on @pulumi/pulumi's dynamic-provider host,
# resolved from the folder the engine starts it in (the project's, or the Automation API driver's).
write_dynamic_plugin() {
    cat >"$1/pulumi-resource-pulumi-nodejs" <<'EOF'
#!/bin/sh
# Pulumi's dynamic-provider plugin: @pulumi/pulumi's dynamic-provider host, resolved from the
# folder the engine starts the plugin in (the project's), run with the arguments given.
entry=$(node -p "require.resolve('@pulumi/pulumi/cmd/dynamic-provider', { paths: [process.cwd()] })") || {
    echo "pulumi-resource-pulumi-nodejs: @pulumi/pulumi is not installed in $(pwd) or above; run npm install there" >&2
    exit 1
}
exec node "$entry" "$@"
EOF
    chmod +x "$1/pulumi-resource-pulumi-nodejs"
}

version_of() { "$1" version 2>/dev/null | tr -d '[:space:]' || true; }
has_plugins() { for p in "${PLUGINS[@]}"; do [ -x "$1/$p" ] || return 1; done; }

# 1. A CLI of the right version already on PATH, with its plugins beside it.
if on_path="$(command -v pulumi 2>/dev/null)"; then
    dir="$(cd "$(dirname "$on_path")" && pwd)"
    found="$(version_of "$on_path")"
    if [ "$found" = "$VERSION" ] && has_plugins "$dir"; then
        say "using $on_path ($found)"
        printf '%s\n' "$dir"
        exit 0
    fi
    say "ignoring $on_path (version '${found:-unknown}', want $VERSION, with ${PLUGINS[*]} beside it)"
fi

# 2. The cache, keyed by version and by the sources of what is built.
command -v go >/dev/null 2>&1 || fail "neither Go nor a Pulumi CLI $VERSION is available. Install Go (1.26.6 or later) and run this again, or put pulumi $VERSION with ${PLUGINS[*]} on PATH."
# Only what the build reads: the module files and the language host's sources (not pulumi.work.sum,
# which go may add checksums to while it builds).
key="$(cd "$ROOT/tools" && { find "pulumi-cli/$VERSION" pulumi-language-nodejs pulumi-language-yaml -type f \( -name '*.go' -o -name 'go.mod' -o -name 'go.sum' \) -print0; for f in pulumi.work; do [ ! -f "$f" ] || printf '%s\0' "$f"; done; } | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12)"
BIN="$CACHE/pulumi-cli/$VERSION-$key/bin"
if [ -x "$BIN/pulumi" ] && has_plugins "$BIN" && [ "$(version_of "$BIN/pulumi")" = "$VERSION" ]; then
    write_dynamic_plugin "$BIN"
    say "cached: $BIN"
    printf '%s\n' "$BIN"
    exit 0
fi

[ -z "${CLOUDREADS_PULUMI_CLI_NO_BUILD:-}" ] || fail "no Pulumi CLI $VERSION in $CACHE or on PATH: run \`npm run pulumi-cli -- $VERSION\` first"

# 3. Build. Progress goes to stderr; a heartbeat says the compile is still going.
say "building the Pulumi CLI $VERSION with $(go version | cut -d' ' -f3) (first time: module downloads of about 1 GB and several minutes of compile; cached afterwards)"
stage="$(mktemp -d "${TMPDIR:-/tmp}/pulumi-cli-build.XXXXXX")"
trap 'rm -rf "$stage"; [ -n "${beat:-}" ] && kill "$beat" 2>/dev/null || true' EXIT
start=$SECONDS
( while sleep 30; do say "... still building ($((SECONDS - start)) s)"; done ) &
beat=$!

export CGO_ENABLED=0
flags=(-trimpath -tags osusergo,grpcnotrace)
# The newest CLI and our Node.js host build from one build list (tools/pulumi.work), shared with the
# SDK generator, the Go SDK and the Go programs, so Pulumi's packages compile once. An older CLI
# and the YAML host (pulumi-yaml needs an older pkg/v3) build on their own.
if [ "$VERSION" = "${KNOWN[0]}" ]; then CLI_WORK="$ROOT/tools/pulumi.work"; else CLI_WORK=off; fi
say "downloading modules"
(cd "$TOOLS" && GOWORK=$CLI_WORK go mod download)
say "compiling pulumi"
(cd "$TOOLS" && GOWORK=$CLI_WORK go build "${flags[@]}" -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$VERSION" -o "$stage/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi)
say "compiling pulumi-language-nodejs (this project's Node.js language host; see tools/pulumi-cli/README.md)"
(cd "$NODEHOST" && GOWORK="$ROOT/tools/pulumi.work" go build "${flags[@]}" -ldflags "-X main.pluginVersion=${VERSION#v}" -o "$stage/pulumi-language-nodejs" .)
say "compiling pulumi-language-yaml (github.com/pulumi/pulumi-yaml $(cd "$YAMLHOST" && GOWORK=off go list -m -f '{{.Version}}' github.com/pulumi/pulumi-yaml))"
(cd "$YAMLHOST" && GOWORK=off go build "${flags[@]}" -o "$stage/pulumi-language-yaml" github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml)
write_dynamic_plugin "$stage"
[ "$(version_of "$stage/pulumi")" = "$VERSION" ] || fail "the built pulumi does not report $VERSION"

mkdir -p "$(dirname "$BIN")"
rm -rf "$BIN.tmp" && mv "$stage" "$BIN.tmp" && rm -rf "$BIN" && mv "$BIN.tmp" "$BIN"
say "built in $((SECONDS - start)) s: $("$BIN/pulumi" version)"
printf '%s\n' "$BIN"
