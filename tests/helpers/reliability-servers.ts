import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import type { AddressInfo, Socket } from "node:net";

/**
 * Small local servers for the reliability tests: a recorder (the "other host" a redirect
 * points at), a counting reverse proxy (requests in flight at the emulator), an HTTPS front
 * for the emulator with a certificate made at test time, and a CONNECT proxy that counts tunnels.
 */

/** A server that can be stopped with every socket it holds. */
export interface Running {
    readonly port: number;
    close(): Promise<void>;
}

async function listen(server: http.Server | https.Server): Promise<Running> {
    const sockets = new Set<Socket>();
    server.on("connection", (s: Socket) => {
        sockets.add(s);
        s.on("close", () => sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(0, "127.0.0.1", () => resolve());
    });
    let closing: Promise<void> | undefined;
    return {
        port: (server.address() as AddressInfo).port,
        close: () => {
            closing ??= new Promise<void>((resolve) => {
                server.close(() => resolve());
                for (const s of sockets) s.destroy();
            });
            return closing;
        },
    };
}

/** One request a recorder received. */
export interface Received {
    readonly method: string;
    readonly url: string;
    readonly headers: http.IncomingHttpHeaders;
}

/** A plain HTTP server that records every request and answers 200 `{}`. */
export async function startRecorder(): Promise<Running & { readonly url: string; readonly received: Received[] }> {
    const received: Received[] = [];
    const server = http.createServer((req, res) => {
        received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
        req.resume();
        res.writeHead(200, { "Content-Type": "application/json" }).end("{}");
    });
    const running = await listen(server);
    return { ...running, url: `http://127.0.0.1:${running.port}`, received };
}

const upstreamAgent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/**
 * Forwards one request to `target` (the emulator) and pipes the answer back. Upstream
 * misbehaviour (a reset, a cut body) is passed on by destroying the client's socket.
 */
function forward(req: http.IncomingMessage, res: http.ServerResponse, target: URL): void {
    const upstream = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent: upstreamAgent },
        (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
            answer.on("aborted", () => res.destroy());
            answer.on("error", () => res.destroy());
        },
    );
    upstream.on("error", () => res.destroy());
    res.on("close", () => upstream.destroy());
    req.pipe(upstream);
}

/** A reverse proxy in front of the emulator that measures requests in flight. */
export interface CountingProxy extends Running {
    readonly url: string;
    /** Requests in flight now. */
    readonly inFlight: number;
    /** Most requests in flight at once since start or the last {@link resetPeak}. */
    readonly peak: number;
    /** Requests received. */
    readonly total: number;
    resetPeak(): void;
}

/**
 * Starts a reverse proxy to `target` that counts a request in flight from its arrival until
 * its response is finished or its connection closes, and keeps the peak.
 */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
    const to = new URL(target);
    let inFlight = 0;
    let peak = 0;
    let total = 0;
    const server = http.createServer((req, res) => {
        total++;
        inFlight++;
        peak = Math.max(peak, inFlight);
        let done = false;
        const finish = (): void => {
            if (!done) {
                done = true;
                inFlight--;
            }
        };
        res.on("finish", finish);
        res.on("close", finish);
        forward(req, res, to);
    });
    server.keepAliveTimeout = 30_000;
    const running = await listen(server);
    return {
        ...running,
        url: `http://127.0.0.1:${running.port}`,
        get inFlight() {
            return inFlight;
        },
        get peak() {
            return peak;
        },
        get total() {
            return total;
        },
        resetPeak: () => {
            peak = inFlight;
        },
    };
}

/** A CA and a server certificate it signed, made with openssl for one test run. */
export interface TestCertificates {
    readonly dir: string;
    readonly caPem: string;
    readonly caFile: string;
    /** A second, unrelated CA: trusting it must not make the server trusted. */
    readonly otherCaPem: string;
    readonly certPem: string;
    readonly keyPem: string;
    /** Names in the server certificate. */
    readonly names: readonly string[];
    /** Deletes the files. */
    remove(): void;
}

/** Whether `openssl` can be run. */
export function haveOpenssl(): boolean {
    try {
        execFileSync("openssl", ["version"], { stdio: "ignore" });
        return true;
    } catch {
        return false;
    }
}

/**
 * A throwaway CA and a server certificate for 127.0.0.1, localhost and `dnsNames`
 * (EC P-256 keys, so it takes a fraction of a second). Requires `openssl` on PATH.
 */
