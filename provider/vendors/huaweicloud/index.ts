import { rememberSecrets } from "../../core/safe-text";
import { header, jsonObject, stringField } from "../../core/response-body";
import type { Connection, ReadTarget, Scope, Vendor } from "../vendor";
import { ConfigurationError } from "../../core/errors";
import { saidOnce } from "../../core/said-once";
import { idSegment, Region } from "../../core/input-codecs";
import { argFailures } from "../../core/validate-args";
import { describeName, lookup, memoized, resolvePolicy, resolveTls, SettingSources } from "../../core/settings";
import { HuaweiService, serviceBaseUrl } from "./endpoints";
import { signRequest } from "./signer";
import { HuaweiAuth, resolveHuaweiAuth } from "./auth";
import { IamContext, lookUpDomainId, lookUpProjectId } from "./iam";
import { CLOCK_SKEW_HINT, HUAWEI_SETTING_KEYS, HUAWEI_SETTINGS as S, HUAWEI_TRANSPORT_ALIASES, ROMA_INSTANCE_MISSING, SERVICE_CODE_PREFIXES } from "./settings";

const SERVICES: readonly HuaweiService[] = ["sms", "roma", "kms", "iam"];

function parseEndpoints(sources: SettingSources): Partial<Record<HuaweiService, string>> {
    return memoized(sources, "huaweicloud:endpoints", () => endpointsOf(sources));
}

function endpointsOf(sources: SettingSources): Partial<Record<HuaweiService, string>> {
    const found = lookup(sources, S.endpoints);
    if (!found) return {};
    let parsed: unknown;
    try {
        parsed = JSON.parse(found.value);
    } catch {
        throw new ConfigurationError(`${found.from} must be a JSON object such as {"kms":"https://kms.cn-north-4.myhuaweicloud.com"}; it is not valid JSON.`);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        throw new ConfigurationError(`${found.from} must be a JSON object whose keys are among ${SERVICES.join(", ")}.`);
    }
    const out = Object.create(null) as Partial<Record<HuaweiService, string>>;
    for (const [k, v] of Object.entries(parsed)) {
        if (!(SERVICES as readonly string[]).includes(k) || typeof v !== "string") {
            throw new ConfigurationError(`${found.from}: key ${JSON.stringify(k.slice(0, 20))} must be one of ${SERVICES.join(", ")} with a URL string value.`);
        }
        out[k as HuaweiService] = v;
    }
    return out;
}

const DomainId = idSegment(1, 64);
const HEADER_SAFE = /^[\x21-\x7e]+$/;

// Credentials go into headers: refuse what Node would refuse to send, naming the setting, never the value.
function checkCredentials(subject: string, auth: HuaweiAuth): void {
    const values = auth.kind === "token" ? [auth.token] : [auth.accessKey, auth.secretKey, auth.securityToken ?? "x"];
    if (values.some((v) => !HEADER_SAFE.test(v))) {
        throw new ConfigurationError(`${subject}: the credentials from ${auth.from} must be printable ASCII without spaces; they contain other characters.`);
    }
}

function authHeaders(auth: HuaweiAuth, url: URL, base: Record<string, string>): Record<string, string> {
    if (auth.kind === "token") return { ...base, "X-Auth-Token": auth.token };
    const headers: Record<string, string> = { ...base, Host: url.host };
    if (auth.securityToken) headers["X-Security-Token"] = auth.securityToken;
    return signRequest({ method: "GET", url: url.toString(), headers }, { accessKey: auth.accessKey, secretKey: auth.secretKey });
}

function errorBody(body: string): Record<string, unknown> | undefined {
    const o = jsonObject(body);
    // IAM and some gateways nest the fields: {"error": {"code", "message"}}.
    const nested = o?.error;
    if (o && typeof nested === "object" && nested !== null && !Array.isArray(nested)) {
        const n = nested as Record<string, unknown>;
        return { error_code: n.code, error_msg: n.message, request_id: o.request_id };
    }
    return o;
}

