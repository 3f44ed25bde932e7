import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";

const PROVIDER = path.join(__dirname, "..", "provider");

/**
 * The provider's layers, bottom up: each may import only from its own layer and those below it.
 * `core` (transport, errors, settings, codecs) imports nothing of ours above it; each vendor lives
 * in its own folder under `vendors`; `operations` holds the read descriptions; `runtime` runs them;
 * `dynamic` holds the modules that stored state requires; `plugin`, the provider plugin, is its
 * sibling front end over the same runtime and imports nothing of `dynamic`.
 */
const LAYERS = ["core", "vendors", "operations", "runtime", "dynamic"] as const;
const FRONT_ENDS: Readonly<Record<string, readonly string[]>> = { plugin: ["core", "vendors", "operations", "runtime", "plugin"] };

function sources(dir: string): string[] {
    return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts")).map((f) => path.join(dir, f));
}

function relativeImports(file: string): string[] {
    const text = fs.readFileSync(file, "utf8");
    return [...text.matchAll(/(?:from|import|require)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => path.resolve(path.dirname(file), m[1]!));
}

function layerOf(target: string): string {
    return path.relative(PROVIDER, target).split(path.sep)[0]!;
}

describe("layering of provider/", () => {
    for (const [rank, layer] of LAYERS.entries()) {
        it(`${layer}/ imports only from ${LAYERS.slice(0, rank + 1).join(", ")}`, () => {
            const wrong: string[] = [];
            for (const file of sources(path.join(PROVIDER, layer))) {
                for (const target of relativeImports(file)) {
                    const at = LAYERS.indexOf(layerOf(target) as (typeof LAYERS)[number]);
                    if (at < 0 || at > rank) wrong.push(`${path.relative(PROVIDER, file)} -> ${path.relative(PROVIDER, target)}`);
                }
            }
            assert.deepEqual(wrong, []);
        });
    }

    for (const [front, allowed] of Object.entries(FRONT_ENDS)) {
        it(`${front}/ imports only from ${allowed.join(", ")}`, () => {
            const wrong: string[] = [];
            for (const file of sources(path.join(PROVIDER, front))) {
                for (const target of relativeImports(file)) if (!allowed.includes(layerOf(target))) wrong.push(`${path.relative(PROVIDER, file)} -> ${path.relative(PROVIDER, target)}`);
            }
            assert.deepEqual(wrong, []);
        });
    }

    it("every folder of provider/ is a layer or a front end", () => {
        const folders = fs.readdirSync(PROVIDER, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
        assert.deepEqual(folders.sort(), [...LAYERS, ...Object.keys(FRONT_ENDS)].sort());
    });

    it("each vendor's code lives in its own folder, and no vendor imports another", () => {
        const vendors = path.join(PROVIDER, "vendors");
        const folders = fs.readdirSync(vendors, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
        assert.deepEqual(folders.sort(), ["astracontrol", "huaweicloud"]);
        for (const vendor of folders) {
            for (const file of sources(path.join(vendors, vendor))) {
                for (const target of relativeImports(file)) {
                    const rel = path.relative(vendors, target).split(path.sep);
                    if (layerOf(target) === "vendors" && rel.length > 1) assert.equal(rel[0], vendor, `${path.relative(PROVIDER, file)} imports another vendor's ${rel.join("/")}`);
                }
            }
        }
        assert.equal(fs.existsSync(path.join(PROVIDER, "huawei")), false);
    });
});
