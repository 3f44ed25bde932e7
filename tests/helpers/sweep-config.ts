import type { Emulator } from "../../emulator";
import { emulatorStackConfig } from "./stack";
import { SENTINELS as S } from "./sweep-sentinels";

/** An id no fixture has. */
export const MISSING_ID = "00000000-0000-4000-8000-00000000dead";

/** Config keys a user sets with `pulumi config set --secret`. */
export const SECRET_CONFIG_KEYS: ReadonlySet<string> = new Set(["huaweicloud:token", "huaweicloud:accessKey", "huaweicloud:secretKey", "huaweicloud:securityToken", "astracontrol:apiToken"]);

/** How a sweep run authenticates to Huawei Cloud. */
export type Auth = "token" | "aksk";
/** A config value of `undefined` leaves the key out. */
export type ConfigOverrides = Record<string, string | undefined>;

/** Stack config against the emulator with sentinel credentials: a token, or temporary AK/SK with no project id (IAM look-ups). No retries. */
export function sweepStackConfig(emu: Emulator, auth: Auth, overrides: ConfigOverrides = {}): Record<string, string> {
    const config: ConfigOverrides = {
        ...emulatorStackConfig(emu, { "huaweicloud:maxRetries": "0", "astracontrol:maxRetries": "0" }),
        "huaweicloud:token": S.huaweiToken,
        "astracontrol:apiToken": S.astraToken,
    };
    if (auth === "aksk") {
        Object.assign(config, {
            "huaweicloud:token": undefined,
            "huaweicloud:projectId": undefined,
            "huaweicloud:accessKey": S.tempAccessKey,
            "huaweicloud:secretKey": S.tempSecretKey,
            "huaweicloud:securityToken": S.tempSecurityToken,
        });
    }
    Object.assign(config, overrides);
    return Object.fromEntries(Object.entries(config).filter((e): e is [string, string] => e[1] !== undefined));
}

/** Makes the emulator's SMS and ROMA success bodies fail to decode while still carrying the secret. */
export function breakBodiesAroundSecrets(emu: Emulator): void {
    for (const task of emu.data.huawei.sms.tasks) (task as { passphrase: unknown }).passphrase = { value: task.passphrase };
    for (const product of emu.data.huawei.roma.products) (product as { userName: unknown }).userName = 42;
}
