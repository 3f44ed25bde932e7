import type { Emulator } from "./server";

/**
 * One stack config value; `secret` ones are set with `pulumi config set --secret`.
 *
 * @example
 * ```ts
 * const token: EmulatorConfigValue = { key: "huaweicloud:token", value: "emulator-huawei-token-0000000000000001", secret: true };
 * ```
 */
export interface EmulatorConfigValue {
  key: string;
  value: string;
  secret: boolean;
}

/**
 * What points a Pulumi program at a running emulator, for both vendors: stack config and the
 * equivalent environment variables, with the emulator's (fake) credentials. The Huawei project is
 * the fixture project named `cn-north-4`, else the first one; the token and Astra token are the
 * first of their lists; `accessKeyEnv` is the first AK/SK pair without a security token.
 *
 * @example
 * ```ts
 * const { config } = connectionSettings(emulator);
 * for (const c of config) await stack.setConfig(c.key, { value: c.value, secret: c.secret }); // Automation API
 * ```
 */
export interface EmulatorConnectionSettings {
  /** Stack config using a Huawei token and an Astra API token. */
  config: EmulatorConfigValue[];
  /** The same as environment variables. */
  env: Record<string, string>;
  /** Environment variables that sign with AK/SK instead of the token (use without `HW_AUTH_TOKEN`). */
  accessKeyEnv: Record<string, string>;
  /** The same AK/SK as stack config (use without `huaweicloud:token`). */
  accessKeyConfig: EmulatorConfigValue[];
}

/**
 * The stack config and environment variables that point a program at `emulator` (see
 * {@link EmulatorConnectionSettings}).
 *
 * @example
 * ```ts
 * const emulator = await startEmulator();
 * Object.assign(process.env, connectionSettings(emulator).env);
 * ```
 */
export function connectionSettings(emulator: Emulator): EmulatorConnectionSettings {
  const { huawei, astra } = emulator.data;
  const project = huawei.projects.find((p) => p.name === "cn-north-4") ?? huawei.projects[0];
  const astraToken = astra.tokens[0];
  const credential = huawei.credentials.find((c) => c.securityToken === undefined);
  const { astra: astraUrl, ...huaweiEndpoints } = emulator.endpoints;
  const endpoints = JSON.stringify(huaweiEndpoints);

  const config: EmulatorConfigValue[] = [];
  const env: Record<string, string> = {};
  const set = (key: string, envName: string, value: string | undefined, secret = false): void => {
    if (value === undefined) return;
    config.push({ key, value, secret });
    env[envName] = value;
  };
  set("huaweicloud:endpoints", "HW_ENDPOINTS", endpoints);
  set("huaweicloud:region", "HW_REGION_NAME", project?.name);
  set("huaweicloud:projectId", "HW_PROJECT_ID", project?.id);
  set("huaweicloud:domainId", "HW_DOMAIN_ID", project?.domainId);
  set("huaweicloud:token", "HW_AUTH_TOKEN", huawei.tokens[0], true);
  set("astracontrol:url", "ASTRA_CONTROL_URL", astraUrl);
  set("astracontrol:apiToken", "ASTRA_CONTROL_API_TOKEN", astraToken?.token, true);
  set("astracontrol:accountId", "ASTRA_CONTROL_ACCOUNT_ID", astraToken?.accounts[0]);

  const accessKeyEnv: Record<string, string> = credential ? { HW_ACCESS_KEY: credential.accessKey, HW_SECRET_KEY: credential.secretKey } : {};
  const accessKeyConfig: EmulatorConfigValue[] = credential
    ? [
        { key: "huaweicloud:accessKey", value: credential.accessKey, secret: true },
        { key: "huaweicloud:secretKey", value: credential.secretKey, secret: true },
      ]
    : [];
  return { config, env, accessKeyEnv, accessKeyConfig };
}

/** `value` as one shell word: bare when it is plainly safe, else single-quoted. */
export function shellWord(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `pulumi config set` lines (a shell script) for config values. */
export function configLines(values: readonly EmulatorConfigValue[], prefix = ""): string[] {
  return values.map((c) => `${prefix}pulumi config set ${c.secret ? "--secret " : ""}${c.key} ${shellWord(c.value)}`);
}

/** `export NAME=value` lines (a shell script) for environment variables. */
export function envLines(env: Readonly<Record<string, string>>, prefix = ""): string[] {
  return Object.entries(env).map(([name, value]) => `${prefix}export ${name}=${shellWord(value)}`);
}
