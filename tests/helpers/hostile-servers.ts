import * as http from "node:http";
import * as net from "node:net";
import { inspect } from "node:util";
import { FIXTURE } from "./stack";

/**
 * Small hostile servers on 127.0.0.1 for the security tests, and the stack config that points
 * reads at them. Each answers with whatever the test's handler writes, so a test can send back
 * exactly the field it attacks with.
 */

/** A server on 127.0.0.1 answering every request with `handler`. */
export interface RawServer {
    readonly url: string;
    /** Requests received so far. */
    hits(): number;
    close(): Promise<void>;
}

/** Starts a {@link RawServer}. */
export async function rawServer(handler: http.RequestListener): Promise<RawServer> {
    let hits = 0;
    const server = http.createServer((req, res) => {
        hits++;
        handler(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`,
        hits: () => hits,
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            }),
    };
}

/** Writes `body` as JSON with `status` and extra `headers`. */
export function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { "Content-Type": "application/json", ...headers });
    res.end(JSON.stringify(body));
}

/** Everything a user or a log can see of an error: message, stack, inspected fields, JSON. */
export function visible(e: unknown): string {
    return `${String(e)}\n${(e as Error).stack ?? ""}\n${inspect(e, { showHidden: true, depth: 5 })}\n${JSON.stringify(e)}`;
}

/** The error `p` rejects with; fails the test when it resolves. */
export async function failure(p: Promise<unknown>): Promise<Error> {
    try {
        await p;
    } catch (e) {
        return e as Error;
    }
    throw new Error("the read succeeded");
}

/** Stack config for Huawei reads with a token, every endpoint at `url`, no retries. */
export function huaweiAt(url: string, extra: Record<string, string> = {}): Record<string, string> {
    return {
        "huaweicloud:region": FIXTURE.region,
        "huaweicloud:token": FIXTURE.huaweiToken,
        "huaweicloud:projectId": FIXTURE.projectId,
        "huaweicloud:endpoints": JSON.stringify({ sms: url, roma: url, kms: url, iam: url }),
        "huaweicloud:maxRetries": "0",
        "cloudreads:retryBaseDelayMs": "5",
        ...extra,
    };
}

/** Overrides of {@link huaweiAt} that switch to AK/SK credentials (`temporary`: with a security token) and leave project and domain ids to IAM. */
export function akskLookups(temporary = false): Record<string, string> {
    return {
        "huaweicloud:token": "",
        "huaweicloud:projectId": "",
        "huaweicloud:accessKey": temporary ? FIXTURE.tempAccessKey : FIXTURE.accessKey,
        "huaweicloud:secretKey": temporary ? FIXTURE.tempSecretKey : FIXTURE.secretKey,
        ...(temporary ? { "huaweicloud:securityToken": FIXTURE.tempSecurityToken } : {}),
    };
}

/** Stack config for Astra reads at `url`, no retries. */
export function astraAt(url: string, extra: Record<string, string> = {}): Record<string, string> {
    return { "astracontrol:url": url, "astracontrol:apiToken": FIXTURE.astraToken, "astracontrol:accountId": FIXTURE.astraAccountId, "astracontrol:maxRetries": "0", ...extra };
}
