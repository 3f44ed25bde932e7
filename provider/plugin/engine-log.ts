import * as grpc from "@grpc/grpc-js";
import type * as engineGrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import type * as engineProto from "@pulumi/pulumi/proto/engine_pb";
import { safeText } from "../core/safe-text";

/**
 * The engine service's client and messages, loaded at the first message: neither is on the
 * start-up path (a plugin that logs nothing never loads them).
 */
function engineModules(): { engineGrpc: typeof engineGrpc; engineProto: typeof engineProto } {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const grpcPb: typeof engineGrpc = require("@pulumi/pulumi/proto/engine_grpc_pb");
    const pb: typeof engineProto = require("@pulumi/pulumi/proto/engine_pb");
    /* eslint-enable @typescript-eslint/no-require-imports */
    return { engineGrpc: grpcPb, engineProto: pb };
}

/**
 * Messages of the plugin (a read still retrying, a task's status, a warning that does not fail a
 * read) in the engine's log, under the resource they concern; on stderr while no engine address is
 * known. The runtime's messages never hold a secret; vendor text in them went through safe-text.
 */
export class EngineLog {
    private address: string | undefined;
    private client: engineGrpc.EngineClient | undefined;

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
        const { engineGrpc, engineProto } = engineModules();
        this.client ??= new engineGrpc.EngineClient(this.address, grpc.credentials.createInsecure(), { "grpc.max_receive_message_length": 4 * 1024 * 1024, "grpc.enable_channelz": 0 });
        const req = new engineProto.LogRequest();
        req.setSeverity(severity === "warning" ? engineProto.LogSeverity.WARNING : severity === "debug" ? engineProto.LogSeverity.DEBUG : engineProto.LogSeverity.INFO);
        req.setMessage(text);
        if (urn) req.setUrn(urn);
        req.setEphemeral(ephemeral);
        this.client.log(req, (err) => {
            if (err) process.stderr.write(`${text}\n`);
        });
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
