import { strict as assert } from "node:assert";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as proto from "@pulumi/pulumi/proto/provider_pb";
import * as grpc from "@grpc/grpc-js";
import { unwrap } from "../provider/plugin/properties";
import { MAX_PROPERTY_DEPTH } from "../provider/plugin/wire/property-decoder";
import { decodeCheck, decodeInvoke } from "../provider/plugin/wire/requests";
import { rpc, startPlugin, type PluginProcess } from "./helpers/plugin-process";
import { len, str, tag, unknownFields, ValueGen, varint } from "./helpers/wire-values";

/**
 * The plugin's wire decoder on bytes no engine sends: every malformed input fails with an Error
 * that says what is wrong (never a hang, a read past the end, a stack overflow or another kind of
 * exception), unknown fields of every wire type are skipped wherever they are, and `__proto__`
 * keys go nowhere.
 */

const MALFORMED = /cloudreads provider: malformed (CheckRequest|InvokeRequest) from the engine: /;
const rejects = (bytes: Buffer, why: RegExp) => assert.throws(() => decodeCheck(bytes), (e: unknown) => e instanceof Error && MALFORMED.test(e.message) && why.test(e.message));
const news = (struct: Buffer) => Buffer.concat([str(1, "urn:pulumi:s::p::t::n"), len(3, struct)]);
const entry = (key: string, value: Buffer) => len(1, Buffer.concat([str(1, key), len(2, value)]));
const stringValue = (s: string) => str(3, s);
const listOf = (items: Buffer[]) => len(6, Buffer.concat(items.map((v) => len(1, v))));

/** A Value nested `levels` lists deep around a string, each length exact. */
function nestedLists(levels: number): Buffer {
    let v = stringValue("x");
    for (let i = 0; i < levels; i++) v = listOf([v]);
    return v;
}

describe("plugin wire codec: malformed requests fail with a clear error", () => {
    it("truncated varints, varints past 10 bytes, lengths past the end, field 0, wire types 6 and 7", () => {
        rejects(Buffer.from([0x0a, 0x80]), /truncated varint/);
        rejects(Buffer.concat([tag(20, 0), Buffer.from([...Array(10).fill(0xff), 0x01])]), /varint longer than 10 bytes/);
        rejects(Buffer.concat([tag(1, 2), varint(5), Buffer.from("abc")]), /length 5 past the end/);
        rejects(Buffer.concat([tag(3, 2), varint(2 ** 40)]), /past the end/);
        rejects(Buffer.from([0x00, 0x01]), /invalid tag 0/);
        rejects(Buffer.from([0x0e]), /invalid tag 14/);
        rejects(Buffer.from([0x0f]), /invalid tag 15/);
    });

    it("groups: unterminated, ended by another field, an end without a start, nested past the bound", () => {
        rejects(Buffer.concat([tag(20, 3), tag(21, 0), varint(1)]), /group 20 without its end/);
        rejects(Buffer.concat([tag(20, 3), tag(21, 4)]), /group 20 ended by field 21/);
        rejects(tag(20, 4), /unexpected wire type 4/);
        rejects(Buffer.concat([...Array(40).fill(tag(20, 3)), ...Array(40).fill(tag(20, 4))]), /groups nested deeper than 32/);
    });

    it("a known field of the wrong wire type, a Value of no kind, a map entry without a value", () => {
        rejects(Buffer.concat([tag(1, 0), varint(1)]), /field 1 has wire type 0, expected 2/);
        rejects(news(entry("k", Buffer.concat([tag(3, 0), varint(1)]))), /Value field 3 has the wrong wire type 0/);
        rejects(news(entry("k", Buffer.alloc(0))), /a property value with no kind set/);
        rejects(news(len(1, str(1, "k"))), /property "k" has no value/);
        // google-protobuf fails these too (in toJavaScript: "Unexpected struct type").
        assert.throws(() => unwrap(proto.CheckRequest.deserializeBinary(news(entry("k", Buffer.alloc(0)))).getNews()), /Unexpected struct type/);
    });

    it(`nesting: ${MAX_PROPERTY_DEPTH} levels read, deeper fails (at once, with a megabyte below the bound unread, and no stack overflow)`, () => {
        const ok = decodeCheck(news(entry("k", nestedLists(MAX_PROPERTY_DEPTH - 1))));
        let v: unknown = ok.news.values.k;
        for (let i = 0; i < MAX_PROPERTY_DEPTH - 1; i++) v = (v as unknown[])[0];
        assert.equal(v, "x");
        rejects(news(entry("k", nestedLists(MAX_PROPERTY_DEPTH))), /nested deeper than 100 levels/);
        // A megabyte under 100 exact list levels: the decoder stops at the bound, before reading the rest.
        let deep = Buffer.alloc(1_000_000, 0x32);
        for (let i = 0; i < 2 * MAX_PROPERTY_DEPTH; i++) deep = Buffer.concat([tag(i % 2 ? 6 : 1, 2), varint(deep.length), deep]);
        const started = performance.now();
        rejects(news(entry("k", deep)), /nested deeper than 100 levels/);
        assert.ok(performance.now() - started < 1000);
    });

    it("every prefix of a valid request: the same result as google-protobuf (a value where it reads one, an error where it fails)", () => {
        const g = new ValueGen(11);
        for (let round = 0; round < 20; round++) {
            const req = new proto.CheckRequest();
            req.setUrn("urn:pulumi:s::p::t::n"), req.setNews(Struct.fromJavaScript(g.object(3) as Record<string, never>)), req.setType("t");
            const bytes = Buffer.from(req.serializeBinary());
            for (let n = 0; n <= bytes.length; n++) {
                const prefix = bytes.subarray(0, n);
                let expected: ReturnType<typeof unwrap> | undefined;
                try {
                    expected = unwrap(proto.CheckRequest.deserializeBinary(prefix).getNews());
                } catch {
                    expected = undefined;
                }
                if (expected === undefined) assert.throws(() => decodeCheck(prefix), MALFORMED, `prefix ${n} of ${bytes.length}`);
                else assert.deepStrictEqual(decodeCheck(prefix).news.values, expected.values, `prefix ${n} of ${bytes.length}`);
            }
        }
    });

    it("random corruption of valid requests: a value or a clear error, never another exception", () => {
        const g = new ValueGen(12);
        for (let round = 0; round < 3000; round++) {
            const req = new proto.InvokeRequest();
            req.setTok("cloudreads:huaweicloud/kps:getKeypairTask"), req.setArgs(Struct.fromJavaScript(g.object(3) as Record<string, never>));
            const bytes = Buffer.from(req.serializeBinary());
            for (let k = 1 + g.int(3); k > 0; k--) bytes[g.int(bytes.length)] = g.int(256);
            try {
                decodeInvoke(bytes);
            } catch (e) {
                assert.ok(e instanceof Error && MALFORMED.test(e.message), String(e));
            }
        }
    });
});

