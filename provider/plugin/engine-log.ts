import { safeText } from "../core/safe-text";
import { UnaryClient } from "./grpc/unary-client";
import { encodeMessage } from "./wire/wire-writer";

/** `pulumirpc.Engine/Log`, and its LogSeverity values (engine.proto). */
const LOG = "/pulumirpc.Engine/Log";
const SEVERITY = { debug: 0, info: 1, warning: 2 } as const;

/** A LogRequest's bytes: severity (1), message (2), urn (3), ephemeral (5). */
function logRequest(severity: keyof typeof SEVERITY, message: string, urn: string | undefined, ephemeral: boolean): Buffer {
    return encodeMessage((w) => {
        if (SEVERITY[severity]) w.varint(1, SEVERITY[severity]);
        w.string(2, message);
        if (urn) w.string(3, urn);
        if (ephemeral) w.varint(5, 1);
    });
}

/**
 * Messages of the plugin (a read still retrying, a task's status, a warning that does not fail a
 * read) in the engine's log, under the resource they concern; on stderr while no engine address is
 * known. The runtime's messages never hold a secret; vendor text in them went through safe-text.
 *
 * @example
 * ```ts
 * const log = new EngineLog();
 * log.connect("127.0.0.1:41237");
 * log.write("warning", "task t-1 is still RUNNING", "urn:pulumi:dev::p::cloudreads:huaweicloud/kps:KeypairTask::t");
 * ```
 */
export class EngineLog {
    private address: string | undefined;
    private client: UnaryClient | undefined;

    /**
     * Logs to the engine at `address` (from argv, Handshake or Attach) from now on; a later address
     * replaces it. The connection is made at the first message.
     */
    connect(address: string | undefined): void {
        if (!address) return;
        this.client?.close();
        this.client = undefined;
        this.address = address;
    }

    /**
     * One message, for the resource `urn` when there is one. A debug message (a failure's stack
     * trace) shows only with `pulumi --debug`, and is dropped while no engine address is known.
     */
    write(severity: "debug" | "info" | "warning", message: string, urn?: string, ephemeral = false): void {
        // A stack trace keeps its lines, each made safe for a terminal.
        const text = severity === "debug" ? message.split("\n").slice(0, 60).map((l) => safeText(l, 2000)).join("\n") : safeText(message, 2000);
        if (!this.address) {
            if (severity !== "debug") process.stderr.write(`${severity === "warning" ? "warning: " : ""}${text}\n`);
            return;
        }
        this.client ??= new UnaryClient(this.address);
        this.client.call(LOG, logRequest(severity, text, urn, ephemeral)).catch(() => process.stderr.write(`${text}\n`));
    }

    /** A logger for one call, bound to its resource. */
    for(urn: string | undefined): { info(m: string): void; warn(m: string): void } {
        return { info: (m) => this.write("info", m, urn), warn: (m) => this.write("warning", m, urn) };
    }

    close(): void {
        this.client?.close();
        this.client = undefined;
        this.address = undefined;
    }
}
