import { createHash } from "node:crypto";
import * as http from "node:http";
import * as https from "node:https";
import * as tls from "node:tls";

/** TLS settings of one vendor; they apply only to this package's requests. */
export interface TlsSettings {
    /** Extra trusted CA certificates (PEM), trusted on top of Node's bundled public roots. */
    readonly ca?: string;
    /** Skip certificate verification (explicit opt-in; warned about once per host). */
    readonly insecure?: boolean;
}

/** Agents per TLS configuration, so a CA bundle or the insecure opt-in never touches other requests. */
export interface TlsAgents {
    readonly key: string;
    readonly options: https.AgentOptions;
    readonly direct: { readonly http: http.Agent; readonly https: https.Agent };
}

const tlsAgents = new Map<string, TlsAgents>();

/** The agents of one TLS configuration, made once per configuration and kept for the process. */
export function agentsFor(settings: TlsSettings | undefined): TlsAgents {
    const insecure = settings?.insecure === true;
    const ca = settings?.ca;
    const key = `${insecure ? "insecure" : "verify"}:${ca ? createHash("sha256").update(ca).digest("hex") : "default"}`;
    let agents = tlsAgents.get(key);
    if (!agents) {
        // `ca` alone would replace Node's public roots; a CA bundle is meant to add to them.
        const options: https.AgentOptions = {
            rejectUnauthorized: !insecure,
            ...(ca ? { secureContext: tls.createSecureContext({ ca: [...tls.rootCertificates, ca] }) } : {}),
        };
        agents = { key, options, direct: { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true, ...options }) } };
        tlsAgents.set(key, agents);
    }
    return agents;
}
