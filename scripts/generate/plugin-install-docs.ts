/**
 * The "Any language: the provider plugin" part of docs/installation-configuration.md: one command
 * per way of getting the plugin (from the release, from a mirror, offline from a file), the
 * platforms `npm run release` builds (scripts/release/platforms.sh) and their signatures.
 */

/** The schema's `pluginDownloadURL`: the GitHub organization whose release `v<version>` holds the tarballs. */
export const PLUGIN_DOWNLOAD_URL = "github://api.github.com/pulumi-cloudreads";
const OVERRIDE_REGEX = "^github://api\\.github\\.com/pulumi-cloudreads(/.*)?$";

/**
 * The Markdown lines of the plugin's installation, for plugin `name` at `version`.
 *
 * @example
 * ```ts
 * pluginInstallLines("cloudreads", "0.1.0").join("\n"); // "Pick the line of your case: ..."
 * ```
 */
export function pluginInstallLines(name: string, version: string): string[] {
    const asset = (platform: string) => `pulumi-resource-${name}-v${version}-${platform}.tar.gz`;
    return [
        `The plugin \`pulumi-resource-${name}\` is one self-contained binary per platform, with Node.js inside: nothing else to install, no Node.js on \`PATH\`. Each release \`v${version}\` holds \`${asset("<os>-<arch>")}\` (the binary at the archive's root), \`pulumi-${name}_${version}_checksums.txt\` (sha256) and \`schema.json\`. Pick the line of your case:`,
        "",
        "```sh",
        `# From the release: the CLI downloads this platform's tarball.`,
        `pulumi plugin install resource ${name} ${version} --server ${PLUGIN_DOWNLOAD_URL}`,
        "",
        `# From a mirror or an offline site serving the same files (\${VERSION} is filled in by the CLI):`,
        `export PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES='${OVERRIDE_REGEX}=https://mirror.example.com/${name}/v\${VERSION}'`,
        `pulumi plugin install resource ${name} ${version} --server ${PLUGIN_DOWNLOAD_URL}`,
        "",
        `# Offline, from a downloaded tarball:`,
        `pulumi plugin install resource ${name} ${version} --file ${asset("linux-amd64")}`,
        "```",
        "",
        `Add \`--checksum <sha256>\` (from the checksums file) to have the CLI check the download. Without \`--server\`, \`pulumi plugin install resource ${name} ${version}\` asks the Pulumi Registry, which does not list ${name}. Programs need no command at all: the Go and Python SDKs name the server in their \`pulumi-plugin.json\`, and a YAML program names it in a package declaration beside \`Pulumi.yaml\` (\`examples/yaml/sdks/${name}.yaml\`):`,
        "",
        "```yaml",
        "packageDeclarationVersion: 1",
        `name: ${name}`,
        `version: ${version}`,
        `downloadUrl: ${PLUGIN_DOWNLOAD_URL}`,
        "```",
        "",
        "The engine then installs the plugin on the first `pulumi preview` or `pulumi up` (unless `PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION` is set); the mirror override above applies there too.",
        "",
        "| Platform | What the tarball holds | Node.js inside | Notes |",
        "|---|---|---|---|",
        "| linux-amd64 | ELF x86-64 binary | 24.22.3 | Its blob carries V8's code cache. The binary every test runs. |",
        "| linux-arm64 | ELF AArch64 binary | 24.22.1 | Built, not run here. |",
        "| darwin-amd64 | Mach-O x86-64 binary | 24.18.1 | See signatures below. |",
        "| darwin-arm64 | the darwin-amd64 binary | 24.18.1 | Runs under Rosetta 2 (`softwareupdate --install-rosetta`): the npm registry serves no Node.js 24 for darwin-arm64. |",
        "| windows-amd64 | PE x64 binary, `.exe` | 24.21.0 | |",
        "| windows-arm64 | the windows-amd64 binary | 24.21.0 | Runs under Windows 11's x64 emulation: the npm registry serves no Node.js 24 for windows-arm64. |",
        "",
        "Each tarball is about 42 MiB, and the binary about 122 MiB unpacked (Node.js itself is most of it).",
        "",
        `**Signatures.** Injecting the plugin into Node's binary breaks the Node.js project's signature. On macOS, if \`${name}\` fails to start (\`Killed: 9\`), sign the installed binary ad hoc: \`codesign --sign - --force ~/.pulumi/plugins/resource-${name}-v${version}/pulumi-resource-${name}\`. On Windows the \`.exe\` carries no valid signature; Windows runs it, since a file the CLI downloads has no mark of the web for SmartScreen to check.`,
    ];
}
