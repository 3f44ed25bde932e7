import { vendorFor } from "../vendors";
import type { AnyReadOperation } from "../operations/operation";
import { joinUrl } from "../core/url";
import { jsonDepth, jsonObject, MAX_JSON_DEPTH, quoteLongIntegers } from "../core/response-body";
import { decode } from "../core/decode";
import { PULUMI_SIGNATURE_KEY, signatureKeyPath } from "../core/signature-keys";
import type { Connection, Scope, Vendor } from "../vendors/vendor";
import type { ByName, ListPaging, Query } from "../operations/describe";
import { withDeadline } from "../core/deadline";
import { throwIfCancelled, untilCancelled } from "../core/cancel";
import { ApiErrorDetails, ConditionError, ConfigurationError, ResponseDecodeError, TransportError } from "../core/errors";
import { responseError } from "../core/response-error";
import { safeText } from "../core/safe-text";
import { send, TRANSIENT_STATUSES, type HttpPolicy } from "../core/http";
import type { SettingSources } from "../core/settings";
import { connectionSources } from "../core/connections";
import { waitForTask } from "./wait";
import { validateArgs } from "../core/validate-args";

/** A finished read: validated args, the resolved scope, the resource id and the result. */
export interface ReadOutcome {
    readonly args: Readonly<Record<string, unknown>>;
    readonly scope: Scope;
    readonly id: string;
    readonly result: Readonly<Record<string, unknown>>;
    /** The decoded body the result was built from (every page of a list, merged). */
    readonly body?: unknown;
}

/**
 * Runs one read: validates the arguments (before any request), resolves settings and
 * credentials, sends the GET with retries, and decodes the response. Every failure is a
 * CloudReadsError whose message holds no credential or secret.
 */
export async function performRead(op: AnyReadOperation, rawArgs: unknown, sources: SettingSources, subject = op.token): Promise<ReadOutcome> {
    try {
        // A cancelled process starts no read; one in flight ends at once, whatever it waits on.
        throwIfCancelled(sources.signal, subject);
        return await untilCancelled(sources.signal, subject, (async () => {
            const first = await readAs(op, rawArgs, sources, subject);
            // With `waitFor`, the task is read again until it reaches a phase asked for (runtime/wait.ts).
            return waitForTask(op, first, sources, subject, () => readAs(op, rawArgs, sources, subject));
        })());
    } catch (e) {
        throw named(e, subject);
    }
}

/**
 * A setting's error is raised where the read it serves is not known (`stack config
 * huaweicloud:maxRetries must be ...`): it gets the function's or resource's name in front, as
 * every other error of the read has.
 */
function named(e: unknown, subject: string): unknown {
    if (!(e instanceof ConfigurationError) || e.message.startsWith(subject)) return e;
    const plain = e.message;
    // Read before the message changes: V8 formats the stack lazily, from the message at that time.
    const stack = e.stack;
    e.message = `${subject}: ${plain}`;
    if (stack) e.stack = stack.replace(plain, e.message);
    return e;
}

/**
 * The settings of a read: the default connection's, or those of the named connection its
 * `connection` argument picks (which shares nothing with the default; an unknown name is a
 * ConfigurationError listing the names that exist).
 */
export function readSources(op: AnyReadOperation, args: Readonly<Record<string, unknown>>, sources: SettingSources): SettingSources {
    const name = args.connection;
    return typeof name === "string" ? connectionSources(sources, op.vendor, name, vendorFor(op.vendor).settingKeys) : sources;
}

async function readAs(op: AnyReadOperation, rawArgs: unknown, defaults: SettingSources, asked: string): Promise<ReadOutcome> {
    const args = validateArgs(asked, op.args, op.argNames, rawArgs) as Record<string, unknown>;
    // Every message of a read through a named connection says which one.
    const subject = typeof args.connection === "string" ? `${asked} (connection ${JSON.stringify(args.connection)})` : asked;
    if (op.byName && typeof args[op.byName.arg] === "string") await resolveByName(op.byName, args, defaults, asked, subject);
    const sources = readSources(op, args, defaults);
    const vendor = vendorFor(op.vendor);
    const policy = vendor.policy(sources);
    const reached: { scope?: Scope } = {};
    const overdue = (): TransportError =>
        new TransportError(
            { service: op.serviceName, operation: op.operation, target: reached.scope ? op.target(args, reached.scope) : undefined, caller: callerOf(op, subject) },
            `did not finish within the overall deadline of ${policy.deadlineMs} ms, look-ups and retries included (setting ${op.vendor}:deadline)`,
        );
    // The transport ends its own attempts at the deadline with a more specific reason; this timer,
    // a moment later, ends the read whatever it is waiting on.
    return withDeadline(policy.deadlineMs + DEADLINE_GRACE_MS, overdue, (remaining) => readWithin(op, vendor, args, sources, subject, () => remaining() - DEADLINE_GRACE_MS, reached, policy));
}

