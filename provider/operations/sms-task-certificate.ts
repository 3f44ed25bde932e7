import * as t from "io-ts";
import { defineRead, field } from "./describe";
import { huaweiOverrides, SERVICES, smsTaskIdArg } from "./services";

/** `GET /v3/tasks/{task_id}/certkey` success body: an answer without the certificate or its key is none. */
const CertKeyBody = t.intersection([t.type({ cert: t.string, private_key: t.string }), t.partial({
    ca: t.string,
    target_mgmt_cert: t.string,
    target_mgmt_private_key: t.string,
    target_data_cert: t.string,
    target_data_private_key: t.string,
})], "CertKeyBody");

/** A member SMS may leave out: absent, not an empty string. */
const opt = <K extends string>(k: K, v: string | undefined): { [P in K]?: string } => (v === undefined ? {} : ({ [k]: v } as { [P in K]?: string }));

/** Huawei Cloud SMS `ShowCertKey`: the certificates and private keys of a migration task's secure channel. */
export const smsTaskCertificate = defineRead({
    token: "huaweicloud.sms.TaskCertificate",
    ...SERVICES.sms,
    api: { operation: "ShowCertKey", path: "/v3/tasks/{taskId}/certkey", scope: "domain", page: "Obtaining the SSL Certificate and Private Key of a Task", url: "https://support.huaweicloud.com/intl/en-us/api-sms/ShowCertKey.html", read: "2026-12-07" },
    args: {
        taskId: smsTaskIdArg,
        ...huaweiOverrides("sms", "SMS"),
    },
    response: CertKeyBody,
    result: (b, a) => ({
        taskId: a.taskId,
        cert: b.cert,
        privateKey: b.private_key,
        ...opt("ca", b.ca),
        ...opt("targetMgmtCert", b.target_mgmt_cert),
        ...opt("targetMgmtPrivateKey", b.target_mgmt_private_key),
        ...opt("targetDataCert", b.target_data_cert),
        ...opt("targetDataPrivateKey", b.target_data_private_key),
    }),
    fields: {
        taskId: field.string("The migration task id read."),
        cert: field.string("The source server's certificate (PEM)."),
        privateKey: field.string("The source server's private key (PEM).", { secret: true }),
        ca: field.optionalString("The CA certificate (PEM), when SMS sends one."),
        targetMgmtCert: field.optionalString("The target server's certificate for managing the migration task (PEM), when sent."),
        targetMgmtPrivateKey: field.optionalString("The target server's private key for managing the migration task (PEM), when sent.", { secret: true }),
        targetDataCert: field.optionalString("The target server's certificate for the data migration (PEM), when sent."),
        targetDataPrivateKey: field.optionalString("The target server's private key for the data migration (PEM), when sent.", { secret: true }),
    },
    id: ["taskId"],
    docs: {
        summary: "the SSL certificates and private keys of a Huawei Cloud SMS migration task's secure transmission channel",
        details: "Give them to the migration agent and the target server; the private keys never leave a secret Output.",
        example: { name: "agent-cert", output: "cert" },
    },
    examples: { args: { taskId: "d7fa81b9-c174-4c0a-a475-51a54c8af8a4" }, missing: { taskId: "00000000-0000-4000-8000-00000000dead" } },
});
