import * as fs from "node:fs";
import * as path from "node:path";

/** One Huawei Cloud AK/SK pair; `securityToken` marks temporary credentials. */
export interface HuaweiCredential {
  accessKey: string;
  secretKey: string;
  securityToken?: string;
}

/** Everything the emulator serves. Tests may edit a running emulator's copy directly. */
export interface FixtureData {
  huawei: {
    /** Accepted `X-Auth-Token` values. */
    tokens: string[];
    /** Accepted AK/SK pairs for `SDK-HMAC-SHA256` signing. */
    credentials: HuaweiCredential[];
    domains: { id: string; name: string }[];
    /** `name` is the region, e.g. `cn-north-4`, as IAM lists it. */
    projects: { id: string; name: string; domainId: string }[];
    /** `detail`, when present, is the documented body of `GET /v3/tasks/{task_id}`, served as is. */
    sms: { tasks: { taskId: string; passphrase: string; detail?: Record<string, unknown> }[] };
    roma: {
      /** `isDefault` marks the instance the literal `default` path segment stands for. */
      instances: { projectId: string; instanceId: string; isDefault?: boolean }[];
      /** `productId` is a digit string: it may exceed 2^53 and is compared exactly. */
      products: { projectId: string; instanceId: string; productId: string; userName: string; password: string }[];
    };
    kps: { tasks: { projectId: string; taskId: string; taskStatus: string; serverId: string }[] };
  };
  astra: {
    /** Bearer tokens and the account ids each may read. */
    tokens: { token: string; accounts: string[] }[];
    /** `resource` is the full documented Certificate resource JSON, served as is. */
    certificates: { accountId: string; resource: Record<string, unknown> }[];
  };
}

const DEFAULT_FIXTURE_FILE = path.join(__dirname, "fixtures", "default.json");

/** A deep copy of `emulator/fixtures/default.json`; each call returns a fresh object. */
export function loadDefaultFixtures(): FixtureData {
  return JSON.parse(fs.readFileSync(DEFAULT_FIXTURE_FILE, "utf8")) as FixtureData;
}

/** A deep copy of any fixture data (plain JSON, so a JSON round trip is exact). */
export function cloneFixtures(data: FixtureData): FixtureData {
  return JSON.parse(JSON.stringify(data)) as FixtureData;
}

/**
 * Every secret value in `data`: tokens, secret keys, security tokens, passphrases and
 * passwords. Tests scan logs, errors and state for these to prove nothing leaks.
 */
export function fixtureSecrets(data: FixtureData): string[] {
  const values = [
    ...data.huawei.tokens,
    ...data.huawei.credentials.flatMap((c) => (c.securityToken === undefined ? [c.secretKey] : [c.secretKey, c.securityToken])),
    ...data.huawei.sms.tasks.map((t) => t.passphrase),
    ...data.huawei.roma.products.map((p) => p.password),
    ...data.astra.tokens.map((t) => t.token),
  ];
  return [...new Set(values)];
}

/** The secret values of the default fixtures (see {@link fixtureSecrets}). */
export const FIXTURE_SECRETS: readonly string[] = Object.freeze(fixtureSecrets(loadDefaultFixtures()));
