import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { NODE_FLOOR_MAJOR, warnUnsupportedNode } from "../sdk/nodejs/internal/runtime-check";

const ROOT = path.join(__dirname, "..");

function script(name: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
    const r = spawnSync("bash", [path.join(ROOT, "scripts", name), ...args], { encoding: "utf8", env: { ...process.env, CLOUDREADS_PULUMI_CLI_NO_BUILD: "1" } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("toolchain: supported versions and the messages for the others", () => {
    it("`npm run pulumi-cli` refuses an unknown version, listing the versions it knows", () => {
        const r = script("pulumi-cli.sh", ["3.100.0"]);
        assert.notEqual(r.status, 0);
        assert.match(r.stderr, /unknown Pulumi CLI version '3\.100\.0': this project builds and tests v3\.276\.0 v3\.248\.0/);
        assert.equal(r.stdout, "");
    });

    it("`npm run node` refuses an unknown Node.js version, listing the ones tested", () => {
        const r = script("node.sh", ["20"]);
        assert.notEqual(r.status, 0);
        assert.match(r.stderr, /unknown Node\.js version '20': this project tests 24\.22\.3 22\.23\.5/);
    });

    it(`this test job runs on Node.js ${NODE_FLOOR_MAJOR} or later, never on the machine's Node 20`, () => {
        assert.ok(Number(process.versions.node.split(".")[0]) >= NODE_FLOOR_MAJOR, process.version);
    });

    it("below the floor the SDK warns once, naming the version found and the one supported; at or above it, never", () => {
        const lines: string[] = [];
        assert.equal(warnUnsupportedNode("22.23.5", (l) => lines.push(l)), false);
        assert.equal(warnUnsupportedNode("24.22.3", (l) => lines.push(l)), false);
        assert.equal(warnUnsupportedNode("20.20.2", (l) => lines.push(l)), true);
        assert.equal(warnUnsupportedNode("18.0.0", (l) => lines.push(l)), false, "warned twice in one process");
        assert.deepEqual(lines, [
            'pulumi-cloudreads: warning: Node.js v20.20.2 is below the supported v22 (engines.node ">=22"); this package is tested on Node.js 24 and 22 only. Upgrade Node.js.\n',
        ]);
    });

    it("package.json declares the floor the SDK checks", () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const pkg = require("../package.json") as { engines: { node: string } };
        assert.equal(pkg.engines.node, `>=${NODE_FLOOR_MAJOR}`);
    });
});
