// The shape of the fixture data: what `fixtures/default.json` holds, a user's fixtures, and each
// record the routes serve. Types only: the routes that serve the records and the loader that
// reads them both import this file, and neither imports the other.

/**
 * One Huawei Cloud AK/SK pair; `securityToken` marks temporary credentials.
 *
 * @example
 * ```ts
 * const key: HuaweiCredential = { accessKey: "TESTAK0001", secretKey: "fake-secret-key" };
 * ```
 */
export interface HuaweiCredential {
  accessKey: string;
  /** Secret. */
  secretKey: string;
  /** Secret; sent and signed as `X-Security-Token`. */
  securityToken?: string;
}

/**
 * A Huawei account (domain), as `GET /v3/auth/domains` lists it.
 *
 * @example
 * ```ts
 * const domain: HuaweiDomain = { id: "d0000000000000000000000000000001", name: "my-account" };
 * ```
 */
export interface HuaweiDomain {
  id: string;
  name: string;
}

/**
 * A Huawei project; `name` is the region, e.g. `cn-north-4`, as IAM lists it.
 *
 * @example
 * ```ts
 * const project: HuaweiProject = { id: "0123456789abcdef0123456789abcdef", name: "cn-north-4", domainId: "d0000000000000000000000000000001" };
 * ```
 */
export interface HuaweiProject {
  id: string;
  name: string;
  /** The id of a domain in `huawei.domains`. */
  domainId: string;
}

/**
 * An SMS migration task.
 *
 * @example
 * ```ts
 * const task: SmsTask = { taskId: "ci-migration-task", passphrase: "fake-passphrase", detail: { state: "RUNNING" } };
 * ```
 */
export interface SmsTask {
  /** At most 36 characters, as SMS documents it. */
  taskId: string;
  /** Secret: the answer of `GET /v3/tasks/{task_id}/passphrase`. */
  passphrase: string;
  /** The documented body of `GET /v3/tasks/{task_id}` (ShowTask), served as is. */
  detail?: Record<string, unknown>;
  /** A scripted timeline of `state`: each step answers that many ShowTask GETs, then the next; `detail.state` after the last. */
  timeline?: TimelineStep[];
}

/**
 * One step of a scripted task timeline: the status answered for the next `polls` GETs.
 *
 * @example
 * ```ts
 * const steps: TimelineStep[] = [{ status: "RUNNING_RESET", polls: 3 }, { status: "SUCCESS_RESET", polls: 1 }];
 * ```
 */
export interface TimelineStep {
  status: string;
  polls: number;
}

/**
 * A ROMA Connect instance; `isDefault` marks the one the literal `default` path segment stands for.
 *
 * @example
 * ```ts
 * const instance: RomaInstance = { projectId: "0123456789abcdef0123456789abcdef", instanceId: "my-instance", isDefault: true };
 * ```
 */
export interface RomaInstance {
  projectId: string;
  instanceId: string;
  isDefault?: boolean;
}

/**
 * A ROMA Connect product and its device authentication. The optional fields are what
 * ListProducts (`GET /v2/{project_id}/link/instances/{instance_id}/products`) shows of it;
 * each has a default, so a record made for the authentication route alone still lists.
 *
 * @example
 * ```ts
 * const product: RomaProduct = {
 *   projectId: "0123456789abcdef0123456789abcdef", instanceId: "my-instance", productId: "99999999999999999",
 *   userName: "device", password: "fake-password", name: "meter-gateway", productType: 1, protocolType: 0,
 * };
 * ```
 */
export interface RomaProduct {
  projectId: string;
  instanceId: string;
  /** 1 to 17 digits: it may exceed 2^53 and is compared exactly. ListProducts writes it as a raw JSON integer. */
  productId: string;
  userName: string;
  /** Secret. */
  password: string;
  /** ListProducts `name` (its `name` filter matches a substring of it); default `product-<productId>`. */
  name?: string;
  /** ListProducts `product_serial`; default `emulator-serial-<productId>`. */
  productSerial?: string;
  /** ListProducts `manufacturer_name`; default `emulator-manufacturer`. */
  manufacturerName?: string;
  /** ListProducts `model`; default `emulator-model`. */
  model?: string;
  /** ListProducts `description` (at most 200 characters, as ROMA documents it); default empty. */
  description?: string;
  /** ListProducts `product_type`: 0 a common product (no subdevices), 1 a gateway; default 0. */
  productType?: 0 | 1;
  /** ListProducts `protocol_type`, 0 to 10 (0 MQTT, 2 Modbus, 4 OPC UA in the documented values); default 0. */
  protocolType?: number;
  /** ListProducts `device_type`; default `Default`, ROMA's own default. */
  deviceType?: string;
}

