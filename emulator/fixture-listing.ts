import type { AnyFixtureCollection } from "./fixture-collection";
import type { FixtureData } from "./fixture-types";
import { FIXTURE_COLLECTIONS } from "./fixtures";

/** A table as aligned text lines: a title, then one line per row, columns padded to the widest cell. */
function table(title: string, header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  if (rows.length === 0) return [title, "  (none)", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]): string => `  ${cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join("  ")}`.trimEnd();
  return [title, line(header), ...rows.map(line), ""];
}

/** A field of a vendor body kept as the fixture has it (`detail`, `resource`), as text; `-` when absent. */
function text(value: unknown): string {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : "-";
}

/**
 * What a stack can read from `data`: every id a read takes, with the names, states, CNs and trust
 * states the reads return. Secret values (passphrases, passwords, tokens) are not listed; the
 * emulator prints its credentials in its config lines. `cloudreads-emulator --list-fixtures`
 * prints this.
 *
 * @example
 * ```ts
 * import { fixtureListing, loadDefaultFixtures } from "pulumi-cloudreads/emulator";
 * process.stdout.write(fixtureListing(loadDefaultFixtures()).join("\n"));
 * ```
 */
export function fixtureListing(data: FixtureData): string[] {
  return [...describedLists(data), ...FIXTURE_COLLECTIONS.filter((c) => !DESCRIBED_COLLECTIONS.has(c.path)).flatMap((c) => collectionTable(c, data))];
}

/**
 * The fixture lists the first tables describe by hand (with what their ids are for; credentials
 * are left out). Every other collection a route declares gets a table of its own, so a new read's
 * records show with no edit here.
 *
 * @example
 * ```ts
 * DESCRIBED_COLLECTIONS.has("huawei.sms.tasks"); // true
 * ```
 */
export const DESCRIBED_COLLECTIONS: ReadonlySet<string> = new Set([
  "huawei.tokens", "huawei.credentials", "huawei.domains", "huawei.projects", "huawei.sms.tasks", "huawei.kps.tasks",
  "huawei.roma.instances", "huawei.roma.products", "astra.tokens", "astra.certificates",
]);

/** A collection's records: their top-level scalar members, secrets left out. */
function collectionTable(c: AnyFixtureCollection, data: FixtureData): string[] {
  const records = c.in(data).filter((r): r is Record<string, unknown> => typeof r === "object" && r !== null);
  const secret = new Set(c.secrets.map((p) => p.split(".")[0]));
  const columns = [...new Set(records.flatMap((r) => Object.keys(r)))].filter((k) => !secret.has(k) && records.some((r) => text(r[k]) !== "-"));
  return table(`${c.path} (its route's fixture list; secrets not shown):`, columns, records.map((r) => columns.map((k) => cell(r[k]))));
}

/** A scalar as one short line: long or multi-line text (a PEM) is named by its size. */
function cell(value: unknown): string {
  const s = text(value);
  return s.includes("\n") || s.length > 64 ? `(${s.length} characters)` : s;
}

function describedLists(data: FixtureData): string[] {
  const region = new Map(data.huawei.projects.map((p) => [p.id, p.name]));
  const h = data.huawei;
  return [
    ...table(
      "Huawei Cloud projects (huaweicloud:region, huaweicloud:projectId):",
      ["region", "projectId", "domainId"],
      h.projects.map((p) => [p.name, p.id, p.domainId]),
    ),
    ...table(
      "SMS tasks (huaweicloud.sms: TaskPassphrase, Task, getTasks):",
      ["taskId", "name", "state"],
      h.sms.tasks.map((t) => [t.taskId, text(t.detail?.name), text(t.detail?.state)]),
    ),
    ...table(
      "KPS key pair tasks (huaweicloud.kps.KeypairTask):",
      ["region", "projectId", "taskId", "taskStatus"],
      h.kps.tasks.map((t) => [region.get(t.projectId) ?? "-", t.projectId, t.taskId, t.taskStatus]),
    ),
    ...table(
      "ROMA Connect instances (instanceId; `default` is the one marked default):",
      ["region", "projectId", "instanceId", "default"],
      h.roma.instances.map((i) => [region.get(i.projectId) ?? "-", i.projectId, i.instanceId, i.isDefault ? "yes" : "no"]),
    ),
    ...table(
      "ROMA Connect products (huaweicloud.roma: ProductAuthentication, getProducts):",
      ["instanceId", "productId", "name", "userName"],
      h.roma.products.map((p) => [p.instanceId, p.productId, p.name ?? `product-${p.productId}`, p.userName]),
    ),
    ...table(
      "Astra Control accounts (astracontrol:accountId) a token may read:",
      ["accountId", "token"],
      data.astra.tokens.flatMap((t, i) => t.accounts.map((a) => [a, `token ${i + 1} of ${data.astra.tokens.length}`])),
    ),
    ...table(
      "Astra Control certificates (astracontrol: Certificate, getCertificates):",
      ["accountId", "certificateId", "cn", "certUse", "trustState", "expiryTimestamp"],
      data.astra.certificates.map((c) => [c.accountId, c.resource.id, text(c.resource.cn), text(c.resource.certUse), text(c.resource.trustState), text(c.resource.expiryTimestamp)]),
    ),
  ];
}
