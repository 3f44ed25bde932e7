import * as net from "node:net";

/**
 * Hostile transports on 127.0.0.1, each a raw TCP server that answers an HTTP GET badly: it
 * hangs, trickles its headers, sends 1xx answers without end, resets the connection in the
 * middle of the body, cuts the body short, speaks another protocol, or closes without a reply.
 */

/** The hostile transport cases, by name: what each server does with a connection. */
export const HOSTILE_TRANSPORTS: Readonly<Record<string, (socket: net.Socket) => void>> = {
    "a server that hangs": () => undefined,
    "headers trickled slowly": (s) => {
        const head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Padding: ";
        let at = 0;
        const timer = setInterval(() => s.write(at < head.length ? head[at++]! : "x"), 50);
        s.on("close", () => clearInterval(timer));
    },
    "endless 1xx responses": (s) => {
        const timer = setInterval(() => s.write("HTTP/1.1 102 Processing\r\n\r\n"), 20);
        s.on("close", () => clearInterval(timer));
    },
    "a reset in the middle of the body": (s) =>
        void s.once("data", () => {
            s.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"task_status":"RUN`);
            setTimeout(() => s.resetAndDestroy(), 50);
        }),
    "a truncated body": (s) => void s.once("data", () => s.end(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"task_status":"RUN`)),
    "a non-HTTP banner": (s) => void s.write("SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13\r\n"),
    "a connection closed with no reply": (s) => void s.once("data", () => s.end()),
};

/** One server per case; `urls` maps each case to its URL. */
export async function startHostileTransports(): Promise<{ urls: Record<string, string>; close(): Promise<void> }> {
    const servers: net.Server[] = [];
    const sockets = new Set<net.Socket>();
    const urls: Record<string, string> = {};
    for (const [name, behave] of Object.entries(HOSTILE_TRANSPORTS)) {
        const server = net.createServer((s) => {
            sockets.add(s);
            s.on("close", () => sockets.delete(s));
            s.on("error", () => undefined);
            behave(s);
        });
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        servers.push(server);
        urls[name] = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    }
    return {
        urls,
        close: async () => {
            for (const s of sockets) s.destroy();
            await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
        },
    };
}