/**
 * A KPS key pair task, e.g. `taskStatus` `RUNNING_RESET`.
 *
 * @example
 * ```ts
 * const task: KpsTask = { projectId: "0123456789abcdef0123456789abcdef", taskId: "ci-keypair-task", taskStatus: "SUCCESS_RESET", serverId: "" };
 * ```
 */
export interface KpsTask {
  projectId: string;
  taskId: string;
  taskStatus: string;
  /** May be empty. */
  serverId: string;
  /** A scripted timeline of `task_status`: each step answers that many GETs, then the next; `taskStatus` after the last. */
  timeline?: TimelineStep[];
}

/**
 * An Astra Control API token (secret) and the account ids it may read.
 *
 * @example
 * ```ts
 * const token: AstraToken = { token: "fake-astra-token", accounts: ["3b5e2f0a-7c1d-4e8f-9a6b-000000000001"] };
 * ```
 */
export interface AstraToken {
  token: string;
  accounts: string[];
}

/**
 * The Certificate resource JSON Astra Control returns, served as is; `id` is the certificate id.
 *
 * @example
 * ```ts
 * const resource: AstraCertificateResource = { id: "a26cbed4-2183-58ce-aa19-e37ca8b0531a", certUse: "rootCA", cert: "LS0t..." };
 * ```
 */
export interface AstraCertificateResource {
  id: string;
  [field: string]: unknown;
}

/**
 * An Astra Control certificate in an account.
 *
 * @example
 * ```ts
 * const certificate: AstraCertificate = { accountId: "3b5e2f0a-7c1d-4e8f-9a6b-000000000001", resource: { id: "a26cbed4-2183-58ce-aa19-e37ca8b0531a" } };
 * ```
 */
export interface AstraCertificate {
  accountId: string;
  resource: AstraCertificateResource;
}

/**
 * Everything the emulator serves: the complete format of `fixtures/default.json`.
 * A running emulator's `data` is a live copy that a test may edit.
 *
 * @example
 * ```ts
 * import { loadDefaultFixtures } from "pulumi-cloudreads/emulator";
 * const data: FixtureData = loadDefaultFixtures();
 * data.huawei.sms.tasks[0].passphrase; // "emulator-sms-passphrase-0000000000000001"
 * ```
 */
export interface FixtureData {
  huawei: {
    /** Accepted `X-Auth-Token` values (secrets). */
    tokens: string[];
    /** Accepted AK/SK pairs for `SDK-HMAC-SHA256` signing. */
    credentials: HuaweiCredential[];
    domains: HuaweiDomain[];
    projects: HuaweiProject[];
    sms: { tasks: SmsTask[] };
    roma: { instances: RomaInstance[]; products: RomaProduct[] };
    kps: { tasks: KpsTask[] };
  };
  astra: {
    tokens: AstraToken[];
    certificates: AstraCertificate[];
  };
}

/**
 * A user's fixtures: {@link FixtureData} with every list optional. Each list given **replaces**
 * the default list of that name; each list left out keeps the default one (so `"tasks": []`
 * empties a list). Unknown keys are errors, so a misspelt key never leaves a default in place.
 *
 * @example
 * ```json
 * { "huawei": { "sms": { "tasks": [{ "taskId": "my-task", "passphrase": "test-only-passphrase" }] } } }
 * ```
 */
export interface FixtureInput {
  huawei?: {
    tokens?: readonly string[];
    credentials?: readonly HuaweiCredential[];
    domains?: readonly HuaweiDomain[];
    projects?: readonly HuaweiProject[];
    sms?: { tasks?: readonly SmsTask[] };
    roma?: { instances?: readonly RomaInstance[]; products?: readonly RomaProduct[] };
    kps?: { tasks?: readonly KpsTask[] };
  };
  astra?: {
    tokens?: readonly AstraToken[];
    certificates?: readonly AstraCertificate[];
  };
}