/**
 * Sets the id argument from the name argument (`productId` from `productName`): the list read
 * finds every object of that name, and exactly one must match. None or several fail the read
 * (ConditionError), listing the candidates' names and ids (never anything secret).
 */
async function resolveByName(by: ByName<object>, args: Record<string, unknown>, defaults: SettingSources, asked: string, subject: string): Promise<void> {
    const name = args[by.arg] as string;
    const listed = await readAs(by.list, by.listArgs(args, name), defaults, asked);
    // The vendor's own narrowing (ROMA's name filter is fuzzy) gives the candidates; the match is exact.
    const all = by.candidates(listed.body);
    const matches = all.filter((c) => c.name === name);
    if (matches.length === 1) {
        args[by.into] = matches[0]!.id;
        return;
    }
    const list = (cs: readonly { name: string; id: string }[]): string =>
        cs.slice(0, 10).map((c) => `${JSON.stringify(safeText(c.name, 80))} (${by.into} ${safeText(c.id, 80)})`).join(", ") + (cs.length > 10 ? ` and ${cs.length - 10} more` : "");
    const where = by.list.target(listed.args, listed.scope);
    const problem = matches.length === 0
        ? `no ${by.noun} is named ${JSON.stringify(name)} in ${where}; ${all.length ? `the ${by.noun}s whose names come closest: ${list(all)}` : `the list is empty`}`
        : `${matches.length} ${by.noun}s are named ${JSON.stringify(name)} in ${where}: ${list(matches)}; give ${by.into} instead of ${by.arg}`;
    throw new ConditionError(`${subject}: ${problem}`);
}

/** The function a read was made for (its errors start with its name), or undefined for a resource (`X`, `X.get`). */
function callerOf(op: AnyReadOperation, subject: string): string | undefined {
    return subject.startsWith(op.token) ? undefined : subject;
}

/** How long after the deadline the read's own timer fires, leaving the transport its say first. */
const DEADLINE_GRACE_MS = 250;

async function readWithin(op: AnyReadOperation, vendor: Vendor, args: Record<string, unknown>, sources: SettingSources, subject: string, remaining: () => number, reached: { scope?: Scope }, policy: HttpPolicy): Promise<ReadOutcome> {
    // The policy was resolved once, for the deadline; the connection reuses it.
    const conn = await vendor.connect(op, args, sources, subject, policy);
    reached.scope = conn.scope;
    const details: ApiErrorDetails = { service: op.serviceName, operation: op.operation, target: op.target(args, conn.scope), caller: callerOf(op, subject) };
    const get = (query: Query | undefined): Promise<unknown> => fetchBody({ op, vendor, conn, details, args, sources, remaining }, query);
    const body = op.paging ? await allPages(op.paging, args, get, details, subject) : await get(undefined);
    const result = op.result(body, args, conn.scope);
    // Both quote vendor data (a cn, a subject): made safe for a terminal, as every error field is.
    for (const warning of op.warnings?.(body, result) ?? []) sources.warn?.(`${subject}: ${safeText(warning, 600)}`);
    const unmet = op.gate?.(result, args);
    if (unmet) throw new ConditionError(`${subject}: ${safeText(unmet, 600)}`);
    return { args, scope: conn.scope, id: op.id(args, conn.scope), result: result as Record<string, unknown>, body };
}

/** What one GET of a read needs. */
interface Request {
    readonly op: AnyReadOperation;
    readonly vendor: Vendor;
    readonly conn: Connection;
    readonly details: ApiErrorDetails;
    readonly args: Record<string, unknown>;
    readonly sources: SettingSources;
    readonly remaining: () => number;
}

