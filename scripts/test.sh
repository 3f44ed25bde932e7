#!/usr/bin/env bash
# `npm test`: the README's test command. Runs a test job on the Node.js and Pulumi CLI it names,
# both fetched into a cache (scripts/node.sh, scripts/pulumi-cli.sh), never on the machine's own
# Node.js:
#
#   current (default): Node.js 24, the @pulumi/pulumi in node_modules (3.276.0 from npm ci), CLI v3.276.0;
#                      every test.
#   floor:             Node.js 22, @pulumi/pulumi 3.248.0 (install it first:
#                      `npm install --no-save @pulumi/pulumi@3.248.0`), CLI v3.248.0; the tests
#                      listed in FLOOR_TESTS.
#
# Environment: CLOUDREADS_TEST_JOB (current|floor); CLOUDREADS_TEST_JOBS (test files at once in the
# current job, default 2); extra arguments go to mocha (e.g. a file).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

FLOOR_TESTS=(
    tests/cli-quickstart.test.ts
    tests/cli-conventions.test.ts
    tests/cli-engine-changes.test.ts
    tests/installed-package.test.ts
    tests/pulumi-internals.test.ts
    tests/toolchain-scripts.test.ts
    tests/plugin-yaml-lifecycle.test.ts
    tests/plugin-import.test.ts
)

job="${CLOUDREADS_TEST_JOB:-current}"
case "$job" in
    current) node_major=24; cli=v3.276.0; sdk=3.276.0 ;;
    floor) node_major=22; cli=v3.248.0; sdk=3.248.0 ;;
    *) echo "npm test: unknown CLOUDREADS_TEST_JOB '$job': use current or floor" >&2; exit 2 ;;
esac

PATH="$(bash scripts/node.sh "$node_major"):$PATH"
export PATH
export CLOUDREADS_PULUMI_CLI_VERSION="$cli"
installed="$(node -p 'require("@pulumi/pulumi/package.json").version')"
if [ "$installed" != "$sdk" ]; then
    echo "npm test: the $job job tests @pulumi/pulumi $sdk, but node_modules holds $installed: run \`npm install --no-save @pulumi/pulumi@$sdk\` (or \`npm ci\` for the current job)" >&2
    exit 2
fi
echo "npm test: $job job on Node.js $(node --version), @pulumi/pulumi $installed, Pulumi CLI $cli" >&2

npm run --silent build
npx tsc --noEmit -p tsconfig.json
# The plugin's linux-amd64 SEA binary that the plugin tests install: built into the cache, keyed by
# the hash of its inputs, so a repeated run only hashes (scripts/plugin-pack.sh).
bash scripts/plugin-pack.sh >/dev/null
bash scripts/pulumi-cli.sh "$cli" >/dev/null

if [ "$job" = floor ]; then
    files=()
    for f in "${FLOOR_TESTS[@]}"; do
        [ -f "$f" ] || { echo "npm test: the floor list names $f, which does not exist" >&2; exit 2; }
        files+=("$f")
    done
    exec npx mocha "${files[@]}" "$@"
fi
if [ "$#" -gt 0 ]; then exec npx mocha "$@"; fi
# Test files run two at a time (one per core): each starts its own emulators, CLI stacks and
# scratch folders, so none shares state with another. CLOUDREADS_TEST_JOBS=1 runs them in turn.
jobs="${CLOUDREADS_TEST_JOBS:-2}"
if [ "$jobs" -gt 1 ]; then exec npx mocha --parallel --jobs "$jobs" 'tests/**/*.test.ts'; fi
exec npx mocha 'tests/**/*.test.ts'
