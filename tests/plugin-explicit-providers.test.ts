import { strict as assert } from "node:assert";
import { startEmulator, type Emulator } from "../emulator";
import { exportedResources } from "./helpers/pulumi-cli-results";
import { disposeStack, filesUnder, pluginStack } from "./helpers/plugin-stack";
import { SECOND, SECOND_CREDENTIALS, SECOND_FIXTURES } from "./helpers/second-account";
import { findSentinels } from "./helpers/sweep-scanner";
import { FIXTURE } from "./helpers/stack";

/** A YAML program reading from two accounts: the stack config's provider, and an explicit one. */
function twoAccounts(): string {
    return `name: cloudreads-two-accounts
runtime: yaml
config:
  secondUrl:
    type: string
  secondToken:
    type: string
    secret: true
resources:
  accountB:
    type: pulumi:providers:cloudreads
    properties:
      huaweicloudRegion: ${SECOND.region}
      huaweicloudToken: \${secondToken}
      huaweicloudProjectId: ${SECOND.projectId}
      huaweicloudEndpoints:
        sms: \${secondUrl}/sms
        kms: \${secondUrl}/kms
      retryBaseDelayMs: 5
  passA:
    type: cloudreads:huaweicloud/sms:TaskPassphrase
    properties:
      taskId: ${FIXTURE.smsTaskId}
  passB:
    type: cloudreads:huaweicloud/sms:TaskPassphrase
    properties:
      taskId: ${FIXTURE.smsTaskId}
    options:
      provider: \${accountB}
variables:
  taskB:
    fn::invoke:
      function: cloudreads:huaweicloud/kps:getKeypairTask
      arguments:
        taskId: ${FIXTURE.kpsTaskId}
      options:
        provider: \${accountB}
outputs:
  passA: \${passA.passphrase}
  passB: \${passB.passphrase}
  taskB: \${taskB.taskStatus}
`;
}

describe("provider plugin: two accounts through two providers (stack config, and an explicit pulumi:providers:cloudreads)", function () {
    this.timeout(300_000);
    let first: Emulator;
    let second: Emulator;
    let s: Awaited<ReturnType<typeof pluginStack>>;

    before(async function () {
        this.timeout(300_000);
        first = await startEmulator({ port: 0 });
        second = await startEmulator({ port: 0, fixtures: SECOND_FIXTURES });
        s = await pluginStack(first, { project: twoAccounts() });
        await s.cli.setConfig({ "cloudreads-two-accounts:secondUrl": second.url });
        await s.cli.setConfig({ "cloudreads-two-accounts:secondToken": SECOND.huaweiToken }, new Set(["cloudreads-two-accounts:secondToken"]));
    });

    after(async function () {
        this.timeout(120_000);
        if (s) await s.cli.run(["stack", "rm", "--yes", "--force", s.stack]);
        disposeStack(s);
        await first?.close();
        await second?.close();
    });

    it("each read goes to its own account with its own credentials", async () => {
        await s.cli.ok(["up", "--yes", "--skip-preview"]);
        const out = await s.cli.json<Record<string, unknown>>(["stack", "output", "--show-secrets"]);
        assert.equal(out.passA, FIXTURE.smsPassphrase);
        assert.equal(out.passB, SECOND.smsPassphrase);
        assert.equal(out.taskB, SECOND.kpsStatus);
        assert.ok(first.requests.length > 0 && second.requests.length > 0);
        for (const r of first.requests) assert.equal(r.headers["x-auth-token"], FIXTURE.huaweiToken);
        for (const r of second.requests) assert.equal(r.headers["x-auth-token"], SECOND.huaweiToken);
    });

    it("the explicit provider's credential is ciphertext in state, and no file the backend wrote holds it in clear", async () => {
        const { stdout } = await s.cli.ok(["stack", "export"]);
        const providers = exportedResources(stdout).filter((r) => r.type === "pulumi:providers:cloudreads");
        const explicit = providers.find((p) => p.urn.endsWith("::accountB"));
        assert.equal(typeof (explicit?.inputs.huaweicloudToken as { ciphertext?: unknown } | undefined)?.ciphertext, "string");
        const leaks = [{ file: "stack export", text: stdout }, ...filesUnder(s.cli.backend)].flatMap((t) => findSentinels(t.file, t.text, [...SECOND_CREDENTIALS, SECOND.smsPassphrase]));
        assert.deepEqual(leaks, []);
    });

    it("destroy sends no request to either account", async () => {
        const before = first.requests.length + second.requests.length;
        await s.cli.ok(["destroy", "--yes", "--skip-preview"]);
        assert.equal(first.requests.length + second.requests.length, before);
    });
});
