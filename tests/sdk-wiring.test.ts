import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

import { operations } from "../provider/operations";
import { descriptionOf } from "../provider/operations/describe";
import { examplesOf, RESOURCE_READS, typeOf } from "./helpers/reads";
import { nameSaysSecret } from "./helpers/secret-names";

interface Registration {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
    additionalSecretOutputs: string[];
}

const SENTINELS = ["SENTINEL-TOKEN-0000000000000001", "SENTINELAK00000001", "SENTINEL-SK-0000000000000001", "SENTINEL-ST-0000000000000001", "SENTINEL-ASTRA-0000000000000001"];

async function register(): Promise<Registration[]> {
    const { stdout } = await run(process.execPath, ["-r", "ts-node/register", path.join(__dirname, "helpers", "mock-registrations.ts")], {
        cwd: path.join(__dirname, ".."),
        env: {
            ...process.env,
            TS_NODE_TRANSPILE_ONLY: "true",
            HW_AUTH_TOKEN: SENTINELS[0],
            HW_ACCESS_KEY: SENTINELS[1],
            HW_SECRET_KEY: SENTINELS[2],
            HW_SECURITY_TOKEN: SENTINELS[3],
            ASTRA_CONTROL_API_TOKEN: SENTINELS[4],
            PULUMI_CONFIG: JSON.stringify({ "huaweicloud:token": SENTINELS[0], "astracontrol:apiToken": SENTINELS[4] }),
        },
        maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(stdout) as Registration[];
}

describe("SDK wiring under pulumi.runtime mocks", function () {
    this.timeout(60000);
    let regs: Registration[];
    before(async () => {
        regs = await register();
    });

    it("registers each resource with its dynamic type token", () => {
        assert.deepEqual([...new Set(regs.map((r) => r.type))].sort(), RESOURCE_READS.map(typeOf).sort());
        for (const token of RESOURCE_READS) assert.ok(regs.some((r) => r.name === `example-${token}` && r.type === typeOf(token)), token);
    });

    it("declares every output whose name says secret as an additional secret output, as the descriptions have it", () => {
        const secrets: Record<string, string[]> = Object.fromEntries(regs.map((r) => [r.type.split(":").pop(), r.additionalSecretOutputs]));
        assert.deepEqual(secrets, { ...Object.fromEntries(RESOURCE_READS.map((t) => [t, examplesOf(t).secretFields])), "huaweicloud.sms.TaskPassphrase": ["passphrase"], "huaweicloud.roma.ProductAuthentication": ["password"] });
        // Not only against the descriptions' own lists: the names of the outputs say which are secrets.
        for (const token of RESOURCE_READS) {
            const named = operations[token].resultNames.filter((n) => nameSaysSecret(n) && !descriptionOf(operations[token]).fields[n]?.notSecret);
            const declared = regs.find((r) => r.type === typeOf(token))?.additionalSecretOutputs ?? [];
            assert.deepEqual(named.filter((n) => !declared.includes(n)), [], `${token}: secret-named outputs not in additionalSecretOutputs`);
        }
        for (const r of regs) assert.deepEqual(r.additionalSecretOutputs, examplesOf(r.type.split(":").pop() as (typeof RESOURCE_READS)[number]).secretFields, r.name);
    });

    it("sends only ids and overrides as inputs, never a credential", () => {
        const pass = regs.find((r) => r.name === "pass");
        assert.ok(pass);
        assert.deepEqual(Object.keys(pass.inputs).sort(), ["__provider", "region", "taskId"]);
        const auth = regs.find((r) => r.name === "auth");
        assert.equal(auth?.inputs.productId, "99999999999999999");
    });

    it("keeps every sentinel credential out of __provider and all inputs", () => {
        const text = JSON.stringify(regs);
        for (const s of SENTINELS) assert.ok(!text.includes(s), `sentinel ${s} leaked into a registration`);
        for (const r of regs) {
            const provider = String(r.inputs.__provider);
            assert.match(provider, /exports\.handler/);
            assert.doesNotMatch(provider, /HW_|ASTRA_CONTROL_|process\.env/);
        }
    });
});
