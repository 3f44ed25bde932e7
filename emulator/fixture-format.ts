import * as t from "io-ts";
import { jsonObject, nonEmptyString, registerShownString, secretString, strictObject } from "./fixture-codec";
import type { FixtureData, FixtureInput } from "./fixtures";

/** The documented maximum length of an SMS task id: a longer one is a 400 before any lookup. */
const MAX_SMS_TASK_ID = 36;

const smsTaskId = registerShownString(new t.Type<string, string, unknown>(
  `a non-empty string of at most ${MAX_SMS_TASK_ID} characters`,
  (u): u is string => nonEmptyString.is(u) && u.length <= MAX_SMS_TASK_ID,
  (u, c) => (nonEmptyString.is(u) && u.length <= MAX_SMS_TASK_ID ? t.success(u) : t.failure(u, c)),
  t.identity,
));

/** ROMA Connect product ids: 0 to 99999999999999999, kept as digit strings (above 2^53). */
const productId = registerShownString(new t.Type<string, string, unknown>(
  "a string of 1 to 17 digits",
  (u): u is string => typeof u === "string" && /^[0-9]{1,17}$/.test(u),
  (u, c) => (typeof u === "string" && /^[0-9]{1,17}$/.test(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
));

const credential = strictObject("a Huawei AK/SK credential", { accessKey: nonEmptyString, secretKey: secretString }, { securityToken: secretString });
const domain = strictObject("a Huawei domain", { id: nonEmptyString, name: nonEmptyString }, {});
const project = strictObject("a Huawei project", { id: nonEmptyString, name: nonEmptyString, domainId: nonEmptyString }, {});
const positiveCount = new t.Type<number, number, unknown>(
  "a whole number from 1 to 1000000",
  (u): u is number => typeof u === "number" && Number.isInteger(u) && u >= 1 && u <= 1_000_000,
  (u, c) => (typeof u === "number" && Number.isInteger(u) && u >= 1 && u <= 1_000_000 ? t.success(u) : t.failure(u, c)),
  t.identity,
);
const timeline = t.array(strictObject("a timeline step", { status: nonEmptyString, polls: positiveCount }, {}));
const smsTask = strictObject("an SMS task", { taskId: smsTaskId, passphrase: secretString }, { detail: jsonObject, timeline });
const romaInstance = strictObject("a ROMA instance", { projectId: nonEmptyString, instanceId: nonEmptyString }, { isDefault: t.boolean });
/** A whole number from `min` to `max`, named for error lines. */
function wholeNumber(name: string, min: number, max: number): t.Type<number, number, unknown> {
  const is = (u: unknown): u is number => typeof u === "number" && Number.isInteger(u) && u >= min && u <= max;
  return new t.Type<number, number, unknown>(name, is, (u, c) => (is(u) ? t.success(u) : t.failure(u, c)), t.identity);
}
/** ROMA's `product_type`: 0 common, 1 gateway. */
const productType = wholeNumber("0 (a common product) or 1 (a gateway)", 0, 1) as unknown as t.Type<0 | 1, 0 | 1, unknown>;
/** ROMA documents `protocol_type` from 0 to 10. */
const protocolType = wholeNumber("a whole number from 0 to 10", 0, 10);
const MAX_ROMA_DESCRIPTION = 200;
const romaDescription = registerShownString(new t.Type<string, string, unknown>(
  `a string of at most ${MAX_ROMA_DESCRIPTION} characters`,
  (u): u is string => typeof u === "string" && u.length <= MAX_ROMA_DESCRIPTION,
  (u, c) => (typeof u === "string" && u.length <= MAX_ROMA_DESCRIPTION ? t.success(u) : t.failure(u, c)),
  t.identity,
));
const romaProduct = strictObject(
  "a ROMA product",
  { projectId: nonEmptyString, instanceId: nonEmptyString, productId, userName: nonEmptyString, password: secretString },
  {
    name: nonEmptyString,
    productSerial: nonEmptyString,
    manufacturerName: t.string,
    model: t.string,
    description: romaDescription,
    productType,
    protocolType,
    deviceType: nonEmptyString,
  },
);
const kpsTask = strictObject("a KPS task", { projectId: nonEmptyString, taskId: nonEmptyString, taskStatus: nonEmptyString, serverId: t.string }, { timeline });
const astraToken = strictObject("an Astra token", { token: secretString, accounts: t.array(nonEmptyString) }, {});
const certificateResource = t.intersection([t.type({ id: nonEmptyString }), jsonObject]);
const astraCertificate = strictObject("an Astra certificate", { accountId: nonEmptyString, resource: certificateResource }, {});

const huaweiLists = {
  tokens: t.array(secretString),
  credentials: t.array(credential),
  domains: t.array(domain),
  projects: t.array(project),
};
const astraLists = { tokens: t.array(astraToken), certificates: t.array(astraCertificate) };

/** Complete fixture data, as `fixtures/default.json` holds it. */
export const fixtureDataCodec: t.Decoder<unknown, FixtureData> = strictObject(
  "the fixture data",
  {
    huawei: strictObject(
      "huawei",
      {
        ...huaweiLists,
        sms: strictObject("huawei.sms", { tasks: t.array(smsTask) }, {}),
        roma: strictObject("huawei.roma", { instances: t.array(romaInstance), products: t.array(romaProduct) }, {}),
        kps: strictObject("huawei.kps", { tasks: t.array(kpsTask) }, {}),
      },
      {},
    ),
    astra: strictObject("astra", astraLists, {}),
  },
  {},
);

/** A user's fixtures: any list may be left out (it keeps the default), every record given is complete. */
export const fixtureInputCodec: t.Decoder<unknown, FixtureInput> = strictObject(
  "the fixtures",
  {},
  {
    huawei: strictObject(
      "huawei",
      {},
      {
        ...huaweiLists,
        sms: strictObject("huawei.sms", {}, { tasks: t.array(smsTask) }),
        roma: strictObject("huawei.roma", {}, { instances: t.array(romaInstance), products: t.array(romaProduct) }),
        kps: strictObject("huawei.kps", {}, { tasks: t.array(kpsTask) }),
      },
    ),
    astra: strictObject("astra", {}, astraLists),
  },
);

/** `path[i].field: <what>` for each record whose key another record of the same list already has. */
function duplicateProblems<T>(list: readonly T[] | undefined, path: string, field: string, key: (item: T) => string): string[] {
  const seen = new Map<string, number>();
  const problems: string[] = [];
  (list ?? []).forEach((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, i);
    else problems.push(`${path}[${i}].${field}: the same as ${path}[${first}]; the emulator would only ever serve the first`);
  });
  return problems;
}

/**
 * Records of `given` (the user's lists, after merging into `data`) that the emulator could never
 * serve: duplicates, and KPS tasks or ROMA records in a project or instance it does not have.
 * Lists left to the defaults are not checked: they are consistent among themselves.
 */
export function unreachableRecords(data: FixtureData, given: FixtureInput): string[] {
  const h = given.huawei;
  const projects = new Set(data.huawei.projects.map((p) => p.id));
  const domains = new Set(data.huawei.domains.map((d) => d.id));
  const instances = new Set(data.huawei.roma.instances.map((i) => `${i.projectId}/${i.instanceId}`));
  const problems = [
    ...duplicateProblems(h?.credentials, "huawei.credentials", "accessKey", (c) => c.accessKey),
    ...duplicateProblems(h?.projects, "huawei.projects", "id", (p) => p.id),
    ...duplicateProblems(h?.sms?.tasks, "huawei.sms.tasks", "taskId", (task) => task.taskId),
    ...duplicateProblems(h?.kps?.tasks, "huawei.kps.tasks", "taskId", (task) => `${task.projectId}/${task.taskId}`),
    ...duplicateProblems(h?.roma?.products, "huawei.roma.products", "productId", (p) => `${p.projectId}/${p.instanceId}/${BigInt(p.productId)}`),
    ...duplicateProblems(given.astra?.certificates, "astra.certificates", "resource.id", (c) => `${c.accountId}/${c.resource.id}`),
  ];
  (h?.projects ?? []).forEach((p, i) => {
    if (!domains.has(p.domainId)) problems.push(`huawei.projects[${i}].domainId: names no domain in huawei.domains`);
  });
  (h?.kps?.tasks ?? []).forEach((task, i) => {
    if (!projects.has(task.projectId)) problems.push(`huawei.kps.tasks[${i}].projectId: names no project in huawei.projects (every read of it would be 403)`);
  });
  (h?.roma?.instances ?? []).forEach((instance, i) => {
    if (!projects.has(instance.projectId)) problems.push(`huawei.roma.instances[${i}].projectId: names no project in huawei.projects (every read would be 403)`);
  });
  (h?.roma?.products ?? []).forEach((product, i) => {
    if (!instances.has(`${product.projectId}/${product.instanceId}`)) {
      problems.push(`huawei.roma.products[${i}].instanceId: names no instance of project ${product.projectId} in huawei.roma.instances`);
    }
  });
  return problems;
}
