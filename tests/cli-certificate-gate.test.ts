import { strict as assert } from "node:assert";
import { X509Certificate } from "node:crypto";
import * as path from "node:path";
import { useCliStack } from "./helpers/cli-stack";
import { diagnostics, stackOutputs } from "./helpers/pulumi-cli-results";

const PROJECT = path.join(__dirname, "cli-fixtures", "certificate-gate");
const CURRENT = "c0000000-0000-4000-8000-0000000000e3";
const EXPIRED = "c0000000-0000-4000-8000-0000000000e1";

/** Certificate insights and the `minValidDays` gate through the real CLI: preview fails for a function, up and refresh for the resource. */
describe("real Pulumi CLI: certificate insights and the minValidDays gate", function () {
    this.timeout(300_000);
    const certOf = (id: string) => stack.emu.data.astra.certificates.find((c) => c.resource.id === id)!.resource;
    const x509 = (id: string): X509Certificate => new X509Certificate(Buffer.from(String(certOf(id).cert), "base64").toString("latin1"));
    const errorsOf = async (args: string[]): Promise<string> =>
        diagnostics(await stack.cli.events(args, true))
            .filter((d) => d.severity === "error")
            .map((d) => d.message)
            .join("\n");

    const stack = useCliStack(PROJECT, "cli-gate", () => ({ "cloudreads-gate:certificateId": CURRENT, "cloudreads-gate:resourceMinValidDays": "30", "cloudreads-gate:functionMinValidDays": "30" }));

    it("up: insights computed from the certificate, and a certificate valid long enough passes both gates", async () => {
        await stack.cli.ok(["up", "--yes", "--skip-preview"]);
        const out = await stackOutputs(stack.cli, true);
        const x = x509(CURRENT);
        const left = Math.floor((Date.parse(x.validTo) - Date.now()) / 86_400_000);
        assert.equal(out.fingerprint, x.fingerprint256);
        assert.equal(out.notAfter, new Date(Date.parse(x.validTo)).toISOString().replace(".000Z", "Z"));
        assert.ok(Math.abs((out.functionDaysLeft as number) - left) <= 1);
        assert.ok(Math.abs((out.resourceDaysLeft as number) - left) <= 1);
    });

    it("preview fails when the function's certificate expires sooner than minValidDays, naming it, its notAfter and the days left", async () => {
        await stack.cli.setConfig({ "cloudreads-gate:functionMinValidDays": "36500" });
        const errors = await errorsOf(["preview"]);
        assert.match(errors, new RegExp(`ConditionError: astracontrol\\.getCertificateOutput: certificate ${CURRENT} \\(subject [^)]+\\) has \\d+ day\\(s\\) left: notAfter \\S+Z, and minValidDays asks for at least 36500`));
        await stack.cli.setConfig({ "cloudreads-gate:functionMinValidDays": "30" });
    });

    it("up fails when the resource's minValidDays rises above the days left (an update, which reads again)", async () => {
        await stack.cli.setConfig({ "cloudreads-gate:resourceMinValidDays": "36500" });
        const errors = await errorsOf(["up", "--yes", "--skip-preview"]);
        assert.match(errors, new RegExp(`certificate ${CURRENT} \\(subject [^)]+\\) has \\d+ day\\(s\\) left: notAfter \\S+Z, and minValidDays asks for at least 36500`));
        await stack.cli.setConfig({ "cloudreads-gate:resourceMinValidDays": "30" });
        await stack.cli.ok(["up", "--yes", "--skip-preview"]);
    });

    it("refresh fails when the stored certificate has been replaced by one that expired", async () => {
        certOf(CURRENT).cert = certOf(EXPIRED).cert;
        certOf(CURRENT).expiryTimestamp = certOf(EXPIRED).expiryTimestamp;
        certOf(CURRENT).cn = certOf(EXPIRED).cn;
        const errors = await errorsOf(["refresh", "--yes", "--skip-preview"]);
        assert.match(errors, new RegExp(`certificate ${CURRENT} \\(subject [^)]+\\) expired \\d+ day\\(s\\) ago: notAfter 2021-01-01T00:00:00Z, and minValidDays asks for at least 30`));
    });
});
