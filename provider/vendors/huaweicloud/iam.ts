import * as t from "io-ts";
import { jsonObject } from "../../core/response-body";
import { joinUrl } from "../../core/url";
import { decode } from "../../core/decode";
import { ApiError, ConfigurationError } from "../../core/errors";
import { responseError } from "../../core/response-error";
import { CLOCK_SKEW_HINT } from "./settings";
import { HttpPolicy, send, TRANSIENT_STATUSES } from "../../core/http";
import type { TlsSettings } from "../../core/tls-agents";

const Projects = t.type({ projects: t.array(t.type({ id: t.string, name: t.string })) });
const Domains = t.type({ domains: t.array(t.type({ id: t.string })) });

/** What an IAM look-up needs: where IAM is, and how to sign for it. */
export interface IamContext {
    readonly iamBaseUrl: string;
    readonly accessKey: string;
    readonly policy: HttpPolicy;
    readonly tls: TlsSettings;
    headers(url: URL): Record<string, string>;
    /** Where a look-up still retrying after 2 s says so (the read's own progress sink). */
    readonly progress?: (message: string) => void;
    /** The read's cancellation: a look-up stops with it. */
    readonly signal?: AbortSignal;
}

// One look-up per process, key and region, however many reads ask at once; failures are not kept.
const inflight = new Map<string, Promise<string>>();

function once(key: string, fetch: () => Promise<string>): Promise<string> {
    let p = inflight.get(key);
    if (!p) {
        p = fetch();
        inflight.set(key, p);
        p.catch(() => inflight.delete(key));
    }
    return p;
}

async function getJson(ctx: IamContext, operation: string, target: string, segments: readonly string[], query: string): Promise<Record<string, unknown>> {
    const url = joinUrl(ctx.iamBaseUrl, segments);
    url.search = query;
    const details = { service: "Huawei Cloud IAM", operation, target };
    const res = await send({
        describe: details,
        namespace: "huaweicloud",
        url: url.toString(),
        headers: () => ctx.headers(url),
        policy: ctx.policy,
        tls: ctx.tls,
        isTransient: (status) => TRANSIENT_STATUSES.has(status),
        progress: ctx.progress,
        signal: ctx.signal,
    });
    const body = jsonObject(res.body);
    const requestId = typeof res.headers["x-request-id"] === "string" ? res.headers["x-request-id"] : undefined;
    if (res.status >= 200 && res.status < 300 && body) return body;
    const err = body?.error as Record<string, unknown> | undefined;
    const code = typeof body?.error_code === "string" ? body.error_code : typeof err?.code === "string" ? err.code : undefined;
    const msg = typeof body?.error_msg === "string" ? body.error_msg : typeof err?.message === "string" ? err.message : undefined;
    const fields = { vendorCode: code, vendorMessage: msg, requestId: requestId ?? (typeof body?.request_id === "string" ? body.request_id : undefined) };
    throw responseError(details, res, fields, { notFound: false, hint: code === "APIGW.0303" ? CLOCK_SKEW_HINT : undefined, namespace: "huaweicloud", policy: ctx.policy });
}

/** The project id of `region` (IAM `GET /v3/projects?name={region}`), fetched once per process. */
export function lookUpProjectId(ctx: IamContext, region: string): Promise<string> {
    return once(`project|${ctx.iamBaseUrl}|${ctx.accessKey}|${region}`, async () => {
        const body = await getJson(ctx, "KeystoneListProjects", `the project id look-up of region ${region}`, ["v3", "projects"], `name=${encodeURIComponent(region)}`);
        const d = decode(Projects, body);
        if (!d.ok) throw new ApiError({ service: "Huawei Cloud IAM", operation: "KeystoneListProjects", target: `the project id look-up of region ${region}`, hint: `Unexpected response body: ${d.problems.join("; ")}` }, "returned a response that could not be decoded");
        const match = d.value.projects.find((p) => p.name === region);
        if (!match) {
            throw new ConfigurationError(`The project id look-up for region ${region} (Huawei Cloud IAM KeystoneListProjects) found no project of that name; set huaweicloud:projectId or HW_PROJECT_ID.`);
        }
        return match.id;
    });
}

/** The account (domain) id of the credentials (IAM `GET /v3/auth/domains`), fetched once per process. */
export function lookUpDomainId(ctx: IamContext): Promise<string> {
    return once(`domain|${ctx.iamBaseUrl}|${ctx.accessKey}`, async () => {
        const body = await getJson(ctx, "KeystoneListAuthDomains", "the domain id look-up", ["v3", "auth", "domains"], "");
        const d = decode(Domains, body);
        if (!d.ok || d.value.domains.length === 0) {
            throw new ConfigurationError("The domain id look-up (Huawei Cloud IAM KeystoneListAuthDomains) returned no domain; set huaweicloud:domainId or HW_DOMAIN_ID.");
        }
        return d.value.domains[0].id;
    });
}

/** Forgets cached look-ups (tests). */
export function clearIamCache(): void {
    inflight.clear();
}
