import type { Agent as HttpAgent } from "node:http";
import type { Agent as HttpsAgent, AgentOptions } from "node:https";
import { HttpProxyAgent, HttpsProxyAgent } from "hpagent";
import { ConfigurationError } from "./errors";
import { isLoopbackHost } from "./url";

/** The agents got needs for one proxy. */
export interface ProxyAgents {
    readonly http: HttpAgent;
    readonly https: HttpsAgent;
}

/** The proxy a request goes through, as the environment names it. */
export interface ProxyChoice {
    readonly url: URL;
    /** `http://host:port` without credentials, safe for messages. */
    readonly display: string;
    /** The environment variable it came from. */
    readonly from: string;
}

const cache = new Map<string, ProxyAgents>();

function env(name: string): { value: string; from: string } | undefined {
    for (const n of [name, name.toLowerCase()]) {
        const v = process.env[n];
        if (v !== undefined && v.trim() !== "") return { value: v.trim(), from: n };
    }
    return undefined;
}

/** Whether `NO_PROXY` (comma-separated hosts, `.domain` suffixes, `*`, optional `:port`) exempts `url`. */
export function bypassesProxy(url: URL, noProxy = env("NO_PROXY")?.value): boolean {
    if (isLoopbackHost(url.hostname)) return true;
    if (!noProxy) return false;
    const host = url.hostname.toLowerCase().replace(/\.$/, "");
    const port = url.port || (url.protocol === "https:" ? "443" : "80");
    return noProxy.split(/[\s,]+/).filter(Boolean).some((raw) => {
        if (raw === "*") return true;
        const [name, onlyPort] = raw.toLowerCase().split(/:(?=[0-9]+$)/);
        if (onlyPort && onlyPort !== port) return false;
        const bare = name.replace(/^\*?\./, "").replace(/\.$/, "");
        return bare !== "" && (host === bare || host.endsWith(`.${bare}`));
    });
}

/**
 * The proxy for `url`: `HTTPS_PROXY` for https URLs, `HTTP_PROXY` for http URLs (either in
 * lower case too), unless `NO_PROXY` exempts the host or the host is loopback. A value without
 * a scheme means `http://`, as in curl and Go. Throws a ConfigurationError for a value that is
 * not an http(s) proxy URL; the message never repeats it, since it may hold a password.
 */
export function proxyFor(url: URL): ProxyChoice | undefined {
    const found = env(url.protocol === "https:" ? "HTTPS_PROXY" : "HTTP_PROXY");
    if (!found || bypassesProxy(url)) return undefined;
    const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(found.value) ? found.value : `http://${found.value}`;
    let proxy: URL;
    try {
        proxy = new URL(text);
    } catch {
        throw new ConfigurationError(`Environment variable ${found.from} is not a valid proxy URL (expected http://host:port or https://host:port).`);
    }
    if ((proxy.protocol !== "http:" && proxy.protocol !== "https:") || proxy.hostname === "") {
        throw new ConfigurationError(`Environment variable ${found.from} must be an http:// or https:// proxy URL with a host; other proxy kinds are not supported.`);
    }
    return { url: proxy, display: `${proxy.protocol}//${proxy.host}`, from: found.from };
}

/**
 * Keep-alive agents that tunnel through `proxy` (CONNECT for https). `tls` carries this
 * package's own TLS options (trusted CAs, verification), so the tunnelled connection is
 * verified exactly like a direct one; `tlsKey` names those options for the agent cache.
 */
export function proxyAgents(proxy: ProxyChoice, tls: AgentOptions, tlsKey: string): ProxyAgents {
    const key = `${proxy.url.href}\n${tlsKey}`;
    let agents = cache.get(key);
    if (!agents) {
        agents = {
            http: new HttpProxyAgent({ proxy: proxy.url, keepAlive: true }),
            https: new HttpsProxyAgent({ proxy: proxy.url, keepAlive: true, ...tls }),
        };
        cache.set(key, agents);
    }
    return agents;
}
