import { strict as assert } from "node:assert";
import { FIXTURE_SECRETS } from "../emulator";
import { filesUnder, usePluginStack } from "./helpers/plugin-stack";
import { exportedResources } from "./helpers/pulumi-cli-results";
import { findSentinels, SECRET_SIG, SIG_KEY } from "./helpers/sweep-scanner";
import { FIXTURE } from "./helpers/stack";

/** The three functions with a secret result, called with YAML's `fn::invoke`, each secret field and one plain one exported. */
const PROJECT = `name: cloudreads-secret-results
runtime: yaml
variables:
  pass:
    fn::invoke:
      function: cloudreads:huaweicloud/sms:getTaskPassphrase
      arguments:
        taskId: ${FIXTURE.smsTaskId}
  cert:
    fn::invoke:
      function: cloudreads:huaweicloud/sms:getTaskCertificate
      arguments:
        taskId: ${FIXTURE.smsTaskId}
  auth:
    fn::invoke:
      function: cloudreads:huaweicloud/roma:getProductAuthentication
      arguments:
        instanceId: ${FIXTURE.romaInstanceId}
        productId: "${FIXTURE.romaBigProductId}"
outputs:
  passphrase: \${pass.passphrase}
  privateKey: \${cert.privateKey}
  targetMgmtPrivateKey: \${cert.targetMgmtPrivateKey}
  targetDataPrivateKey: \${cert.targetDataPrivateKey}
  password: \${auth.password}
  taskId: \${pass.taskId}
  userName: \${auth.userName}
`;

/**
 * What the docs say of YAML (docs/plugin.md, the schema's descriptions): `fn::invoke` of a function
 * with a secret result keeps the result secret, through the real CLI and the plugin.
 */
describe("provider plugin: YAML's fn::invoke keeps a function's secret results secret in outputs and state, the whole result", function () {
    this.timeout(300_000);
    const suite = usePluginStack(PROJECT);
    const secretOutputs = ["passphrase", "privateKey", "targetMgmtPrivateKey", "targetDataPrivateKey", "password"];

    it("up: the secret fields are [secret] outputs and ciphertext in state, the other fields of those results [secret] too; no plaintext secret in the backend's files", async () => {
        const { cli } = suite.stack;
        await cli.ok(["up", "--yes", "--skip-preview"]);
        const hidden = await cli.json<Record<string, unknown>>(["stack", "output"]);
        const shown = await cli.json<Record<string, unknown>>(["stack", "output", "--show-secrets"]);
        for (const name of secretOutputs) {
            assert.equal(hidden[name], "[secret]", `${name} is not secret`);
            assert.ok(typeof shown[name] === "string" && shown[name] !== "", `${name} is empty`);
        }
        assert.equal(shown.passphrase, FIXTURE.smsPassphrase);
        assert.equal(shown.password, FIXTURE.romaPassword);
        const stack = exportedResources((await cli.ok(["stack", "export"])).stdout).find((r) => r.type === "pulumi:pulumi:Stack")!;
        for (const name of secretOutputs) {
            const v = stack.outputs[name] as Record<string, unknown>;
            assert.ok(v[SIG_KEY] === SECRET_SIG && typeof v.ciphertext === "string", `${name}: ${JSON.stringify(v)}`);
        }
        const leaks = filesUnder(cli.backend).flatMap((f) => findSentinels(f.file, f.text, [FIXTURE.smsPassphrase, FIXTURE.romaPassword, ...FIXTURE_SECRETS]));
        assert.deepEqual(leaks, []);
        // The result is secret as a whole: its other fields, taken from it, are secret too.
        assert.equal(hidden.taskId, "[secret]");
        assert.equal(hidden.userName, "[secret]");
        assert.equal(shown.userName, FIXTURE.romaUserName);
        await cli.ok(["destroy", "--yes", "--skip-preview"]);
    });
});
