import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { specialArchiveSig, specialAssetSig, specialResourceSig, specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { loadDefaultFixtures } from "../emulator/fixtures";
import { ResponseDecodeError } from "../provider/core/errors";
import { PULUMI_SIGNATURE_KEY } from "../provider/core/signature-keys";
import { astracontrol, huaweicloud } from "../sdk/nodejs";
import { astraAt, failure, huaweiAt, json, rawServer, visible, type RawServer } from "./helpers/hostile-servers";
import { FIXTURE } from "./helpers/stack";

/**
 * To @pulumi/pulumi's serializer an object holding the key `4dabf18193072939515e22adb298388d` is
 * an asset, an archive, a secret or a resource reference. A vendor response holding that key
 * anywhere is refused with a ResponseDecodeError naming the field (never its value), through
 * getX and getXOutput alike, so no such object reaches a result, an Output or a stack output.
 * The resource case, through the real CLI, is tests/cli-signature-keys.test.ts.
 */

const cert = loadDefaultFixtures().astra.certificates.find((c) => c.resource.id === FIXTURE.certificateId)!.resource as Record<string, unknown>;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The four signatures, each pointing at things the deploy machine must never touch. */
function signatures(sentinel: string): Record<string, Record<string, unknown>> {
    return {
        asset: { [specialSigKey]: specialAssetSig, uri: `${sentinel}/asset` },
        archive: { [specialSigKey]: specialArchiveSig, path: "/nonexistent/cloudreads-sentinel-archive" },
        secret: { [specialSigKey]: specialSecretSig, value: "forged-secret-value" },
        "resource reference": { [specialSigKey]: specialResourceSig, urn: "urn:pulumi:dev::forged::pulumi:pulumi:Stack::forged", id: "forged-id" },
    };
}

type Place = { read: "certificate" | "certificates" | "sms" | "kps"; field: string; put: (body: Record<string, unknown>, value: unknown) => void };

/** Every place a free-form vendor object, or an extra key, could carry the signature. */
const PLACES: readonly Place[] = [
    { read: "certificate", field: "trustStateDetails[0].additionalDetails", put: (b, v) => void ((b.trustStateDetails as object[])[0] = { type: "t", title: "t", detail: "d", additionalDetails: v }) },
    { read: "certificate", field: "trustStateDetails[0].additionalDetails.nested[1]", put: (b, v) => void ((b.trustStateDetails as object[])[0] = { type: "t", title: "t", detail: "d", additionalDetails: { nested: [1, v] } }) },
    { read: "certificate", field: "metadata.extra", put: (b, v) => void ((b.metadata as Record<string, unknown>).extra = v) },
    { read: "certificate", field: "trustStateTransitions[0].extra", put: (b, v) => void ((b.trustStateTransitions as object[])[0] = { from: "untrusted", to: ["trusted"], extra: v }) },
    { read: "certificate", field: "extra", put: (b, v) => void (b.extra = v) },
    { read: "certificates", field: "items[0].trustStateDetails[0].additionalDetails", put: (b, v) => void (((b.items as Record<string, unknown>[])[0]!.trustStateDetails as object[])[0] = { type: "t", title: "t", detail: "d", additionalDetails: v }) },
    { read: "certificates", field: "items[0].metadata.extra", put: (b, v) => void (((b.items as Record<string, unknown>[])[0]!.metadata as Record<string, unknown>).extra = v) },
    { read: "certificates", field: "metadata.extra", put: (b, v) => void (b.metadata = { extra: v }) },
    { read: "sms", field: "source_server.extra", put: (b, v) => void (b.source_server = { id: "s", extra: v }) },
    { read: "kps", field: "extra", put: (b, v) => void (b.extra = v) },
];

function bodyOf(place: Place, value: unknown): Record<string, unknown> {
    const body: Record<string, unknown> =
        place.read === "certificate" ? clone(cert)
        : place.read === "certificates" ? { items: [clone(cert)] }
        : place.read === "sms" ? { id: FIXTURE.smsTaskId, name: "t", state: "RUNNING" }
        : { task_id: FIXTURE.kpsTaskId, task_status: "RUNNING_RESET" };
    place.put(body, value);
    return body;
}

function settled<T>(o: pulumi.Output<T>): Promise<T> {
    const inner = o as unknown as { promise(): Promise<T>; isKnown: Promise<boolean>; isSecret: Promise<boolean> };
    inner.isKnown.catch(() => undefined);
    inner.isSecret.catch(() => undefined);
    return inner.promise();
}

const plain: Record<Place["read"], () => Promise<unknown>> = {
    certificate: () => astracontrol.getCertificate({ certificateId: FIXTURE.certificateId }),
    certificates: () => astracontrol.getCertificates({}),
    sms: () => huaweicloud.sms.getTask({ taskId: FIXTURE.smsTaskId }),
    kps: () => huaweicloud.kps.getKeypairTask({ taskId: FIXTURE.kpsTaskId }),
};
const output: Record<Place["read"], () => Promise<unknown>> = {
    certificate: () => settled(astracontrol.getCertificateOutput({ certificateId: FIXTURE.certificateId })),
    certificates: () => settled(astracontrol.getCertificatesOutput({})),
    sms: () => settled(huaweicloud.sms.getTaskOutput({ taskId: FIXTURE.smsTaskId })),
    kps: () => settled(huaweicloud.kps.getKeypairTaskOutput({ taskId: FIXTURE.kpsTaskId })),
};

describe("security: Pulumi's signature key in a vendor response never reaches a result", function () {
    this.timeout(30_000);
    let answer: Record<string, unknown> = {};
    let vendor: RawServer;
    let sentinel: RawServer;
    before(async () => {
        vendor = await rawServer((_req, res) => json(res, 200, answer));
        sentinel = await rawServer((_req, res) => json(res, 200, {}));
        pulumi.runtime.setAllConfig({ ...huaweiAt(vendor.url), ...astraAt(vendor.url) });
    });
    after(async () => {
        pulumi.runtime.setAllConfig({});
        await vendor.close();
        await sentinel.close();
    });

    it("the key is the one @pulumi/pulumi's runtime/rpc.ts uses", () => assert.equal(PULUMI_SIGNATURE_KEY, specialSigKey));

    for (const place of PLACES) {
        for (const [how, call] of [["get", plain], ["getOutput", output]] as const) {
            it(`${place.read} ${how}: every signature at ${place.field} is a ResponseDecodeError naming the field, not the value`, async () => {
                for (const [kind, sig] of Object.entries(signatures(sentinel.url))) {
                    answer = bodyOf(place, sig);
                    const e = await failure(call[place.read]());
                    assert.ok(e instanceof ResponseDecodeError, `${kind}: ${String(e)}`);
                    assert.ok(e.message.includes(`${place.field}: holds the key ${specialSigKey}`), `${kind}: ${e.message}`);
                    const seen = visible(e);
                    for (const value of Object.values(sig)) if (value !== specialSigKey) assert.ok(!seen.includes(String(value)), `${kind}: the error shows ${String(value)}`);
                }
                assert.equal(sentinel.hits(), 0);
            });
        }
    }

    it("the same bodies without the key read (the test is not refusing everything)", async () => {
        for (const place of PLACES) {
            answer = bodyOf(place, { uri: "https://example.com/x", note: "plain vendor data" });
            await plain[place.read]();
            await output[place.read]();
        }
    });
});
