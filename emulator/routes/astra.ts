import * as t from "io-ts";
import { astraProblem } from "../astra-problems";
import { jsonObject, nonEmptyString, secretString, strictObject } from "../fixture-codec";
import { fixtureCollection } from "../fixture-collection";
import type { AstraCertificate, AstraToken } from "../fixture-types";
import { integerParam, issueContinueToken, pageSize, readContinueToken } from "../paging";
import { ASTRA_CERTIFICATE_JSON, ASTRA_CERTIFICATES_JSON, jsonResponse } from "../responses";
import type { EmulatorResponse, RequestContext, RouteParams, SuccessSample } from "../types";
import type { ServiceDefinition } from "./route";

/** True when the Accept header is absent or admits `mediaType` (itself, `application/*` or `*\/*`, not at q=0). */
export function acceptsMedia(accept: string | undefined, mediaType: string): boolean {
  if (accept === undefined || accept.trim() === "") return true;
  const acceptable = new Set([mediaType, "application/*", "*/*"]);
  return accept.split(",").some((range) => {
    const [media, ...params] = range.split(";").map((p) => p.trim().toLowerCase());
    const refused = params.some((p) => /^q=0(\.0*)?$/.test(p));
    return !refused && acceptable.has(media);
  });
}

/** True when the Accept header is absent or admits the certificate media type. */
export function acceptsCertificate(accept: string | undefined): boolean {
  return acceptsMedia(accept, ASTRA_CERTIFICATE_JSON);
}

/** API tokens, each with the accounts it may read. */
const tokens = fixtureCollection<AstraToken>("astra.tokens", strictObject("an Astra token", { token: secretString, accounts: t.array(nonEmptyString) }, {}));
/** Certificates: the Certificate resource JSON, served as is. */
const certificates = fixtureCollection<AstraCertificate>(
  "astra.certificates",
  strictObject("an Astra certificate", { accountId: nonEmptyString, resource: t.intersection([t.type({ id: nonEmptyString }), jsonObject]) }, {}),
  { unique: { field: "resource.id", key: (c) => `${c.accountId}/${c.resource.id}` } },
);

function findCertificate(ctx: RequestContext, accountId: string, certificateId: string) {
  return certificates.in(ctx.data).find((c) => c.accountId === accountId && c.resource.id === certificateId);
}

function problem(ctx: RequestContext, number: number, options: Parameters<typeof astraProblem>[1] = {}): EmulatorResponse {
  return astraProblem(number, { ...options, correlationId: ctx.requestId });
}

/** The query parameters "List all certificates" takes; any other is a 400 problem 5. */
const LIST_PARAMETERS = new Set(["limit", "continue", "filter", "include", "orderBy", "count", "skip"]);
/** Fields `filter` may test with `eq`. */
const FILTER_FIELDS = new Set(["cn", "certUse", "trustState"]);
/** Fields `orderBy` may sort on (string comparison). */
const ORDER_FIELDS = new Set(["id", "cn", "certUse", "trustState", "expiryTimestamp", "isSelfSigned"]);
/** `<field> eq '<value>'`, a quote inside the value doubled. */
const FILTER_CLAUSE = /^([A-Za-z][A-Za-z0-9]*)\s+eq\s+'((?:[^']|'')*)'$/;
/** A top-level field name for `include`. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

type Invalid = { name: string; reason: string };

/** `filter` as `[field, value]` pairs (clauses joined by ` and `), or why it cannot be used. */
function parseFilter(raw: string): [string, string][] | Invalid {
  const clauses = raw.trim().split(/\s+and\s+/);
  const pairs: [string, string][] = [];
  for (const clause of clauses) {
    const match = FILTER_CLAUSE.exec(clause.trim());
    if (!match) return { name: "filter", reason: "Expected <field> eq '<value>' (clauses joined by and)" };
    if (!FILTER_FIELDS.has(match[1])) return { name: "filter", reason: `Unsupported filter field ${match[1]}; supported: ${[...FILTER_FIELDS].join(", ")}` };
    pairs.push([match[1], match[2].replace(/''/g, "'")]);
  }
  return pairs;
}

/** `orderBy` as a field and direction, or why it cannot be used. */
function parseOrderBy(raw: string): { field: string; descending: boolean } | Invalid {
  const match = /^([A-Za-z][A-Za-z0-9]*)(?:\s+(asc|desc))?$/i.exec(raw.trim());
  if (!match || !ORDER_FIELDS.has(match[1])) return { name: "orderBy", reason: `Expected <field> [asc|desc]; fields: ${[...ORDER_FIELDS].join(", ")}` };
  return { field: match[1], descending: (match[2] ?? "").toLowerCase() === "desc" };
}