/** One GET of the read (with retries), its success body decoded; any other answer is the matching error. */
async function fetchBody({ op, vendor, conn, details, args, sources, remaining }: Request, query: Query | undefined): Promise<unknown> {
    const url = joinUrl(conn.baseUrl, op.path(args, conn.scope));
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
    const res = await send({
        describe: details,
        namespace: conn.namespace,
        url: url.toString(),
        headers: () => conn.headers(url, op.accept),
        policy: conn.policy,
        // What is left of the read's deadline after settings and look-ups.
        budgetMs: Math.max(1, remaining()),
        tls: conn.tls,
        isTransient: (status, body) => TRANSIENT_STATUSES.has(status) || vendor.isTransient(status, body),
        hostFrom: conn.hostFrom,
        progress: sources.progress,
        signal: sources.signal,
    });
    if (res.status >= 200 && res.status < 300) {
        // The request id (header or body, as on an error) matters only for an error: not parsed on success.
        const withStatus = (): ApiErrorDetails => ({ ...details, status: res.status, requestId: vendor.errorFields(res.status, res.headers, res.body).requestId, attempts: res.attempts });
        const body = jsonObject(op.exactIntegers ? quoteLongIntegers(res.body) : res.body);
        if (!body) {
            const deep = jsonDepth(res.body) > MAX_JSON_DEPTH;
            throw new ResponseDecodeError(withStatus(), [deep ? `(body): nested more than ${MAX_JSON_DEPTH} levels deep, which no documented body is` : "(body): expected a JSON object"]);
        }
        // An object with Pulumi's signature key would become an asset, archive, secret or resource reference.
        const signed = signatureKeyPath(body);
        if (signed) throw new ResponseDecodeError(withStatus(), [`${signed}: holds the key ${PULUMI_SIGNATURE_KEY}, which Pulumi takes for an asset, archive, secret or resource reference; the response is refused`]);
        const decoded = decode(op.response, body);
        if (!decoded.ok) throw new ResponseDecodeError(withStatus(), decoded.problems);
        const wrong = op.mismatch?.(decoded.value, args);
        if (wrong) throw new ResponseDecodeError(withStatus(), [wrong]);
        return decoded.value;
    }
    const fields = vendor.errorFields(res.status, res.headers, res.body);
    const notFound = vendor.isNotFound(res.status, fields.vendorCode, op.service);
    throw responseError(details, res, fields, {
        notFound,
        hint: vendor.hint(res.status, fields.vendorCode) ?? (res.status === 404 && !notFound ? notTheService(url, fields.vendorCode, conn.hostFrom) : undefined),
        namespace: conn.namespace,
        policy: conn.policy,
    });
}

/**
 * Why a 404 that is not the service's own does not mean "gone", naming the endpoint: the gateway's
 * code (`APIGW.0101`), no code, or another code says nothing about the object, so a refresh fails
 * and keeps the resource.
 */
function notTheService(url: URL, code: string | undefined, hostFrom: string | undefined): string {
    const what = code === undefined ? "A 404 without an error code" : code.startsWith("APIGW.") ? `The API gateway's 404 (${code})` : "A 404 whose code is not the service's own";
    return `${what} says that the endpoint ${url.origin} has no such API, not that the object is gone, so a refresh keeps the resource: check the endpoint${hostFrom ? ` (from ${hostFrom})` : ""}`;
}

/** Consecutive empty pages tolerated before a list that keeps naming a next page fails. */
const MAX_EMPTY_PAGES = 3;

/**
 * Every page of a list, merged: the next page's query comes from the last body, until there is
 * none. A list longer than the cap fails (ConditionError) asking to narrow it; a page query that
 * repeats one already sent, or more than MAX_EMPTY_PAGES empty pages in a row that still name a
 * next page, would loop forever, and is a ResponseDecodeError.
 */
async function allPages(paging: ListPaging<unknown, object>, args: Record<string, unknown>, get: (query: Query) => Promise<unknown>, details: ApiErrorDetails, subject: string): Promise<unknown> {
    const pages: unknown[] = [];
    const sent = new Set<string>();
    let fetched = 0;
    let empty = 0;
    for (let query: Query | undefined = paging.first(args); query !== undefined; ) {
        const key = JSON.stringify(Object.entries(query).sort());
        if (sent.has(key)) throw new ResponseDecodeError(details, [`(paging): page ${pages.length + 1} would repeat the query of an earlier page (${new URLSearchParams(query as Record<string, string>).toString().slice(0, 200)}); the list would never end`]);
        sent.add(key);
        const body = await get(query);
        pages.push(body);
        const items = paging.items(body).length;
        fetched += items;
        // Empty pages that keep naming a next page (a fresh `continue` token each time) would page until the deadline.
        empty = items === 0 ? empty + 1 : 0;
        if (fetched > paging.maxItems) {
            // A list the vendor cannot narrow (KPS's task lists) says so instead of naming no argument.
            const narrow = paging.narrowBy.length > 0 ? `narrow it with ${paging.narrowBy.map((n) => `\`${n}\``).join(" or ")}` : "the vendor offers no filter to narrow it";
            throw new ConditionError(`${subject}: the list holds more than ${paging.maxItems} ${paging.noun} (stopped after ${pages.length} page${pages.length === 1 ? "" : "s"}, ${fetched} ${paging.noun}); ${narrow}`);
        }
        query = paging.next(body, fetched, args);
        if (query !== undefined && empty > MAX_EMPTY_PAGES) {
            throw new ResponseDecodeError(details, [`(paging): ${empty} pages in a row held no ${paging.noun} yet named a next page; the list would never end (stopped after ${pages.length} pages)`]);
        }
    }
    return paging.merge(pages);
}
