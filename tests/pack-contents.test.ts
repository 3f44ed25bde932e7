import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { packProject, runCommand } from "./helpers/installed-package";

const ROOT = path.join(__dirname, "..");
/** What `npm pack` puts in the tarball, checked with `npm pack --dry-run --json` on a fresh clone's build. */
describe("npm pack: the tarball holds what a user needs and nothing else", function () {
  this.timeout(240_000);
  let tmp: string;
  let stage: string;
  let files: string[];
  let packed: { scripts?: Record<string, string> };
  let manifest: {
    main: string;
    types: string;
    exports: Record<string, { types: string; default: string } | string>;
    bin: Record<string, string>;
    typesVersions: Record<string, Record<string, string[]>>;
  };

  before(async function () {
    this.timeout(300_000);
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-pack-contents-")));
    stage = path.join(tmp, "stage");
    // Builds dist/ in the staged copy (prepack) and packs it; the dry run then lists that same build.
    const tarball = await packProject(ROOT, stage, path.join(tmp, "pack"), 200_000);
    // The manifest as published: read from the tarball, not from the staged folder.
    const { stdout: manifestText } = await runCommand("tar", ["-xzOf", tarball, "package/package.json"], tmp, 60_000);
    packed = JSON.parse(manifestText) as typeof packed;
    const { stdout } = await runCommand("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], stage, 120_000);
    const report = JSON.parse(stdout) as { files: { path: string }[] }[];
    files = (report[0]?.files ?? []).map((f) => f.path).sort();
    manifest = JSON.parse(fs.readFileSync(path.join(stage, "package.json"), "utf8")) as typeof manifest;
  });

  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const has = (file: string): boolean => files.includes(file);

  it("has the manifest, README, LICENSE, the SDK, every dynamic provider module and the emulator", () => {
    for (const file of [
      "package.json",
      "README.md",
      "LICENSE",
      "dist/sdk/nodejs/index.js",
      "dist/sdk/nodejs/index.d.ts",
      "dist/emulator/index.js",
      "dist/emulator/index.d.ts",
      "dist/emulator/cli.js",
      "dist/emulator/fixtures/default.json",
    ]) {
      assert.ok(has(file), `${file} is missing from the tarball`);
    }
    // State written by any version requires these modules by name: each must ship, with its types.
    const providers = fs.readdirSync(path.join(stage, "provider", "dynamic")).filter((f) => f.endsWith(".ts"));
    assert.ok(providers.length >= 4);
    for (const source of providers) {
      for (const ext of [".js", ".d.ts"]) assert.ok(has(`dist/provider/dynamic/${source.replace(/\.ts$/, ext)}`), `${source}: no ${ext} in the tarball`);
    }
  });

  it("ships every file package.json points at: main, types, exports, typesVersions and bin", () => {
    const targets = [manifest.main, manifest.types, ...Object.values(manifest.bin)];
    for (const entry of Object.values(manifest.exports)) targets.push(...(typeof entry === "string" ? [entry] : [entry.types, entry.default]));
    for (const map of Object.values(manifest.typesVersions)) for (const list of Object.values(map)) targets.push(...list);
    for (const target of targets.map((t) => t.replace(/^\.\//, ""))) {
      if (target.includes("*")) {
        const pattern = new RegExp(`^${target.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[^/]+")}$`);
        assert.ok(files.some((f) => pattern.test(f)), `nothing in the tarball matches ${target}`);
      } else {
        assert.ok(has(target), `${target} is named in package.json but not in the tarball`);
      }
    }
    assert.deepEqual(Object.keys(manifest.bin), ["cloudreads-emulator"]);
    assert.equal(manifest.exports["./emulator"] !== undefined, true);
  });

  it("runs nothing at install: the published package.json has no preinstall, install, postinstall or prepare script", () => {
    const lifecycle = ["preinstall", "install", "postinstall", "prepare", "preprepare", "postprepare"];
    const found = Object.keys(packed.scripts ?? {}).filter((name) => lifecycle.includes(name));
    assert.deepEqual(found, [], `npm would run ${found.join(", ")} when the package is installed`);
  });

  it("leaves out sources, tests, scripts, tools and examples; ships the docs/ pages", () => {
    const unneeded = files.filter(
      (f) =>
        /^(tests|scripts|tools|examples|emulator|provider|sdk|tmp|node_modules|\.github)\//.test(f) ||
        (f.endsWith(".ts") && !f.endsWith(".d.ts")) ||
        (f.startsWith("docs/") && !/^docs\/(reference\/)?[^/]+\.md$/.test(f) && f !== "docs/benchmarks.svg") ||
        /\.(map|tgz|sh)$/.test(f) ||
        (f.endsWith(".svg") && f !== "docs/benchmarks.svg") ||
        /(^|\/)tsconfig[^/]*\.json$/.test(f) ||
        f === "Pulumi.yaml",
    );
    assert.deepEqual(unneeded, []);
    const topLevel = [...new Set(files.map((f) => f.split("/")[0]))].sort();
    assert.deepEqual(topLevel.filter((t) => !["LICENSE", "README.md", "dist", "docs", "package.json"].includes(t)), []);
    assert.deepEqual([...new Set(files.filter((f) => f.startsWith("dist/")).map((f) => f.split("/")[1]))].sort(), ["emulator", "provider", "sdk"]);
  });
});