/** What a list request asks, after every check; or the invalid parameters. */
interface ListQuery {
  filter: [string, string][];
  orderBy?: { field: string; descending: boolean };
  include?: string[];
  limit?: number;
  start: number;
  count: boolean;
}

function parseListQuery(ctx: RequestContext, accountId: string): ListQuery | Invalid[] {
  const invalid: Invalid[] = [];
  for (const name of new Set(ctx.query.keys())) {
    if (!LIST_PARAMETERS.has(name)) invalid.push({ name, reason: "Unsupported query parameter" });
    else if (ctx.query.getAll(name).length > 1) invalid.push({ name, reason: "Given more than once" });
  }
  if (invalid.length > 0) return invalid;
  const rawFilter = ctx.query.get("filter") ?? "";
  const rawOrderBy = ctx.query.get("orderBy") ?? "";
  const filter = rawFilter === "" ? [] : parseFilter(rawFilter);
  if (!Array.isArray(filter)) invalid.push(filter);
  const orderBy = rawOrderBy === "" ? undefined : parseOrderBy(rawOrderBy);
  if (orderBy && "reason" in orderBy) invalid.push(orderBy);
  const rawInclude = ctx.query.get("include");
  const include = rawInclude === null ? undefined : rawInclude.split(",").map((f) => f.trim());
  if (include && !include.every((f) => FIELD_NAME.test(f))) invalid.push({ name: "include", reason: "Expected field names separated by commas" });
  const limit = integerParam(ctx, "limit", 1, Number.MAX_SAFE_INTEGER);
  if (limit.kind === "invalid") invalid.push({ name: "limit", reason: "Expected a positive integer" });
  const skip = integerParam(ctx, "skip", 0, Number.MAX_SAFE_INTEGER);
  if (skip.kind === "invalid") invalid.push({ name: "skip", reason: "Expected a non-negative integer" });
  const rawCount = ctx.query.get("count");
  if (rawCount !== null && rawCount !== "true" && rawCount !== "false") invalid.push({ name: "count", reason: "Expected true or false" });
  let start = skip.kind === "value" ? skip.value : 0;
  const token = ctx.query.get("continue");
  if (token !== null) {
    const state = readContinueToken(token);
    if (!state) invalid.push({ name: "continue", reason: "Unknown continue token: not one this server issued" });
    else if (state.account !== accountId || state.filter !== rawFilter || state.orderBy !== rawOrderBy) {
      invalid.push({ name: "continue", reason: "The continue token belongs to another listing (account, filter or orderBy differ)" });
    } else if (skip.kind === "value") {
      invalid.push({ name: "skip", reason: "Not allowed with continue" });
    } else {
      start = state.offset;
    }
  }
  if (invalid.length > 0) return invalid;
  return {
    filter: filter as [string, string][],
    orderBy: orderBy as ListQuery["orderBy"],
    include,
    limit: limit.kind === "value" ? limit.value : undefined,
    start,
    count: rawCount === "true",
  };
}

/** The account's certificates a filter matches, in fixture order or `orderBy`'s (a stable sort). */
function matchingCertificates(ctx: RequestContext, accountId: string, query: Pick<ListQuery, "filter" | "orderBy">): AstraCertificate[] {
  const matching = certificates.in(ctx.data).filter(
    (c) => c.accountId === accountId && query.filter.every(([field, value]) => c.resource[field] === value),
  );
  const order = query.orderBy;
  if (!order) return matching;
  const key = (c: AstraCertificate): string => String(c.resource[order.field] ?? "");
  return matching
    .map((c, i) => ({ c, i }))
    .sort((a, b) => {
      const byField = key(a.c) < key(b.c) ? -1 : key(a.c) > key(b.c) ? 1 : 0;
      return (order.descending ? -byField : byField) || a.i - b.i;
    })
    .map(({ c }) => c);
}

/**
 * "List all certificates": `{type, version, items, metadata}`. Items are whole Certificate
 * resources, or with `include` arrays of the named fields' values (null when absent), as NetApp's
 * example shows. Without `limit` (or `maxPageSize`) one page holds every match. `metadata.continue`
 * is given only when more items remain, so a last page never carries one; `metadata.count` (every
 * match, not the page) only with `count=true`.
 */
