import type { SettingName } from "../../core/settings";

/** Stack config keys and env vars of the Astra Control settings. */
export const ASTRA_SETTINGS = {
    url: { key: "astracontrol:url", env: ["ASTRA_CONTROL_URL"] },
    apiToken: { key: "astracontrol:apiToken", env: ["ASTRA_CONTROL_API_TOKEN"] },
    accountId: { key: "astracontrol:accountId", env: ["ASTRA_CONTROL_ACCOUNT_ID"] },
} as const satisfies Record<string, SettingName>;
