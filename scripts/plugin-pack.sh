#!/usr/bin/env bash
# `npm run plugin:pack`: the provider plugin's tarball for this machine's platform (linux-amd64),
#   pulumi-resource-cloudreads-v<version>-linux-amd64.tar.gz
# the one every plugin test installs: the self-contained binary `pulumi-resource-cloudreads` (a
# Node.js single executable application, no Node.js needed) at its root, `schema.json` and LICENSE
# beside it. Built as `npm run release` builds it (scripts/release/plugin-tarball.sh), into the cache
# (~/.cache/pulumi-cloudreads/plugin-tarballs/<hash of the inputs>/), never into dist/: a repeated
# run with the same sources only hashes them. Install it:
#   pulumi plugin install resource cloudreads <version> --file <tarball>
# Prints the tarball's path last.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent generate >&2
version="$(node -p 'require("./package.json").version')"
bash scripts/release/plugin-tarball.sh linux-amd64 "$(bash scripts/release/plugin-bundle.sh)" "$version"
