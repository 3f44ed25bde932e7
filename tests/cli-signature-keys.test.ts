import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { specialArchiveSig, specialAssetSig, specialResourceSig, specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { useCliStack } from "./helpers/cli-stack";
import { json, rawServer, type RawServer } from "./helpers/hostile-servers";
import { exportedResources } from "./helpers/pulumi-cli-results";
import { FIXTURE } from "./helpers/stack";

const PROJECT = path.join(__dirname, "cli-fixtures", "signature-keys");

/**
 * Through the real CLI: an Astra certificate whose `trustStateDetails[0].additionalDetails` holds
 * Pulumi's signature key, as an asset (a URL on a local listener, a sentinel local file), an
 * archive (a sentinel folder), a secret or a resource reference. `pulumi up` fails naming the
 * field (never the value), the resource is not created, the listener gets no request, and no
 * process opens the sentinel FIFO (an engine hashing the asset would block on it).
 */
describe("real Pulumi CLI: Pulumi's signature key in a vendor object never reaches the engine", function () {
    this.timeout(600_000);
    let sentinel: RawServer;
    let scratch: string;
    let fifo: string;
    const stack = useCliStack(PROJECT, "cli-sig", () => ({ "cloudreads-sig:certificateId": FIXTURE.certificateId }));
    before(async () => {
        sentinel = await rawServer((_req, res) => json(res, 200, {}));
        scratch = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-sig-"));
        fifo = path.join(scratch, "sentinel-asset");
        execFileSync("mkfifo", [fifo]);
    });
    after(async () => {
        await sentinel?.close();
        if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    });

    const signatures = (): Record<string, Record<string, unknown>> => ({
        "asset (URL)": { [specialSigKey]: specialAssetSig, uri: `${sentinel.url}/asset.txt` },
        "asset (local file)": { [specialSigKey]: specialAssetSig, path: fifo },
        "archive (folder)": { [specialSigKey]: specialArchiveSig, path: scratch },
        "archive (URL)": { [specialSigKey]: specialArchiveSig, uri: `${sentinel.url}/archive.tgz` },
        secret: { [specialSigKey]: specialSecretSig, value: "forged-secret-value" },
        "resource reference": { [specialSigKey]: specialResourceSig, urn: "urn:pulumi:dev::forged::pulumi:pulumi:Stack::forged", id: "forged-id" },
    });

    it("every signature: up fails naming the field, creates nothing, fetches and reads nothing", async () => {
        const cert = stack.emu.data.astra.certificates.find((c) => c.resource.id === FIXTURE.certificateId)!.resource;
        for (const [kind, sig] of Object.entries(signatures())) {
            cert.trustStateDetails = [{ type: "https://astra.netapp.io/details/x", title: "t", detail: "d", additionalDetails: sig }];
            const up = await stack.cli.run(["up", "--yes", "--skip-preview"]);
            const output = `${up.stdout}\n${up.stderr}`;
            assert.notEqual(up.code, 0, `${kind}: up succeeded\n${output}`);
            assert.match(output, new RegExp(`trustStateDetails\\[0\\]\\.additionalDetails: holds the key ${specialSigKey}`), `${kind}:\n${output}`);
            for (const value of Object.values(sig)) if (value !== specialSigKey) assert.ok(!output.includes(String(value)), `${kind}: the output shows ${String(value)}`);
            const state = exportedResources((await stack.cli.ok(["stack", "export"])).stdout);
            assert.equal(state.filter((r) => r.type.includes("Certificate")).length, 0, `${kind}: a Certificate is in the state`);
            assert.equal(sentinel.hits(), 0, `${kind}: the deploy machine fetched the sentinel URL`);
        }
        // A reader of the FIFO would still hold it open (nothing ever writes): none does.
        assert.throws(() => fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK), /ENXIO/);
    });

    it("the same certificate without the key creates the resource (the test can pass only by refusing the key)", async () => {
        const cert = stack.emu.data.astra.certificates.find((c) => c.resource.id === FIXTURE.certificateId)!.resource;
        cert.trustStateDetails = [{ type: "https://astra.netapp.io/details/x", title: "t", detail: "d", additionalDetails: { uri: `${sentinel.url}/plain`, note: "plain data" } }];
        await stack.cli.ok(["up", "--yes", "--skip-preview"]);
        const state = exportedResources((await stack.cli.ok(["stack", "export"])).stdout);
        assert.equal(state.filter((r) => r.type.includes("Certificate")).length, 1);
        assert.equal(sentinel.hits(), 0);
    });
});
