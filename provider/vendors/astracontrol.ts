import { rememberSecrets } from "../core/safe-text";
import { Connection, header, jsonObject, stringField, Vendor } from "../core/connection";
import { ConfigurationError } from "../core/errors";
import { checkBaseUrl, Uuid } from "../core/input-codecs";
import { describeName, lookup, resolvePolicy, resolveTls, SettingName } from "../core/settings";

/** Stack config keys and env vars of the Astra Control settings. */
export const ASTRA_SETTINGS = {
    url: { key: "astracontrol:url", env: ["ASTRA_CONTROL_URL"] },
    apiToken: { key: "astracontrol:apiToken", env: ["ASTRA_CONTROL_API_TOKEN"] },
    accountId: { key: "astracontrol:accountId", env: ["ASTRA_CONTROL_ACCOUNT_ID"] },
} as const satisfies Record<string, SettingName>;

/** Astra Control Service; Astra Control Center users set their own URL. */
export const DEFAULT_ASTRA_URL = "https://astra.netapp.io";

/** Problem numbers, from the type URL `https://astra.netapp.io/problems/N`. */
function problemNumber(type: string | undefined): string | undefined {
    const m = type && /\/problems\/([0-9]+)$/.exec(type);
    return m ? m[1] : undefined;
}

/** NetApp Astra Control: bearer token, account-scoped paths, RFC 7807-style problems. */
export const astracontrol: Vendor = {
    policy: (sources) => resolvePolicy(sources, "astracontrol", "ASTRA_CONTROL"),
    async connect(op, args, sources): Promise<Connection> {
        const missing: string[] = [];
        const urlArg = typeof args.url === "string" ? args.url : undefined;
        const url = urlArg ?? lookup(sources, ASTRA_SETTINGS.url)?.value ?? DEFAULT_ASTRA_URL;
        const urlProblem = checkBaseUrl(url);
        if (urlProblem) {
            const from = urlArg ? "argument url" : lookup(sources, ASTRA_SETTINGS.url)?.from ?? "url";
            throw new ConfigurationError(`${op.token}: ${from} ${urlProblem}.`);
        }
        const token = lookup(sources, ASTRA_SETTINGS.apiToken);
        if (!token) missing.push(`an API token: set ${describeName(ASTRA_SETTINGS.apiToken)}`);
        const accountArg = typeof args.accountId === "string" ? args.accountId : undefined;
        const account = accountArg ? { value: accountArg, from: "argument accountId" } : lookup(sources, ASTRA_SETTINGS.accountId);
        if (!account) missing.push(`an account id: pass accountId or set ${describeName(ASTRA_SETTINGS.accountId)}`);
        if (missing.length || !token || !account) {
            throw new ConfigurationError(`${op.token} needs ${missing.join("; and ")}.`);
        }
        if (!Uuid.is(account.value)) throw new ConfigurationError(`${op.token}: ${account.from} must be ${Uuid.name}.`);
        const apiToken = token.value;
        rememberSecrets([apiToken]);
        return {
            namespace: "astracontrol",
            baseUrl: url.replace(/\/+$/, ""),
            scope: { accountId: account.value },
            policy: resolvePolicy(sources, "astracontrol", "ASTRA_CONTROL"),
            tls: resolveTls(sources, "astracontrol", "ASTRA_CONTROL"),
            secrets: [apiToken],
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
    isNotFound(status) {
        return status === 404;
    },
    hint(status) {
        if (status === 401) return `Check ${describeName(ASTRA_SETTINGS.apiToken)}`;
        return undefined;
    },
};
