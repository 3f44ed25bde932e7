import { setMaxListeners } from "node:events";
import { CloudReadsError, InputError } from "../core/errors";
import { performRead } from "../runtime/execute";
import * as host from "../runtime/host";
import { descriptionOf } from "../operations/describe";
import type { AnyReadOperation } from "../operations/operation";
import { configFailures, configInputs, configMessage, configuredSettings, inPluginWords, pluginSources, type ConfigFailure } from "./config";
import { foreignKeyWarnings, stackConfigKeys, stackOfUrn } from "./stack-config-keys";
import { PLUGIN_CONFIG_KEYS } from "./config-keys";
import type { EngineLog } from "./engine-log";
import { UNKNOWN, type Unwrapped } from "./properties";
import { functionTokens, readOfFunction, readOfResource, resourceTokens } from "./reads";
import { PluginError } from "./plugin-error";
import { sdkSpellings } from "./sdk-names";
import { pluginTokens } from "./tokens";

/**
 * What the plugin does for each call, on plain values (server.ts turns them into and out of the
 * protocol's messages). Every read goes through the dynamic form's runtime: provider/runtime/host.ts
 * for resources, performRead for functions.
 */

/** A plain property map, and the keys of it that are secrets. */
export interface Props {
    readonly values: Record<string, unknown>;
    readonly secret: ReadonlySet<string>;
}


const CONNECTION_REFUSED =
    "named connections are not offered by the cloudreads provider plugin: declare an explicit provider (`pulumi:providers:cloudreads`) with that account's settings and pass it as the resource's or function's `provider` option";

/** The secret result fields of a read, and the secret inputs given: what goes back wrapped. */
function secretsOf(op: AnyReadOperation, given: ReadonlySet<string>): Set<string> {
    return new Set([...op.secretFields, ...given]);
}

/**
 * A runtime error as the engine should show it: the plugin's key names and type tokens
 * (`huaweicloud.kps.KeypairTask.get` -> `cloudreads:huaweicloud/kps:KeypairTask import`); nothing
 * else is added, and the runtime's messages hold no secret.
 */
function asPluginError(e: unknown, op?: AnyReadOperation): Error {
    if (e instanceof PluginError) return e;
    let text = inPluginWords(e instanceof Error ? e.message : String(e));
    // Each rejected input also in the Python and Go SDKs' words (`taskId (task_id in Python, TaskId in Go): ...`).
    if (e instanceof InputError) for (const f of e.failures) text = text.replace(`${f.property}: ${inPluginWords(f.reason)}`, `${f.property}${sdkSpellings(f.property)}: ${inPluginWords(f.reason)}`);
    if (op) {
        const t = pluginTokens(op.token);
        text = text.split(`${op.token}.get`).join(`${t.resource} import`).split(t.functionSubject).join(t.function);
        if (text.startsWith(op.token)) text = `${t.resource}${text.slice(op.token.length)}`;
    }
    return new PluginError(e instanceof CloudReadsError ? text : `cloudreads provider: ${text}`);
}

/** The provider's state: its configuration (set by Configure), where it logs, and whether it was cancelled. */
export class CloudReadsProvider {
    private sourcesOf = pluginSources(new Map());
    // One signal for every read of the process: Cancel ends them all, and no read starts after it.
    private readonly cancelled = new AbortController();

    constructor(private readonly log: EngineLog) {
        // Every read in flight listens to it: hundreds of listeners are expected, not a leak.
        setMaxListeners(0, this.cancelled.signal);
    }

    private sources(urn?: string) {
        return { ...this.sourcesOf(this.log.for(urn)), signal: this.cancelled.signal };
    }

    /**
     * Cancel (and shutdown): every read in flight fails at once with a CancelledError saying
     * `reason`, nothing is retried, and every later read fails the same way before any request.
     * A second call, or one before Configure, changes nothing.
     */
    cancel(reason: string): void {
        if (!this.cancelled.signal.aborted) this.cancelled.abort(reason);
    }

