import { namespaceKeys, type SettingName, transportNames } from "../../core/settings";

/** Stack config keys and env vars of the Astra Control settings. */
export const ASTRA_SETTINGS = {
    url: { key: "astracontrol:url", env: ["ASTRA_CONTROL_URL"] },
    apiToken: { key: "astracontrol:apiToken", env: ["ASTRA_CONTROL_API_TOKEN"] },
    accountId: { key: "astracontrol:accountId", env: ["ASTRA_CONTROL_ACCOUNT_ID"] },
} as const satisfies Record<string, SettingName>;

/** Every key of `astracontrol:` this package reads (a named connection takes the same ones). */
export const ASTRA_SETTING_KEYS: readonly string[] = namespaceKeys("astracontrol", ASTRA_SETTINGS, transportNames("astracontrol", "ASTRA_CONTROL"));
