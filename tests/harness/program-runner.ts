/**
 * Child-process entry point: runs a Pulumi program under the SDK's mock
 * runtime (`setMockOptions` with a monitor of our own), the way the Node
 * language host runs it under the CLI (`cwd` = program directory, program
 * wrapped in `runInPulumiStack`), and forwards every resource monitor call to
 * the harness process, which answers as the engine.
 *
 * Started by `run-harness.ts` with `fork`; its argument is a JSON
 * {@link RunnerOptions}. Every SDK module comes from the `@pulumi/pulumi` the
 * program resolves, so the program and the monitor share one SDK instance.
 *
 * @module
 */
import * as path from "node:path";
import type { HarnessReply, RunnerMessage, RunnerOptions } from "./ipc-messages";
import type { WireMap } from "./property-values";

/* The SDK is loaded by path at run time; these are the few shapes used here. */
interface Struct {
    toJavaScript(): unknown;
}
interface StructClass {
    fromJavaScript(v: unknown): Struct;
}
type Callback = (err: unknown, res: unknown) => void;
type RequestLike = Record<string, () => unknown>;

const options = JSON.parse(process.argv[2] ?? "{}") as RunnerOptions;
// The program sees the argv the language host gives it: no extra arguments.
process.argv = process.argv.slice(0, 2);

const sdkRoot = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [process.cwd()] }));
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped internals of whichever SDK the program uses
const fromSdk = (p: string): any => require(path.join(sdkRoot, p));
const settings = fromSdk("runtime/settings");
const { MockMonitor } = fromSdk("runtime/mocks") as { MockMonitor: new (mocks: unknown) => { resources: Map<string, unknown> } };
const stackModule = fromSdk("runtime/stack");
const resproto = fromSdk("proto/resource_pb");
const { Struct } = require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [sdkRoot] })) as { Struct: StructClass };

const pending = new Map<number, { resolve: (r: HarnessReply & { kind: "ok" }) => void; reject: (e: Error) => void }>();
let nextReqId = 1;

process.on("message", (m: HarnessReply) => {
    const p = pending.get(m.reqId);
    if (!p) {
        return;
    }
    pending.delete(m.reqId);
    if (m.kind === "ok") {
        p.resolve(m);
    } else {
        p.reject(new Error(m.message));
    }
});

type Request = Exclude<RunnerMessage, { kind: "done" }>;
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

function ask(msg: DistributiveOmit<Request, "reqId">): Promise<HarnessReply & { kind: "ok" }> {
    const reqId = nextReqId++;
    return new Promise((resolve, reject) => {
        pending.set(reqId, { resolve, reject });
        process.send?.({ ...msg, reqId } as RunnerMessage);
    });
}

function structOf(s: unknown): WireMap {
    return ((s as Struct | undefined)?.toJavaScript() ?? {}) as WireMap;
}

/*
 * Features this "engine" claims. Resource references and output values are
 * off so the SDK sends plain ids/values, which is what the engine hands a
 * provider that accepts neither; transforms and hooks need a callback server.
 */
const SUPPORTED_FEATURES = new Set(["secrets", "deletedWith", "replaceWith", "aliasSpecs", "parameterization"]);

class HarnessMonitor extends MockMonitor {
    constructor() {
        super({
            call: (args: { token: string }) => {
                throw new Error(`unknown function ${args.token}`);
            },
            newResource: () => {
                throw new Error("not used: registrations go to the harness");
            },
        });
    }

    async registerResource(req: RequestLike, callback: Callback): Promise<void> {
        try {
            const reply = await ask({
                kind: "register",
                type: req.getType() as string,
                name: req.getName() as string,
                custom: req.getCustom() as boolean,
                parent: req.getParent() as string,
                object: structOf(req.getObject()),
                additionalSecretOutputs: req.getAdditionalsecretoutputsList() as string[],
                deleteBeforeReplace: req.getDeletebeforereplace() as boolean,
                deleteBeforeReplaceDefined: req.getDeletebeforereplacedefined() as boolean,
                ignoreChanges: req.getIgnorechangesList() as string[],
                replaceOnChanges: req.getReplaceonchangesList() as string[],
                protect: Boolean(req.getProtect()),
                retainOnDelete: Boolean(req.getRetainondelete()),
                dependencies: req.getDependenciesList() as string[],
                importId: req.getImportid() as string,
                provider: req.getProvider() as string,
            });
            this.resources.set(reply.urn, { urn: reply.urn, id: reply.id || null, state: reply.object });
            const resp = new resproto.RegisterResourceResponse();
            resp.setUrn(reply.urn);
            resp.setId(reply.id);
            resp.setObject(Struct.fromJavaScript(reply.object));
            resp.setResult(resproto.Result.SUCCESS);
            callback(null, resp);
        } catch (e) {
            callback(e, undefined);
        }
    }

    async readResource(req: RequestLike, callback: Callback): Promise<void> {
        try {
            const reply = await ask({
                kind: "read",
                type: req.getType() as string,
                name: req.getName() as string,
                parent: req.getParent() as string,
                id: req.getId() as string,
                properties: structOf(req.getProperties()),
                additionalSecretOutputs: req.getAdditionalsecretoutputsList() as string[],
                dependencies: req.getDependenciesList() as string[],
                provider: req.getProvider() as string,
            });
            this.resources.set(reply.urn, { urn: reply.urn, id: reply.id || null, state: reply.object });
            const resp = new resproto.ReadResourceResponse();
            resp.setUrn(reply.urn);
            resp.setProperties(Struct.fromJavaScript(reply.object));
            callback(null, resp);
        } catch (e) {
            callback(e, undefined);
        }
    }

    async registerResourceOutputs(req: RequestLike, callback: Callback): Promise<void> {
        try {
            await ask({ kind: "outputs", urn: req.getUrn() as string, outputs: structOf(req.getOutputs()) });
            callback(null, {});
        } catch (e) {
            callback(e, undefined);
        }
    }

    supportsFeature(req: RequestLike, callback: Callback): void {
        const supported = SUPPORTED_FEATURES.has(req.getId() as string);
        callback(null, { getHassupport: () => supported });
    }
}

const errors: string[] = [];
function reportError(err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    if (!errors.includes(message)) {
        errors.push(message);
        console.error(`error: ${message}`);
    }
}
process.on("uncaughtException", reportError);
process.on("unhandledRejection", reportError);

async function main(): Promise<void> {
    settings.setMockOptions(new HarnessMonitor(), options.project, options.stack, options.preview, options.organization);
    try {
        await stackModule.runInPulumiStack(async () => {
            const programExport: unknown = require(options.program);
            return programExport instanceof Function ? await programExport() : await programExport;
        });
        await settings.waitForRPCs();
    } catch (e) {
        reportError(e);
    }
    await new Promise<void>((resolve) => process.send?.({ kind: "done", errors } satisfies RunnerMessage, undefined, {}, () => resolve()));
    // Open handles the program left (HTTP agents, timers) must not keep the run alive.
    process.exit(errors.length > 0 ? 1 : 0);
}

void main();