    /**
     * A failed call as the engine shows it: the message once (asPluginError), never a stack frame;
     * the stack trace goes to the engine at debug severity, which `pulumi --debug` shows.
     */
    private failed(e: unknown, op: AnyReadOperation, urn?: string): Error {
        if (e instanceof Error && e.stack) this.log.write("debug", `cloudreads provider: ${op.token}: ${e.stack}`, urn);
        return asPluginError(e, op);
    }

    private resourceRead(type: string): AnyReadOperation {
        const op = readOfResource(type);
        if (!op) throw new PluginError(`cloudreads provider: unknown resource type ${JSON.stringify(type)}; the types are ${resourceTokens().join(", ")}`);
        return op;
    }

    /**
     * CheckConfig: unknown keys and values of the wrong type fail, naming the key and the key meant.
     * The dynamic form's keys in the stack's config (`huaweicloud:region`), which never reach a
     * plugin, get one warning each (per process), naming the `cloudreads:` key to set.
     */
    checkConfig(news: Unwrapped, urn?: string): { inputs: Props; failures: ConfigFailure[] } {
        this.warnForeignKeys(news.values, urn);
        const failures = configFailures(news.values);
        // Credentials stay secret in the provider's stored inputs even when given as plain values.
        const secret = new Set([...news.secret, ...PLUGIN_CONFIG_KEYS.filter((k) => k.secret).map((k) => k.name)]);
        return { inputs: { values: news.values, secret }, failures };
    }

    private readonly foreignWarned = new Set<string>();

    private warnForeignKeys(values: Readonly<Record<string, unknown>>, urn: string | undefined): void {
        const configured = new Set(Object.entries(values).filter(([, v]) => v !== undefined && v !== null).map(([k]) => k));
        for (const warning of foreignKeyWarnings(stackConfigKeys(process.cwd(), stackOfUrn(urn)), configured)) {
            if (this.foreignWarned.has(warning)) continue;
            this.foreignWarned.add(warning);
            this.log.for(urn).warn(warning);
        }
    }

    /** DiffConfig: a changed setting updates the provider in place; reads take it at their next read. */
    diffConfig(olds: Unwrapped, news: Unwrapped): { changed: string[] } {
        const keys = new Set([...Object.keys(olds.values), ...Object.keys(news.values)]);
        return { changed: [...keys].filter((k) => k !== "version" && JSON.stringify(olds.values[k]) !== JSON.stringify(news.values[k])).sort() };
    }

    /** Configure: the settings actually given (stack config variables and the provider's inputs). */
    configure(variables: ReadonlyMap<string, string>, args: Unwrapped | undefined): void {
        const inputs = configInputs(variables, args?.values);
        const failures = configFailures(inputs);
        if (failures.length) throw new PluginError(`cloudreads provider configuration: ${configMessage(failures)}`);
        this.sourcesOf = pluginSources(configuredSettings(inputs));
    }

    /** Check: property failures before any request (the dynamic form's check); `connection` is refused. */
    async check(type: string, olds: Unwrapped, news: Unwrapped): Promise<{ inputs: Props; failures: { property: string; reason: string }[] }> {
        const op = this.resourceRead(type);
        if (news.values.connection !== undefined) return { inputs: news, failures: [{ property: "connection", reason: CONNECTION_REFUSED }] };
        try {
            const r = await host.check(op.token, olds.values, news.values, this.sources());
            return { inputs: { values: r.inputs as Record<string, unknown>, secret: news.secret }, failures: (r.failures ?? []).map((f) => ({ property: f.property, reason: `${inPluginWords(f.reason)}${sdkSpellings(f.property)}` })) };
        } catch (e) {
            throw this.failed(e, op);
        }
    }

