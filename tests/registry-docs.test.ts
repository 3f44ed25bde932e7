import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { operations } from "../provider/operations/all";
import { PLUGIN_CONFIG_KEYS } from "../provider/plugin/config-keys";
import { pluginTokens } from "../provider/plugin/tokens";
import { discoverReads, generate, generateCommitted, packageVersion } from "../scripts/generate";
import { buildSchema } from "../scripts/generate/schema";

const ROOT = path.join(__dirname, "..");
const PAGES = ["docs/_index.md", "docs/installation-configuration.md"];

interface Schema {
    readonly resources: Record<string, { inputProperties: Record<string, unknown>; requiredInputs: string[] }>;
    readonly functions: Record<string, { inputs: { properties: Record<string, unknown>; required?: string[] } }>;
    readonly config: { variables: Record<string, { secret?: boolean }> };
}

/** The YAML blocks of a page, each as its `name: { type | function, props }` entries (two-space keys). */
function yamlEntries(page: string): { name: string; token: string; kind: "type" | "function"; props: string[] }[] {
    const entries: { name: string; token: string; kind: "type" | "function"; props: string[] }[] = [];
    for (const block of page.matchAll(/```yaml\n([\s\S]*?)```/g)) {
        let current: (typeof entries)[number] | undefined;
        for (const line of block[1]!.split("\n")) {
            const name = /^ {2}(\w+):$/.exec(line);
            const token = /^ {4}type: (\S+)$|^ {6}function: (\S+)$/.exec(line);
            const prop = /^ {6,8}(\w+): \S/.exec(line);
            if (name) current = { name: name[1]!, token: "", kind: "type", props: [] };
            else if (token && current) {
                current.token = token[1] ?? token[2]!;
                current.kind = token[1] ? "type" : "function";
                entries.push(current);
            } else if (prop && current?.token && !["function", "arguments", "provider"].includes(prop[1]!)) current.props.push(prop[1]!);
        }
    }
    return entries;
}

/** The Registry's two pages: committed, current, in its front-matter shape, and true to the schema. */
describe("Pulumi Registry pages (docs/_index.md, docs/installation-configuration.md)", () => {
    const reads = discoverReads();
    const committed = generateCommitted(reads);
    const pages = new Map([...committed].filter(([p]) => PAGES.includes(p)));
    const schema = buildSchema(reads, packageVersion()) as unknown as Schema;
    const index = pages.get(PAGES[0]!)!;
    const install = pages.get(PAGES[1]!)!;

    it("are committed, and equal what `npm run generate` writes from the descriptions and the schema", () => {
        assert.deepEqual([...committed.keys()].filter((p) => !p.startsWith("docs/reference/")).sort(), [...PAGES].sort());
        for (const file of PAGES) assert.equal(fs.readFileSync(path.join(ROOT, file), "utf8"), pages.get(file), `${file} is not what the generator gives: run npm run generate and commit it`);
        const tracked = execFileSync("git", ["ls-files", ...PAGES], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean);
        assert.deepEqual(tracked.sort(), [...PAGES].sort(), "the Registry reads them from the repository: they must be committed");
        assert.equal(PAGES.some((p) => generate(reads).has(p)), false, "the gitignored set must not hold them");
        const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { files: string[] };
        for (const file of PAGES) assert.ok(manifest.files.includes(file), `package.json files ships ${file}`);
    });

    it("open with the Registry's front matter: title, meta_desc, layout: package", () => {
        for (const [file, text] of pages) assert.match(text, /^---\ntitle: [^\n]+\nmeta_desc: [^\n]+\nlayout: package\n---\n/, file);
    });

    it("the overview lists every read of the registry with its plugin tokens and its reference page", () => {
        for (const token of Object.keys(operations)) {
            const t = pluginTokens(token);
            assert.ok(index.includes(`[${token}](reference/${token}.md)`), token);
            assert.ok(index.includes(`\`${t.function}\``), t.function);
            if (schema.resources[t.resource]) assert.ok(index.includes(`\`${t.resource}\``), t.resource);
        }
        assert.match(index, /```ts\nimport \{ astracontrol, huaweicloud \} from "pulumi-cloudreads";/);
    });

    it("its YAML examples use only the schema's tokens and inputs, and give every required input", () => {
        const entries = [...yamlEntries(index), ...yamlEntries(install)];
        const resources = entries.filter((e) => e.kind === "type" && e.token !== "pulumi:providers:cloudreads");
        assert.ok(resources.length >= 4 && entries.some((e) => e.kind === "function"));
        for (const e of entries) {
            const spec =
                e.token === "pulumi:providers:cloudreads"
                    ? { inputs: schema.config.variables, required: [] }
                    : e.kind === "type"
                      ? { inputs: schema.resources[e.token]?.inputProperties, required: schema.resources[e.token]?.requiredInputs ?? [] }
                      : { inputs: schema.functions[e.token]?.inputs.properties, required: schema.functions[e.token]?.inputs.required ?? [] };
            assert.ok(spec.inputs, `${e.name}: ${e.token} is not in the schema`);
            for (const p of e.props) assert.ok(p in spec.inputs, `${e.name}: ${e.token} has no input ${p}`);
            for (const p of spec.required) assert.ok(e.props.includes(p), `${e.name}: ${e.token} needs ${p}`);
        }
    });

    it("the configuration table has every config variable of the schema once, its secrecy and the dynamic form's key", () => {
        const rows = install.split("\n").filter((l) => l.startsWith("| `cloudreads:"));
        assert.equal(rows.length, Object.keys(schema.config.variables).length);
        for (const [name, v] of Object.entries(schema.config.variables)) {
            const row = rows.find((r) => r.startsWith(`| \`cloudreads:${name}\` |`));
            assert.ok(row, name);
            const cells = row.split(" | ");
            assert.equal(cells[2], v.secret ? "**yes**" : "no", name);
            assert.ok(row.endsWith(`| \`${PLUGIN_CONFIG_KEYS.find((k) => k.name === name)!.setting}\` |`), name);
        }
        assert.ok(rows.some((r) => r.startsWith("| `cloudreads:huaweicloudAccessKey` |") && r.endsWith("| `huaweicloud:accessKey` |")));
    });

    it("the installation page gives the plugin install command for this version, and says which languages are proven how", () => {
        assert.ok(install.includes(`pulumi plugin install resource cloudreads ${packageVersion()} --file pulumi-resource-cloudreads-v${packageVersion()}-linux-amd64.tar.gz`));
        assert.ok(install.includes(`pulumi plugin install resource cloudreads ${packageVersion()} --server github://api.github.com/pulumi-cloudreads`));
        assert.ok(install.includes("PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES="));
        assert.doesNotMatch(install, /npm run plugin:pack|dist\/plugin/);
        assert.ok(install.includes("npm install pulumi-cloudreads @pulumi/pulumi"));
        assert.match(install, /\*\*Node\.js\*\* \(dynamic form\) and \*\*YAML\*\* \(plugin\) are proven end to end/);
        assert.match(install, /\*\*Go\*\* \(plugin\) is proven end to end/);
        assert.ok(install.includes(`go get github.com/pulumi-cloudreads/pulumi-cloudreads/sdk@v${packageVersion()}`));
    });
});