function listCertificates(ctx: RequestContext, accountId: string): EmulatorResponse {
  if (!acceptsMedia(ctx.headers["accept"], ASTRA_CERTIFICATES_JSON)) {
    return problem(ctx, 906, { detail: `Only ${ASTRA_CERTIFICATES_JSON} can be returned for this collection.` });
  }
  const query = parseListQuery(ctx, accountId);
  if (Array.isArray(query)) return problem(ctx, 5, { invalidParams: query });
  const matching = matchingCertificates(ctx, accountId, query);
  const asked = query.limit ?? Math.max(matching.length - query.start, 0);
  const end = query.start + pageSize(ctx, asked);
  const page = matching.slice(query.start, end);
  const include = query.include;
  const items = page.map((c) => (include ? include.map((field) => c.resource[field] ?? null) : c.resource));
  const metadata: Record<string, unknown> = {};
  if (end < matching.length) {
    metadata.continue = issueContinueToken({ account: accountId, offset: end, filter: ctx.query.get("filter") ?? "", orderBy: ctx.query.get("orderBy") ?? "" });
  }
  if (query.count) metadata.count = matching.length;
  return jsonResponse(200, { type: "application/astra-certificates", version: "1.1", items, metadata }, ASTRA_CERTIFICATES_JSON);
}

/**
 * NetApp Astra Control: `GET /accounts/{account_id}/core/v1/certificates` ("List all certificates",
 * see {@link listCertificates}) and `GET /accounts/{account_id}/core/v1/certificates/{certificate_id}`.
 * Checks in order: bearer token present (401 problem 3) and known (401 problem 4),
 * token allowed for the account (403 problem 11), Accept (406), no query parameters
 * (400 problem 5, this operation takes none), then the lookup (404 problem 2).
 */
export const astraService: ServiceDefinition = {
  service: "astra",
  routes: [
    {
      method: "GET",
      pattern: ["accounts", ":account_id", "core", "v1", "certificates"],
      handle: (ctx, params) => listCertificates(ctx, params.account_id),
      sample(ctx: RequestContext, params: RouteParams): SuccessSample {
        const accountId = params.account_id ?? certificates.in(ctx.data)[0]?.accountId ?? "";
        const items = certificates.in(ctx.data).filter((c) => c.accountId === accountId).map((c) => ({ ...c.resource }));
        return {
          contentType: ASTRA_CERTIFICATES_JSON,
          body: { type: "application/astra-certificates", version: "1.1", items, metadata: {} },
          required: ["items", "metadata"],
        };
      },
    },
    {
      method: "GET",
      pattern: ["accounts", ":account_id", "core", "v1", "certificates", ":certificate_id"],
      handle(ctx, params) {
        if (!acceptsCertificate(ctx.headers["accept"])) {
          return problem(ctx, 906, { detail: `Only ${ASTRA_CERTIFICATE_JSON} can be returned for this resource.` });
        }
        const queryNames = [...new Set(ctx.query.keys())];
        if (queryNames.length > 0) {
          return problem(ctx, 5, { invalidParams: queryNames.map((name) => ({ name, reason: "Unsupported query parameter" })) });
        }
        const certificate = findCertificate(ctx, params.account_id, params.certificate_id);
        if (!certificate) return problem(ctx, 2);
        return jsonResponse(200, certificate.resource, ASTRA_CERTIFICATE_JSON);
      },
      sample(ctx: RequestContext, params: RouteParams): SuccessSample {
        const certificate = findCertificate(ctx, params.account_id ?? "", params.certificate_id ?? "") ?? certificates.in(ctx.data)[0];
        return {
          contentType: ASTRA_CERTIFICATE_JSON,
          body: certificate ? { ...certificate.resource } : {},
          required: ["cert", "cn", "expiryTimestamp", "isSelfSigned"],
        };
      },
    },
  ],
  fixtures: [tokens, certificates],
  authenticate(ctx, params) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(ctx.headers["authorization"] ?? "");
    if (!match) return problem(ctx, 3);
    const token = tokens.in(ctx.data).find((t) => t.token === match[1]);
    if (!token) return problem(ctx, 4);
    if (!token.accounts.includes(params.account_id)) return problem(ctx, 11);
    return undefined;
  },
  notFound: (ctx) => problem(ctx, 1),
  methodNotAllowed: (ctx, allowed) => problem(ctx, 905, { headers: { Allow: allowed.join(", ") } }),
};