    /** Diff: identifying inputs replace; `minValidDays`/`waitFor` update (read again). */
    async diff(type: string, id: string, olds: Unwrapped, news: Unwrapped): Promise<{ changes: boolean; replaces: string[]; diffs: string[] }> {
        const op = this.resourceRead(type);
        try {
            const r = await host.diff(op.token, id, olds.values, news.values, this.sources());
            const names = op.argNames.filter((n) => JSON.stringify(olds.values[n] ?? null) !== JSON.stringify(news.values[n] ?? null) || news.values[n] === UNKNOWN);
            return { changes: r.changes ?? false, replaces: r.replaces ?? [], diffs: [...new Set([...(r.replaces ?? []), ...names])] };
        } catch (e) {
            throw this.failed(e, op);
        }
    }

    /** Create: reads the object (in preview: the inputs, every result field unknown). */
    async create(type: string, urn: string, inputs: Unwrapped, preview: boolean): Promise<{ id: string; outs: Props }> {
        const op = this.resourceRead(type);
        if (preview) return { id: "", outs: { values: unknownResults(op, inputs.values), secret: secretsOf(op, inputs.secret) } };
        try {
            const r = await host.create(op.token, inputs.values, this.sources(urn));
            return { id: r.id, outs: { values: r.outs as Record<string, unknown>, secret: secretsOf(op, inputs.secret) } };
        } catch (e) {
            throw this.failed(e, op, urn);
        }
    }

    /** Read: refresh (stored outputs) and `pulumi import` (the id alone); an object gone leaves an empty id. */
    async read(type: string, urn: string, id: string, props: Unwrapped, inputs: Unwrapped): Promise<{ id: string; outs: Props; inputs: Props }> {
        const op = this.resourceRead(type);
        const stored = Object.keys(props.values).length ? props : inputs;
        try {
            const r = await host.read(op.token, id, stored.values, this.sources(urn));
            const secret = secretsOf(op, new Set([...props.secret, ...inputs.secret]));
            return { id: r.id ?? "", outs: { values: (r.props ?? {}) as Record<string, unknown>, secret }, inputs: { values: (r.inputs ?? {}) as Record<string, unknown>, secret: new Set([...inputs.secret, ...props.secret]) } };
        } catch (e) {
            throw this.failed(e, op, urn);
        }
    }

    /** Update: a non-identifying change reads again. */
    async update(type: string, urn: string, id: string, olds: Unwrapped, news: Unwrapped, preview: boolean): Promise<Props> {
        const op = this.resourceRead(type);
        if (preview) return { values: unknownResults(op, news.values), secret: secretsOf(op, news.secret) };
        try {
            const r = await host.update(op.token, id, olds.values, news.values, this.sources(urn));
            return { values: (r.outs ?? {}) as Record<string, unknown>, secret: secretsOf(op, news.secret) };
        } catch (e) {
            throw this.failed(e, op, urn);
        }
    }

    /** Invoke: any read as a function; an unknown token lists the tokens. */
    async invoke(tok: string, args: Unwrapped): Promise<Props> {
        const op = readOfFunction(tok);
        if (!op) throw new PluginError(`cloudreads provider: unknown function ${JSON.stringify(tok)}; the functions are ${functionTokens().join(", ")}`);
        if (args.values.connection !== undefined) throw new PluginError(`${pluginTokens(op.token).functionSubject}: invalid input: connection: ${CONNECTION_REFUSED}`);
        try {
            const outcome = await performRead(op, args.values, this.sources(), pluginTokens(op.token).functionSubject);
            return { values: { ...outcome.result }, secret: secretsOf(op, args.secret) };
        } catch (e) {
            throw this.failed(e, op);
        }
    }
}

/** A preview's outputs: the inputs, and every result field unknown. */
function unknownResults(op: AnyReadOperation, inputs: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const out: Record<string, unknown> = { ...inputs };
    for (const name of Object.keys(descriptionOf(op).fields)) if (name !== "id" && name !== "urn" && !(name in out)) out[name] = UNKNOWN;
    return out;
}
