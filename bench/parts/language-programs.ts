import { FIXTURE } from "../../tests/helpers/stack";

/**
 * The four mission reads as a program in each language `npm run bench:cli:languages` compares:
 * the same four resources (an SMS task passphrase, a ROMA product's device credentials, a KPS key
 * pair task, an Astra certificate) against the emulator's default fixtures, one output each.
 *
 * @example
 * ```ts
 * fs.writeFileSync(path.join(dir, "Pulumi.yaml"), FOUR_READS.yaml);
 * ```
 */
export const FOUR_READS = {
    /** A Pulumi YAML project (through the plugin). */
    yaml: [
        "name: bench-languages-yaml",
        "runtime: yaml",
        "resources:",
        "  pass:",
        "    type: cloudreads:huaweicloud/sms:TaskPassphrase",
        `    properties: { taskId: ${FIXTURE.smsTaskId} }`,
        "  auth:",
        "    type: cloudreads:huaweicloud/roma:ProductAuthentication",
        `    properties: { instanceId: ${FIXTURE.romaInstanceId}, productId: "${FIXTURE.romaBigProductId}" }`,
        "  task:",
        "    type: cloudreads:huaweicloud/kps:KeypairTask",
        `    properties: { taskId: ${FIXTURE.kpsTaskId} }`,
        "  ca:",
        "    type: cloudreads:astracontrol:Certificate",
        `    properties: { certificateId: ${FIXTURE.certificateId} }`,
        "outputs:",
        "  passphrase: ${pass.passphrase}",
        "  password: ${auth.password}",
        "  status: ${task.taskStatus}",
        "  trust: ${ca.trustState}",
        "",
    ].join("\n"),
    /** index.ts of a Node.js project three folders below the repository (the dynamic form, from dist/). */
    node: [
        `import { astracontrol, huaweicloud } from "../../../dist/sdk/nodejs";`,
        `export const passphrase = new huaweicloud.sms.TaskPassphrase("pass", { taskId: "${FIXTURE.smsTaskId}" }).passphrase;`,
        `export const password = new huaweicloud.roma.ProductAuthentication("auth", { instanceId: "${FIXTURE.romaInstanceId}", productId: "${FIXTURE.romaBigProductId}" }).password;`,
        `export const status = new huaweicloud.kps.KeypairTask("task", { taskId: "${FIXTURE.kpsTaskId}" }).taskStatus;`,
        `export const trust = new astracontrol.Certificate("ca", { certificateId: "${FIXTURE.certificateId}" }).trustState;`,
        "",
    ].join("\n"),
    /** program.py for examples/python's driver (main.py). */
    python: [
        "import pulumi",
        "from pulumi_cloudreads import astracontrol",
        "from pulumi_cloudreads.huaweicloud import kps, roma, sms",
        "",
        "",
        "def program() -> None:",
        `    pulumi.export("passphrase", sms.TaskPassphrase("pass", task_id="${FIXTURE.smsTaskId}").passphrase)`,
        `    pulumi.export("password", roma.ProductAuthentication("auth", instance_id="${FIXTURE.romaInstanceId}", product_id="${FIXTURE.romaBigProductId}").password)`,
        `    pulumi.export("status", kps.KeypairTask("task", task_id="${FIXTURE.kpsTaskId}").task_status)`,
        `    pulumi.export("trust", astracontrol.Certificate("ca", certificate_id="${FIXTURE.certificateId}").trust_state)`,
        "",
    ].join("\n"),
    /** program.go for examples/go's driver (main.go). */
    go: [
        "package main",
        "",
        "import (",
        '\t"github.com/pulumi-cloudreads/pulumi-cloudreads/sdk/go/cloudreads/astracontrol"',
        '\t"github.com/pulumi-cloudreads/pulumi-cloudreads/sdk/go/cloudreads/huaweicloud/kps"',
        '\t"github.com/pulumi-cloudreads/pulumi-cloudreads/sdk/go/cloudreads/huaweicloud/roma"',
        '\t"github.com/pulumi-cloudreads/pulumi-cloudreads/sdk/go/cloudreads/huaweicloud/sms"',
        '\t"github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
        ")",
        "",
        "func program(ctx *pulumi.Context) error {",
        `\tpass, err := sms.NewTaskPassphrase(ctx, "pass", &sms.TaskPassphraseArgs{TaskId: pulumi.String("${FIXTURE.smsTaskId}")})`,
        "\tif err != nil {\n\t\treturn err\n\t}",
        `\tauth, err := roma.NewProductAuthentication(ctx, "auth", &roma.ProductAuthenticationArgs{InstanceId: pulumi.String("${FIXTURE.romaInstanceId}"), ProductId: pulumi.String("${FIXTURE.romaBigProductId}")})`,
        "\tif err != nil {\n\t\treturn err\n\t}",
        `\ttask, err := kps.NewKeypairTask(ctx, "task", &kps.KeypairTaskArgs{TaskId: pulumi.String("${FIXTURE.kpsTaskId}")})`,
        "\tif err != nil {\n\t\treturn err\n\t}",
        `\tca, err := astracontrol.NewCertificate(ctx, "ca", &astracontrol.CertificateArgs{CertificateId: pulumi.String("${FIXTURE.certificateId}")})`,
        "\tif err != nil {\n\t\treturn err\n\t}",
        '\tctx.Export("passphrase", pass.Passphrase)',
        '\tctx.Export("password", auth.Password)',
        '\tctx.Export("status", task.TaskStatus)',
        '\tctx.Export("trust", ca.TrustState)',
        "\treturn nil",
        "}",
        "",
    ].join("\n"),
} as const;