describe("plugin wire codec: unknown fields and `__proto__` keys", () => {
    it("unknown fields of every wire type in a map entry (before the key, between, after the value) are skipped", () => {
        const g = new ValueGen(13);
        for (let i = 0; i < 200; i++) {
            const noisy = (body: Buffer[]) => len(1, Buffer.concat(body.flatMap((b) => [unknownFields(g), b]).concat(unknownFields(g))));
            const inner = len(5, noisy([str(1, "b"), len(2, stringValue("y"))]));
            const struct = Buffer.concat([noisy([str(1, "a"), len(2, stringValue("x"))]), noisy([str(1, "n"), len(2, listOf([inner]))])]);
            assert.equal(JSON.stringify(decodeCheck(news(struct)).news.values), JSON.stringify({ a: "x", n: [{ b: "y" }] }));
        }
    });

    it("a `__proto__` key is dropped at any level and pollutes nothing (google-protobuf drops it too)", () => {
        const wrapper = len(5, Buffer.concat([entry("4dabf18193072939515e22adb298388d", stringValue("1b47061264138c4ac30d75fd1eb44270")), entry("polluted", stringValue("yes"))]));
        const struct = Buffer.concat([entry("__proto__", wrapper), entry("n", len(5, entry("__proto__", wrapper))), entry("k", stringValue("v"))]);
        const got = decodeCheck(news(struct)).news;
        assert.deepEqual(Object.keys(got.values), ["k", "n"]);
        assert.deepEqual(Object.keys(got.values.n as object), []);
        assert.deepEqual(got.secret, new Set());
        assert.equal(({} as Record<string, unknown>).polluted, undefined);
        assert.deepEqual(Object.keys(unwrap(proto.CheckRequest.deserializeBinary(news(struct)).getNews()).values).sort(), ["k", "n"]);
    });
});

describe("plugin wire codec: the plugin answers a malformed request with an error and keeps serving", function () {
    this.timeout(180_000);
    let p: PluginProcess;
    before(async () => {
        p = await startPlugin();
    });
    after(() => p?.stop());

    it("a truncated Check fails with INTERNAL naming the fault; the next Check is answered", async () => {
        const raw = (bytes: Buffer) =>
            new Promise<Buffer>((resolve, reject) =>
                p.client.makeUnaryRequest("/pulumirpc.ResourceProvider/Check", (b: Buffer) => b, (b: Buffer) => b, bytes, (e, r) => (e ? reject(e) : resolve(r!))),
            );
        const err = await raw(Buffer.from([0x1a, 0x05, 0x0a])).then(() => undefined, (e: grpc.ServiceError) => e);
        assert.equal(err?.code, grpc.status.INTERNAL);
        assert.match(err?.details ?? "", /malformed CheckRequest from the engine: length 5 past the end/);
        const check = new proto.CheckRequest();
        check.setType("cloudreads:huaweicloud/kps:KeypairTask"), check.setNews(Struct.fromJavaScript({ taskId: "t-1" }));
        const res = await rpc(p.client).check(check);
        assert.equal(res.getInputs()?.toJavaScript().taskId, "t-1");
    });
});
