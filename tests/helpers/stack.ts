import type { Emulator } from "../../emulator";
import type { SettingSources } from "../../provider/core/settings";

/** Values the default fixtures accept. */
export const FIXTURE = {
    huaweiToken: "emulator-huawei-token-0000000000000001",
    accessKey: "EMULATORAK0000000001",
    secretKey: "emulator-secret-key-0000000000000000000001",
    tempAccessKey: "EMULATORAK0000000002",
    tempSecretKey: "emulator-secret-key-0000000000000000000002",
    tempSecurityToken: "emulator-security-token-0000000000000000000002",
    projectId: "0123456789abcdef0123456789abcdef",
    domainId: "d0000000000000000000000000000001",
    region: "cn-north-4",
    smsTaskId: "d7fa81b9-c174-4c0a-a475-51a54c8af8a4",
    smsPassphrase: "emulator-sms-passphrase-0000000000000001",
    kpsTaskId: "aee8d2fe-5484-4753-9177-5a38dc15546c",
    kpsServerId: "c9aa197b-a6b6-4c33-b3a6-fa0b4ec50006",
    kpsOtherTaskId: "3f6b2d8c-0000-4000-8000-000000000002",
    romaInstanceId: "7c3e0e8a-0000-4000-8000-000000000001",
    romaBigProductId: "99999999999999999",
    romaSmallProductId: "1024",
    romaUserName: "emulatorUser0001",
    romaPassword: "Emulator-Pass-0001!",
    astraToken: "emulator-astra-token-0000000000000001",
    astraAccountId: "3b5e2f0a-7c1d-4e8f-9a6b-000000000001",
    certificateId: "a26cbed4-2183-58ce-aa19-e37ca8b0531a",
    derCertificateId: "5a1f3c9e-8b7d-5e2a-9c4f-0d6e7b8a9c10",
} as const;

/** Stack config that points every read at the emulator with token credentials. */
export function emulatorStackConfig(emu: Emulator, extra: Record<string, string> = {}): Record<string, string> {
    return {
        "huaweicloud:region": FIXTURE.region,
        "huaweicloud:token": FIXTURE.huaweiToken,
        "huaweicloud:projectId": FIXTURE.projectId,
        "huaweicloud:endpoints": JSON.stringify({ sms: emu.endpoints.sms, roma: emu.endpoints.roma, kms: emu.endpoints.kms, iam: emu.endpoints.iam }),
        "astracontrol:url": emu.endpoints.astra,
        "astracontrol:apiToken": FIXTURE.astraToken,
        "astracontrol:accountId": FIXTURE.astraAccountId,
        "cloudreads:retryBaseDelayMs": "5",
        ...extra,
    };
}

/** Settings from a config map and an env map only (never the test process's own environment). */
export function sources(config: Record<string, string | undefined>, env: Record<string, string | undefined> = {}): SettingSources {
    return { config: (key) => config[key], env: { HOME: "/nonexistent-home-for-tests", ...env } };
}

/** Requests the emulator saw for one service. */
export function requestsTo(emu: Emulator, service: string): number {
    return emu.requests.filter((r) => r.service === service).length;
}