export function makeCertificates(dnsNames: readonly string[]): TestCertificates {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-tls-"));
    const run = (...args: string[]): void => {
        execFileSync("openssl", args, { cwd: dir, stdio: "ignore" });
    };
    const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-sha256"];
    run("req", "-x509", ...ec, "-days", "2", "-keyout", "ca.key", "-out", "ca.pem", "-subj", "/CN=cloudreads reliability test CA", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    run("req", "-x509", ...ec, "-days", "2", "-keyout", "other.key", "-out", "other.pem", "-subj", "/CN=cloudreads unrelated CA", "-addext", "basicConstraints=critical,CA:TRUE");
    run("req", "-new", ...ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
    const names = ["127.0.0.1", "localhost", ...dnsNames];
    const san = names.map((n) => (/^[0-9.]+$/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(",");
    fs.writeFileSync(path.join(dir, "server.ext"), `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
    run("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2", "-sha256", "-extfile", "server.ext", "-out", "server.pem");
    const read = (f: string): string => fs.readFileSync(path.join(dir, f), "utf8");
    return {
        dir,
        caPem: read("ca.pem"),
        caFile: path.join(dir, "ca.pem"),
        otherCaPem: read("other.pem"),
        certPem: read("server.pem"),
        keyPem: read("server.key"),
        names,
        remove: () => fs.rmSync(dir, { recursive: true, force: true }),
    };
}

/** An HTTPS server that serves the emulator's answers (a reverse proxy with TLS in front). */
export async function startTlsFront(target: string, certs: TestCertificates): Promise<Running & { readonly url: string; readonly requests: number }> {
    const to = new URL(target);
    let requests = 0;
    const server = https.createServer({ cert: certs.certPem, key: certs.keyPem }, (req, res) => {
        requests++;
        forward(req, res, to);
    });
    // A failed handshake is the expected outcome of several tests; it must not crash anything.
    server.on("tlsClientError", () => undefined);
    const running = await listen(server);
    return {
        ...running,
        url: `https://127.0.0.1:${running.port}`,
        get requests() {
            return requests;
        },
    };
}

/** One CONNECT tunnel a proxy opened. */
export interface Tunnel {
    /** `host:port` as the client asked. */
    readonly target: string;
    readonly proxyAuthorization?: string;
}

/**
 * A forward proxy that handles CONNECT only. It resolves the names in `hosts` itself (to
 * 127.0.0.1), so a client can use a host name that does not resolve on this machine; other
 * names are refused with 502. Every tunnel is recorded.
 */
export async function startConnectProxy(
    hosts: Readonly<Record<string, string>>,
): Promise<Running & { readonly url: string; readonly tunnels: Tunnel[]; dropTunnels(): Promise<void> }> {
    const tunnels: Tunnel[] = [];
    const open = new Set<net.Socket>();
    const server = http.createServer((_req, res) => {
        res.writeHead(405, { "Content-Type": "text/plain" }).end("CONNECT only\n");
    });
    server.on("connect", (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
        const target = req.url ?? "";
        tunnels.push({ target, proxyAuthorization: req.headers["proxy-authorization"] });
        const at = target.lastIndexOf(":");
        const host = target.slice(0, at);
        const port = Number(target.slice(at + 1));
        const address = hosts[host];
        if (!address || !Number.isInteger(port)) {
            client.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
            return;
        }
        const upstream = net.connect(port, address, () => {
            client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
            if (head.length) upstream.write(head);
            upstream.pipe(client);
            client.pipe(upstream);
        });
        open.add(upstream);
        open.add(client);
        const drop = (): void => {
            upstream.destroy();
            client.destroy();
            open.delete(upstream);
            open.delete(client);
        };
        upstream.on("error", drop);
        client.on("error", drop);
        upstream.on("close", drop);
        client.on("close", drop);
    });
    const running = await listen(server);
    return {
        port: running.port,
        close: async () => {
            for (const s of open) s.destroy();
            await running.close();
        },
        url: `http://127.0.0.1:${running.port}`,
        tunnels,
        // Clients keep tunnels alive; dropping them makes the next request open (and count) a new one.
        dropTunnels: async () => {
            for (const s of open) s.destroy();
            await new Promise((resolve) => setTimeout(resolve, 50));
        },
    };
}

/** Collects unhandled promise rejections while installed. */
export function trackUnhandledRejections(): { readonly seen: unknown[]; dispose(): void } {
    const seen: unknown[] = [];
    const listener = (reason: unknown): void => {
        seen.push(reason);
    };
    process.on("unhandledRejection", listener);
    return { seen, dispose: () => process.off("unhandledRejection", listener) };
}
