import type { FixtureInput } from "../../emulator";
import { FIXTURE } from "./stack";

/**
 * A second account, served by a second emulator: its own token, AK/SK and Astra token, and other
 * data for the same ids (another passphrase, another KPS status in the eu-west-101 project), so a
 * read that went to the wrong account shows in its values as well as in the request logs.
 */
export const SECOND = {
    huaweiToken: "emulator-b-huawei-token-000000000000001",
    accessKey: "EMULATORBAK000000001",
    secretKey: "emulator-b-secret-key-00000000000000000001",
    astraToken: "emulator-b-astra-token-0000000000000001",
    region: "eu-west-101",
    projectId: "fedcba9876543210fedcba9876543210",
    smsPassphrase: "emulator-b-sms-passphrase-000000000000001",
    kpsStatus: "SUCCESS_RESET",
} as const;

/** The second emulator's fixtures: the defaults with the second account's credentials and data. */
export const SECOND_FIXTURES: FixtureInput = {
    huawei: {
        tokens: [SECOND.huaweiToken],
        credentials: [{ accessKey: SECOND.accessKey, secretKey: SECOND.secretKey }],
        sms: { tasks: [{ taskId: FIXTURE.smsTaskId, passphrase: SECOND.smsPassphrase }] },
        kps: { tasks: [{ projectId: SECOND.projectId, taskId: FIXTURE.kpsTaskId, taskStatus: SECOND.kpsStatus, serverId: "" }] },
    },
    astra: { tokens: [{ token: SECOND.astraToken, accounts: [FIXTURE.astraAccountId] }] },
};

/** The credentials of each account, to look for in request logs. */
export const FIRST_CREDENTIALS = [FIXTURE.huaweiToken, FIXTURE.accessKey, FIXTURE.astraToken];
export const SECOND_CREDENTIALS = [SECOND.huaweiToken, SECOND.accessKey, SECOND.astraToken];
