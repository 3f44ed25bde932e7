import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..");
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { name: string; version: string; scripts: Record<string, string> };
const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const v = manifest.version;
/** The shell blocks of the README, joined. */
const commands = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!).join("\n");

/**
 * The README's install commands are the ones that work before anything is published: from the
 * release folder `npm run release` writes (issue 26: `npm install pulumi-cloudreads` answered 404).
 * The registry commands stay, as prose marked as the future path.
 */
describe("README: install as it is today", () => {
    it("installs the npm package from the release folder, in one command", () => {
        const lines = commands.split("\n").filter((l) => /^npm install /.test(l));
        assert.deepEqual(lines, [`npm install "$CLOUDREADS/release/v${v}/${manifest.name}-${v}.tgz" @pulumi/pulumi`]);
    });

    it("installs the plugin from the release folder's tarball", () => {
        assert.ok(commands.includes(`pulumi plugin install resource cloudreads ${v} --file "$CLOUDREADS/release/v${v}/pulumi-resource-cloudreads-v${v}-linux-amd64.tar.gz"`), "no --file install from the release folder");
        assert.doesNotMatch(commands, /--server github:/, "a --server install in a command block: the GitHub release does not exist yet");
    });

    it("names the files `npm run release` writes, where it writes them", () => {
        const release = fs.readFileSync(path.join(ROOT, "scripts", "release", "release.sh"), "utf8");
        assert.match(release, /out="\$\{CLOUDREADS_RELEASE_DIR:-release\/v\$version\}"/);
        assert.match(release, /pulumi-cloudreads-<version>\.tgz\s+the npm package/);
        assert.match(release, /pulumi-resource-cloudreads-v<version>-<os>-<arch>\.tar\.gz/);
        // npm pack names a tarball <name>-<version>.tgz; scripts/release/npm-package.sh copies it as is.
        assert.match(fs.readFileSync(path.join(ROOT, "scripts", "release", "npm-package.sh"), "utf8"), /npm pack/);
        assert.equal(manifest.scripts.release, "bash scripts/release/release.sh");
    });

    it("no build deletes the release folder or the plugin pack output", () => {
        for (const [name, script] of Object.entries(manifest.scripts)) assert.doesNotMatch(script, /rm -rf? (\.\/)?release|rm -rf? [^&;]*\/release/, `npm run ${name} deletes release/`);
        assert.match(fs.readFileSync(path.join(ROOT, ".gitignore"), "utf8"), /^\/release\/$/m);
        const pack = fs.readFileSync(path.join(ROOT, "scripts", "plugin-pack.sh"), "utf8");
        assert.match(pack, /never into dist\//);
        assert.doesNotMatch(pack.split("\n").filter((l) => !l.startsWith("#")).join("\n"), /dist\//, "plugin:pack writes into dist/, which `npm run build` deletes");
    });

    it("keeps the npm registry command as the future path, saying it is not published yet", () => {
        assert.match(readme, /not published yet/);
        assert.match(readme, /this will be `npm install pulumi-cloudreads @pulumi\/pulumi` \(the future path/);
    });

    it("every `pulumi import` example passes --protect=false and says what protect means", () => {
        for (const file of ["README.md", "docs/plugin.md"]) {
            const text = fs.readFileSync(path.join(ROOT, file), "utf8");
            const imports = [...text.matchAll(/^pulumi import .*$/gm)].map((m) => m[0]);
            assert.ok(imports.length > 0, file);
            for (const line of imports) assert.match(line, /^pulumi import --protect=false /, `${file}: ${line}`);
            assert.match(text, /`protect: true`[^]*?pulumi state unprotect/, `${file} says what protect means`);
        }
    });
});
