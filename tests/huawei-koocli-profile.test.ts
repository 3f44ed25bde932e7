import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { inspect } from "node:util";
import { ConfigurationError } from "../provider/core/errors";
import { KooCliProfileError, readKooCliProfile, type KooCliProfileErrorReason } from "../provider/vendors/huaweicloud/koocli-profile";

// Obviously fake key material; any appearance in an error message is a leak.
const AK = "SENTINELAK000000000000000000000000000001";
const SK = "SENTINELSK000000000000000000000000000001";
const TOKEN = "SENTINELTOKEN0000000000000000000000000001";
const SENTINELS = [AK, SK, TOKEN];

function profile(name: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        name,
        mode: "AKSK",
        accessKeyId: AK,
        secretAccessKey: SK,
        securityToken: "",
        region: "",
        projectId: "",
        domainId: "",
        skipSecureVerify: "false",
        readTimeout: 10,
        connectTimeout: 5,
        retryCount: 0,
        ...fields,
    };
}

describe("KooCLI profile reader", () => {
    let dir: string;

    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "huawei-koocli-"));
    });

    afterEach(() => {
        fs.rmSync(dir, { recursive: true, force: true });
    });

    function write(content: unknown, name = "config.json"): string {
        const file = path.join(dir, name);
        fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 4));
        return file;
    }

    function rejection(reason: KooCliProfileErrorReason, run: () => unknown): KooCliProfileError {
        let caught: unknown;
        try {
            run();
        } catch (e) {
            caught = e;
        }
        assert.ok(caught instanceof KooCliProfileError, `expected a KooCliProfileError, got ${String(caught)}`);
        assert.ok(caught instanceof ConfigurationError);
        assert.equal(caught.reason, reason);
        for (const rendered of [caught.message, String(caught), caught.stack ?? "", inspect(caught), JSON.stringify(caught)]) {
            for (const sentinel of SENTINELS) assert.ok(!rendered.includes(sentinel), `key material in a ${reason} error`);
        }
        return caught;
    }

    it("reads an AK/SK profile with its region, project id and account id", () => {
        const file = write({
            language: "en",
            current: "default",
            profiles: [profile("default", { region: "cn-north-4", projectId: "0123456789abcdef0123456789abcdef", domainId: "fedcba9876543210fedcba9876543210" })],
        });
        assert.deepEqual(readKooCliProfile({ file }), {
            profile: "default",
            accessKey: AK,
            secretKey: SK,
            region: "cn-north-4",
            projectId: "0123456789abcdef0123456789abcdef",
            domainId: "fedcba9876543210fedcba9876543210",
        });
    });

    it("reads temporary AK/SK with a security token and its expiry", () => {
        const file = write({
            current: "temp",
            profiles: [profile("temp", { securityToken: TOKEN, expiresAt: "2031-01-01T00:00:00Z", region: "ap-southeast-3" })],
        });
        assert.deepEqual(readKooCliProfile({ file }), {
            profile: "temp",
            accessKey: AK,
            secretKey: SK,
            securityToken: TOKEN,
            expiresAt: "2031-01-01T00:00:00Z",
            region: "ap-southeast-3",
        });
    });

    it("reads a profile without a mode as AK/SK, as terraform does", () => {
        const file = write({ current: "p", profiles: [{ name: "p", accessKeyId: AK, secretAccessKey: SK }] });
        assert.equal(readKooCliProfile({ file }).accessKey, AK);
    });

    it("uses the file's current profile when none is named", () => {
        const file = write({ current: "b", profiles: [profile("a", { region: "cn-north-4" }), profile("b", { region: "eu-west-101" })] });
        const creds = readKooCliProfile({ file });
        assert.equal(creds.profile, "b");
        assert.equal(creds.region, "eu-west-101");
    });

    it("uses the named profile over the current one", () => {
        const file = write({ current: "b", profiles: [profile("a", { region: "cn-north-4" }), profile("b", { region: "eu-west-101" })] });
        const creds = readKooCliProfile({ file, profile: "a" });
        assert.equal(creds.profile, "a");
        assert.equal(creds.region, "cn-north-4");
    });

    it("reads ~/.hcloud/config.json by default and expands ~/ in a given path", () => {
        const home = process.env.HOME;
        process.env.HOME = dir;
        try {
            fs.mkdirSync(path.join(dir, ".hcloud"));
            write({ current: "default", profiles: [profile("default")] }, path.join(".hcloud", "config.json"));
            assert.equal(readKooCliProfile({}).profile, "default");
            assert.equal(readKooCliProfile().profile, "default");
            assert.equal(readKooCliProfile({ file: "~/.hcloud/config.json" }).profile, "default");
        } finally {
            process.env.HOME = home;
        }
    });

    it("accepts a file that starts with a byte order mark", () => {
        const file = write(`\uFEFF${JSON.stringify({ current: "default", profiles: [profile("default")] })}`);
        assert.equal(readKooCliProfile({ file }).secretKey, SK);
    });

    it("reports a missing file with its path and the setting that names it", () => {
        const file = path.join(dir, "absent.json");
        const e = rejection("file-not-found", () => readKooCliProfile({ file }));
        assert.ok(e.message.includes(JSON.stringify(file)));
        assert.match(e.message, /HW_SHARED_CONFIG_FILE/);
    });

    it("reports a folder as not a regular file", () => {
        rejection("not-a-file", () => readKooCliProfile({ file: dir }));
    });

    it("reports bad JSON without quoting any of the file", () => {
        const file = write(`{"current":"default","profiles":[{"name":"default","accessKeyId":"${AK}","secretAccessKey":"${SK}",}]}`);
        const e = rejection("bad-json", () => readKooCliProfile({ file }));
        assert.match(e.message, /is not valid JSON$/);
    });

    it("reports JSON that has no profiles list", () => {
        rejection("bad-format", () => readKooCliProfile({ file: write({ current: "default" }) }));
        rejection("bad-format", () => readKooCliProfile({ file: write([profile("default")]) }));
    });

    it("reports a field of the wrong type by name, not value", () => {
        const file = write({ current: "p", profiles: [profile("p", { secretAccessKey: [SK] })] });
        const e = rejection("bad-format", () => readKooCliProfile({ file }));
        assert.match(e.message, /"secretAccessKey" must be a string/);
    });

    it("reports a missing profile and lists the available profile names", () => {
        const file = write({ current: "default", profiles: [profile("default"), profile("prod")] });
        const e = rejection("profile-not-found", () => readKooCliProfile({ file, profile: "staging" }));
        assert.match(e.message, /no profile "staging"/);
        assert.match(e.message, /available profiles: "default", "prod"/);
        assert.match(e.message, /HW_PROFILE/);
    });

    it("reports a file without a current profile when none is named", () => {
        const file = write({ profiles: [profile("a"), profile("b")] });
        const e = rejection("profile-not-found", () => readKooCliProfile({ file }));
        assert.match(e.message, /no current profile/);
        assert.match(e.message, /"a", "b"/);
    });

    it("refuses modes other than AKSK, naming the mode", () => {
        const file = write({ current: "ecs", profiles: [profile("ecs", { mode: "ecsAgency", accessKeyId: "", secretAccessKey: "" })] });
        const e = rejection("unsupported-mode", () => readKooCliProfile({ file }));
        assert.match(e.message, /"ecsAgency"/);
        assert.match(e.message, /only "AKSK"/);
    });

    it("does not repeat a mode value that looks like anything but a mode name", () => {
        const file = write({ current: "p", profiles: [profile("p", { mode: `${SK} x` })] });
        const e = rejection("unsupported-mode", () => readKooCliProfile({ file }));
        assert.match(e.message, /an unrecognised mode/);
    });

    it("refuses agency (assume-role) profiles rather than using the source keys for the wrong account", () => {
        const file = write({ current: "p", profiles: [profile("p", { agencyName: "ops", agencyDomainName: "other" })] });
        rejection("unsupported-mode", () => readKooCliProfile({ file }));
    });

    it("refuses files whose keys KooCLI encrypted, pointing at the key settings", () => {
        const file = write({ crypter: "ukV7cEW+x7gdBu2QeU1rZ9xIRk2u", nonce: "BFpEvOxq0RkT", current: "default", profiles: [profile("default")] });
        const e = rejection("encrypted", () => readKooCliProfile({ file }));
        assert.match(e.message, /HW_ACCESS_KEY/);
    });

    it("reports a profile without keys, naming the missing fields", () => {
        const file = write({ current: "p", profiles: [profile("p", { accessKeyId: "", secretAccessKey: undefined })] });
        const e = rejection("missing-keys", () => readKooCliProfile({ file }));
        assert.match(e.message, /has no accessKeyId or secretAccessKey/);
    });

    it("keeps an unquoted key out of the bad-JSON error, although V8's own message would quote it", () => {
        const text = `{"current":"default","profiles":[{"name":"default","accessKeyId":"x","secretAccessKey": ${SK}}]}`;
        assert.throws(() => JSON.parse(text), (e: Error) => e.message.includes("SENTINELSK"), "premise: V8 quotes the text");
        rejection("bad-json", () => readKooCliProfile({ file: write(text) }));
    });
});
