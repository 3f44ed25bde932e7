import { saidOnce } from "../../core/said-once";
import { rememberSecrets } from "../../core/safe-text";
import { header, jsonObject, stringField } from "../../core/response-body";
import type { Connection, Vendor } from "../vendor";
import { ConfigurationError } from "../../core/errors";
import { checkBaseUrl, Uuid } from "../../core/input-codecs";
import { describeName, lookup, resolvePolicy, resolveTls } from "../../core/settings";
import { ASTRA_SETTING_KEYS, ASTRA_SETTINGS } from "./settings";

export { ASTRA_SETTINGS };


/** Problem numbers, from the type URL `https://astra.netapp.io/problems/N`. */
function problemNumber(type: string | undefined): string | undefined {
    const m = type && /\/problems\/([0-9]+)$/.exec(type);
    return m ? m[1] : undefined;
}

/** NetApp Astra Control: bearer token, account-scoped paths, RFC 7807-style problems. */
export const astracontrol: Vendor = {
    policy: (sources) => resolvePolicy(sources, "astracontrol", "ASTRA_CONTROL"),
    settingKeys: ASTRA_SETTING_KEYS,
    scopeSettings: { accountId: ASTRA_SETTINGS.accountId },
    async connect(op, args, sources, subject = op.token, resolved?): Promise<Connection> {
        const missing: string[] = [];
        const urlArg = typeof args.url === "string" ? args.url : undefined;
        // No default: the certificate API exists only in Astra Control Center (self-hosted, "Astra
        // API (ACC)"); the Astra Control Service host astra.netapp.io cannot answer it.
        const urlFound = urlArg ? { value: urlArg, from: "the url argument" } : lookup(sources, ASTRA_SETTINGS.url);
        if (!urlFound) {
            missing.push(
                `the URL of your Astra Control Center: pass url or set ${describeName(ASTRA_SETTINGS.url)} (the certificate API exists only in Astra Control Center, the self-hosted product, so there is no default; the Astra Control Service at https://astra.netapp.io does not serve it)`,
            );
        } else {
            const urlProblem = checkBaseUrl(urlFound.value);
            if (urlProblem) throw new ConfigurationError(`${subject}: ${urlFound.from} ${urlProblem}.`);
        }
        const token = lookup(sources, ASTRA_SETTINGS.apiToken);
        if (!token) missing.push(`an API token: set ${describeName(ASTRA_SETTINGS.apiToken)}`);
        const accountArg = typeof args.accountId === "string" ? args.accountId : undefined;
        const account = accountArg ? { value: accountArg, from: "argument accountId" } : lookup(sources, ASTRA_SETTINGS.accountId);
        if (!account) missing.push(`an account id: pass accountId or set ${describeName(ASTRA_SETTINGS.accountId)}`);
        if (missing.length || !token || !account || !urlFound) {
            const what = [!urlFound && "url", !token && "apiToken", !account && "accountId"].filter(Boolean).join(", ");
            throw new ConfigurationError(saidOnce(`astracontrol:missing ${what}`, subject, `${subject} needs ${missing.join("; and ")}.`, `needs astracontrol settings that are not set (${what})`));
        }
        if (!Uuid.is(account.value)) throw new ConfigurationError(`${subject}: ${account.from} must be ${Uuid.name}.`);
        const apiToken = token.value;
        rememberSecrets([apiToken]);
        return {
            namespace: "astracontrol",
            baseUrl: urlFound.value.replace(/\/+$/, ""),
            hostFrom: urlFound.from,
            scope: { accountId: account.value },
            policy: resolved ?? resolvePolicy(sources, "astracontrol", "ASTRA_CONTROL"),
            tls: resolveTls(sources, "astracontrol", "ASTRA_CONTROL"),
            headers: (_url, accept) => ({ Accept: accept, Authorization: `Bearer ${apiToken}`, "User-Agent": "pulumi-cloudreads" }),
        };
    },
    errorFields(_status, headers, body) {
        const problem = jsonObject(body);
        const n = problemNumber(stringField(problem, "type"));
        const title = stringField(problem, "title");
        const detail = stringField(problem, "detail");
        return {
            vendorCode: n ? `problem ${n}` : undefined,
            vendorMessage: title && detail ? `${title}: ${detail}` : title ?? detail,
            requestId: stringField(problem, "correlationID") ?? header(headers, "x-request-id"),
        };
    },
    isTransient(status, body) {
        return status === 409 && problemNumber(stringField(jsonObject(body), "type")) === "164";
    },
    isNotFound(status, vendorCode) {
        // The certificate GET documents its 404 as problem 2 (/work/shared/api/astra-control-get-certificate.zh-TW.txt,
        // "Collection not found": the collection the URI names, the certificate, is not there); problem 1
        // ("Resource not found") is what any unknown URI gets, a wrong path or base URL, not a deleted object.
        return status === 404 && vendorCode === "problem 2";
    },
    hint(status) {
        if (status === 401) return `Check ${describeName(ASTRA_SETTINGS.apiToken)}`;
        if (status === 403) {
            return `The token was accepted but may not read this certificate: either it belongs to another account than ${describeName(ASTRA_SETTINGS.accountId)} (or the accountId argument) names, or its user lacks a role that may read certificates (viewer or above) in that account`;
        }
        return undefined;
    },
};
