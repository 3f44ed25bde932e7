import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { useCliStack } from "./helpers/cli-stack";
import { stackOutputs } from "./helpers/pulumi-cli-results";

const ROOT = path.join(__dirname, "..");

/** The README's TypeScript examples that are whole programs (they import the package). */
function readmePrograms(): string[] {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    return [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "").filter((code) => code.includes(`from "pulumi-cloudreads"`));
}

/** `export const name = …; // claim`: what each stack output is said to be. */
function claims(program: string): { name: string; claim: string }[] {
    return [...program.matchAll(/^export const (\w+) = .*; \/\/ (.+)$/gm)].map((m) => ({ name: m[1] ?? "", claim: (m[2] ?? "").trim() }));
}

// Written inside the repository, so that `pulumi-cloudreads` resolves to this package (self-reference).
const PROJECT = path.join(ROOT, "tmp", `readme-example-${process.pid}`);
const program = readmePrograms()[0] ?? "";

/**
 * The README's TypeScript example as a user runs it: the real `pulumi` CLI, the default fixtures of
 * the emulator. Each output the example annotates (`// "RUNNING"`, `// [secret]`) must be what
 * `pulumi stack output` shows.
 */
describe("README: the TypeScript example returns what its comments claim against the default fixtures", function () {
    this.timeout(240_000);
    // Registered before useCliStack's hooks, so the project exists when they init its stack.
    before(() => {
        fs.mkdirSync(PROJECT, { recursive: true });
        fs.writeFileSync(path.join(PROJECT, "Pulumi.yaml"), "name: cloudreads-readme-example\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n");
        fs.writeFileSync(path.join(PROJECT, "index.ts"), program);
    });
    const stack = useCliStack(PROJECT, "readme-example");
    after(() => fs.rmSync(PROJECT, { recursive: true, force: true }));

    it("the README has one whole TypeScript program, with at least three claims", () => {
        assert.equal(readmePrograms().length, 1);
        assert.ok(claims(program).length >= 3, JSON.stringify(claims(program)));
    });

    it("pulumi up succeeds and every claimed output holds; [secret] ones are secret and not empty", async () => {
        await stack.cli.ok(["up", "--yes", "--skip-preview"]);
        const hidden = await stackOutputs(stack.cli, false);
        const shown = await stackOutputs(stack.cli, true);
        for (const { name, claim } of claims(program)) {
            assert.ok(name in shown, `${name}: not a stack output`);
            if (claim === "[secret]") {
                assert.equal(hidden[name], "[secret]", `${name} is not secret`);
                assert.ok(typeof shown[name] === "string" && shown[name] !== "", `${name} is empty`);
            } else {
                assert.deepEqual(shown[name], JSON.parse(claim), `${name}: the README says ${claim}`);
            }
        }
        for (const [name, value] of Object.entries(shown)) assert.ok(value !== "" && !(Array.isArray(value) && value.length === 0), `${name} is empty`);
    });
});
