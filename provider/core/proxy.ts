import type { Agent as HttpAgent } from "node:http";
import type { Agent as HttpsAgent } from "node:https";
import { HttpProxyAgent, HttpsProxyAgent } from "hpagent";

/** The agents got needs for one proxy. */
export interface ProxyAgents {
    readonly http: HttpAgent;
    readonly https: HttpsAgent;
}

const cache = new Map<string, ProxyAgents>();
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

function env(name: string): string | undefined {
    return process.env[name] ?? process.env[name.toLowerCase()];
}

/** Whether `NO_PROXY` (comma-separated hosts, `.domain` suffixes, `*`, optional `:port`) exempts `url`. */
export function bypassesProxy(url: URL, noProxy = env("NO_PROXY")): boolean {
    if (LOOPBACK.has(url.hostname)) return true;
    if (!noProxy) return false;
    const host = url.hostname.toLowerCase();
    const port = url.port || (url.protocol === "https:" ? "443" : "80");
    return noProxy.split(/[\s,]+/).filter(Boolean).some((raw) => {
        if (raw === "*") return true;
        const [name, onlyPort] = raw.toLowerCase().split(/:(?=[0-9]+$)/);
        if (onlyPort && onlyPort !== port) return false;
        const bare = name.replace(/^\*?\./, "");
        return host === bare || host.endsWith(`.${bare}`);
    });
}

/**
 * Agents that tunnel through `HTTPS_PROXY` (for https URLs) or `HTTP_PROXY` (for http URLs),
 * unless `NO_PROXY` exempts the host; loopback hosts always go direct, as in Go's proxy rules.
 * Returns undefined for a direct connection. Agents are kept alive and shared per proxy.
 */
export function proxyAgentFor(url: URL): ProxyAgents | undefined {
    const proxy = url.protocol === "https:" ? env("HTTPS_PROXY") : env("HTTP_PROXY");
    if (!proxy || bypassesProxy(url)) return undefined;
    let agents = cache.get(proxy);
    if (!agents) {
        agents = {
            http: new HttpProxyAgent({ proxy, keepAlive: true }),
            https: new HttpsProxyAgent({ proxy, keepAlive: true }),
        };
        cache.set(proxy, agents);
    }
    return agents;
}