/** Huawei Cloud: token or AK/SK authentication, regional and global hosts, `error_code` bodies. */
export const huaweicloud: Vendor = {
    policy: (sources) => resolvePolicy(sources, "huaweicloud", "HW"),
    settingKeys: HUAWEI_SETTING_KEYS,
    scopeSettings: { projectId: S.projectId },
    async connect(op: ReadTarget, args, sources, subject = op.token, resolved?): Promise<Connection> {
        const policy = resolved ?? resolvePolicy(sources, "huaweicloud", "HW");
        const tls = resolveTls(sources, "huaweicloud", "HW", HUAWEI_TRANSPORT_ALIASES);
        const auth = resolveHuaweiAuth(subject, sources);
        checkCredentials(subject, auth);
        const regionArg = typeof args.region === "string" ? args.region : undefined;
        const regionFound = regionArg ? { value: regionArg, from: "argument region" } : lookup(sources, S.region) ?? (auth.kind === "aksk" && auth.profile?.region ? { value: auth.profile.region, from: "the KooCLI profile" } : undefined);
        if (regionFound && !Region.is(regionFound.value)) throw new ConfigurationError(`${subject}: ${regionFound.from} must be ${Region.name}.`);
        const needRegion = (why: string): string => {
            if (!regionFound) throw new ConfigurationError(saidOnce("huaweicloud:region missing", subject, `${subject} needs a region ${why}: pass region or set ${describeName(S.region)}.`, "needs a region; none is set"));
            return regionFound.value;
        };
        const overrides = parseEndpoints(sources);
        const cloud = lookup(sources, S.cloud)?.value;
        const service = op.service as HuaweiService;
        const endpointArg = typeof args.endpoint === "string" ? args.endpoint : undefined;
        const endpointsFrom = lookup(sources, S.endpoints)?.from;
        const hostFrom = endpointArg
            ? "the endpoint argument"
            : overrides[service]
              ? `${endpointsFrom} (key ${service})`
              : `${regionFound ? regionFound.from : "the region"}${cloud ? ` and ${lookup(sources, S.cloud)?.from}` : ""}; set huaweicloud:endpoints.${service} to choose it`;
        const baseUrl = endpointArg || overrides[service]
            ? serviceBaseUrl(service, { region: regionFound?.value ?? "cn-north-4", endpoint: endpointArg, overrides, cloud })
            : serviceBaseUrl(service, { region: needRegion(`to find the ${service} host`), overrides, cloud });
        const secrets = auth.kind === "token" ? [auth.token] : [auth.accessKey, auth.secretKey, auth.securityToken ?? ""];
        rememberSecrets(secrets);
        const iam = (): IamContext => {
            if (auth.kind !== "aksk") throw new Error("IAM look-ups need AK/SK");
            const iamBaseUrl = serviceBaseUrl("iam", { region: needRegion("for the IAM look-up"), overrides, cloud });
            return {
                iamBaseUrl,
                accessKey: auth.accessKey,
                policy,
                tls,
                headers: (url) => authHeaders(auth, url, { Accept: "application/json", "User-Agent": "pulumi-cloudreads" }),
                progress: sources.progress,
                signal: sources.signal,
            };
        };

        let scope: Scope = {};
        const extra: Record<string, string> = {};
        if (op.scope === "project") {
            const projectArg = typeof args.projectId === "string" ? args.projectId : undefined;
            const configured = lookup(sources, S.projectId) ?? (auth.kind === "aksk" && auth.profile?.projectId ? { value: auth.profile.projectId, from: "the KooCLI profile's projectId" } : undefined);
            if (!projectArg && configured) {
                // A project id from settings goes into the path like the argument would: same rule.
                const bad = argFailures(op.args, op.argNames, { ...args, projectId: configured.value }).failures.find((f) => f.property === "projectId");
                if (bad) throw new ConfigurationError(`${subject}: ${configured.from} is not a valid project id: ${bad.reason.replace(/, got .*$/, "")}.`);
            }
            let projectId = projectArg ?? configured?.value;
            if (!projectId) {
                if (auth.kind !== "aksk") {
                    throw new ConfigurationError(
                        saidOnce("huaweicloud:projectId missing", subject, `${subject} needs a project id: pass projectId or set ${describeName(S.projectId)} (with AK/SK credentials it is looked up from IAM for the region).`, "needs a project id; none is set"),
                    );
                }
                projectId = await lookUpProjectId(iam(), needRegion("to look up its project id"));
                // An id from a response goes into the signed path like the argument would: same rule.
                const bad = argFailures(op.args, op.argNames, { ...args, projectId }).failures.find((f) => f.property === "projectId");
                if (bad) throw new ConfigurationError(`${subject}: the project id look-up (Huawei Cloud IAM KeystoneListProjects) returned an id that is not a valid project id (${bad.reason.replace(/, got .*$/, "")}); nothing was sent with it. Set huaweicloud:projectId or HW_PROJECT_ID.`);
            }
            scope = { projectId };
            if (auth.kind === "aksk") extra["X-Project-Id"] = projectId;
        } else if (op.scope === "domain" && auth.kind === "aksk") {
            // SMS is a global service: AK/SK requests carry the account (domain) id instead.
            const configured = lookup(sources, S.domainId) ?? (auth.profile?.domainId ? { value: auth.profile.domainId, from: "the KooCLI profile's domainId" } : undefined);
            if (configured && !DomainId.is(configured.value)) throw new ConfigurationError(`${subject}: ${configured.from} must be ${DomainId.name}.`);
            const domainId = configured?.value ?? (await lookUpDomainId(iam()));
            if (!configured && !DomainId.is(domainId)) {
                throw new ConfigurationError(`${subject}: the domain id look-up (Huawei Cloud IAM KeystoneListAuthDomains) returned an id that is not ${DomainId.name}; nothing was sent with it. Set huaweicloud:domainId or HW_DOMAIN_ID.`);
            }
            extra["X-Domain-Id"] = domainId;
        }
        return {
            namespace: "huaweicloud",
            baseUrl,
            hostFrom,
            scope,
            policy,
            tls,
            headers: (url, accept) => authHeaders(auth, url, { Accept: accept, "User-Agent": "pulumi-cloudreads", ...extra }),
        };
    },
    errorFields(_status, headers, body) {
        const o = errorBody(body);
        return {
            vendorCode: stringField(o, "error_code"),
            vendorMessage: stringField(o, "error_msg"),
            requestId: stringField(o, "request_id") ?? header(headers, "x-request-id"),
        };
    },
    isTransient() {
        return false;
    },
    isNotFound(status, vendorCode, service) {
        // The service's own code on a 404 (SERVICE_CODE_PREFIXES), or ROMA's documented 500 for a
        // missing instance. A gateway 404 (APIGW.0101), one without a code or with another
        // service's code is an ApiError, so a refresh never drops a resource for it.
        if (vendorCode === undefined) return false;
        if (service === "roma" && vendorCode === ROMA_INSTANCE_MISSING) return true;
        const prefix = SERVICE_CODE_PREFIXES[service];
        return status === 404 && prefix !== undefined && vendorCode.startsWith(prefix);
    },
    hint(status, vendorCode) {
        if (vendorCode === "APIGW.0303") return CLOCK_SKEW_HINT;
        if (status === 401) return `Check the credentials (${describeName(S.token)}, or ${describeName(S.accessKey)} and ${describeName(S.secretKey)})`;
        if (status === 403) return "The credentials were accepted but lack the permission for this operation, or the project (or account) is not theirs: check the IAM policies of the user and the project id";
        return undefined;
    },
};
