/**
 * `runHarness`: does to a dynamic provider what the Pulumi engine does during
 * `pulumi preview`, `up`, `refresh` and `destroy`, without the Pulumi CLI.
 *
 * The program runs in a child process under the SDK's mock runtime
 * (`program-runner.ts`); its registrations come here, and each dynamic
 * resource is taken through Check, Diff and Create/Update/Delete against one
 * real dynamic-provider host process, with state kept in a JSON checkpoint.
 *
 * @module
 */
import { fork, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { HarnessReply, ReadMessage, RegisterMessage, RunnerMessage, RunnerOptions } from "./ipc-messages";
import { findProjectFile, readProjectFile, resolveEntryPoint } from "./program-entry";
import { defaultProviderState, DEFAULT_PROVIDER_TYPE, storedProviderConfig } from "./provider-config";
import {
    PROVIDER_KEY,
    annotateSecrets,
    changedKeys,
    displayValue,
    makeSecret,
    plainValue,
    secretKeys,
    stripSecretsMap,
    type WireMap,
    UNKNOWN,
} from "./property-values";
import { HostCallError, ProviderHost, type ResourceRef } from "./provider-host";
import { STACK_TYPE, encryptState, loadState, saveState, type StateFile, type StateResource } from "./state-file";
import type { HarnessResult, HarnessRun, Step, StepDiff, StepOp } from "./types";

const RUNNER_SCRIPT = path.join(__dirname, "program-runner.ts");
const TS_NODE_REGISTER = require.resolve("ts-node/register/transpile-only");
const DEFAULT_PASSPHRASE = "pulumi-cloudreads-harness";
const DYNAMIC_TYPE_PREFIX = "pulumi-nodejs:dynamic";

/** True for the type tokens of `pulumi.dynamic.Resource` (`pulumi-nodejs:dynamic[/module]:Type`). */
export function isDynamicType(type: string): boolean {
    return type.startsWith(`${DYNAMIC_TYPE_PREFIX}:`) || type.startsWith(`${DYNAMIC_TYPE_PREFIX}/`);
}

/** The URN the engine gives a resource; a parent other than the stack qualifies the type. */
export function makeUrn(project: string, stack: string, type: string, name: string, parentUrn: string): string {
    let qualified = type;
    const parentType = parentUrn ? parentUrn.split("::")[2] : undefined;
    if (parentType && parentType !== STACK_TYPE) {
        qualified = `${parentType}$${type}`;
    }
    return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

function namespaced(config: Record<string, string>, project: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(config)) {
        out[k.includes(":") ? k : `${project}:${k}`] = v;
    }
    return out;
}

/** Environment of the calling process minus what would leak a parent Pulumi or ts-node setup into the run. */
function baseEnv(extra: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) {
        if (!/^(PULUMI_CONFIG|PULUMI_NODEJS_|TS_NODE_)/.test(k)) {
            env[k] = v;
        }
    }
    return { ...env, ...extra };
}

/** ts-node settings of the Node language host: the program's own tsconfig.json, else its defaults. */
function tsNodeEnv(programDir: string): NodeJS.ProcessEnv {
    const tsconfig = path.join(programDir, "tsconfig.json");
    if (fs.existsSync(tsconfig)) {
        return { TS_NODE_PROJECT: tsconfig };
    }
    return {
        TS_NODE_SKIP_PROJECT: "true",
        TS_NODE_COMPILER_OPTIONS: JSON.stringify({ target: "ES2020", module: "nodenext", moduleResolution: "nodenext", sourceMap: true }),
    };
}

function messageOf(e: unknown): string {
    if (e instanceof HostCallError) {
        return e.details;
    }
    return e instanceof Error ? e.message : String(e);
}

function matchReplaceOnChanges(changed: string[], replaceOnChanges: string[]): string[] {
    if (replaceOnChanges.includes("*")) {
        return changed;
    }
    return changed.filter((k) => replaceOnChanges.some((p) => p === k || p.startsWith(`${k}.`) || p.startsWith(`${k}[`)));
}

/** The engine's ignoreChanges for top-level keys: keep the stored value of each ignored key. */
function applyIgnoreChanges(news: WireMap, oldInputs: WireMap | undefined, ignoreChanges: string[]): WireMap {
    if (!oldInputs || ignoreChanges.length === 0) {
        return news;
    }
    const out = { ...news };
    for (const key of ignoreChanges) {
        if (key in oldInputs) {
            out[key] = oldInputs[key];
        } else {
            delete out[key];
        }
    }
    return out;
}

interface Plan {
    op: Extract<StepOp, "create" | "same" | "update" | "replace">;
    inputs: WireMap;
    diff?: StepDiff;
}

/** One run's engine: plays the deployment, owns the host and the program process. */
class Deployment {
    readonly steps: Step[] = [];
    readonly errors: string[] = [];
    readonly warnings: string[] = [];
    programStdout = "";
    programStderr = "";
    private host: ProviderHost | undefined;
    private hostProcess: Promise<ProviderHost> | undefined;
    private hostReady: Promise<ProviderHost> | undefined;
    private generation: Promise<unknown> = Promise.resolve();
    private readonly oldByUrn: Map<string, StateResource>;
    private readonly registered = new Set<string>();
    /** New state in registration order; `undefined` while a slot's step is running or after it failed with nothing to keep. */
    private readonly slots: (StateResource | undefined)[] = [];
    /** Old resources replaced create-before-delete, deleted after the program. */
    private readonly condemned: StateResource[] = [];
    private readonly preview: boolean;

    constructor(
        private readonly opts: {
            mode: HarnessRun["mode"];
            programDir: string;
            project: string;
            stack: string;
            config: Record<string, string>;
            secretConfig: Record<string, string>;
            env: NodeJS.ProcessEnv;
            oldState: StateFile;
        },
    ) {
        this.preview = opts.mode === "preview";
        const live = opts.oldState.resources.filter((r) => !r.pendingDelete);
        this.oldByUrn = new Map(live.map((r) => [r.urn, r]));
        this.condemned.push(...opts.oldState.resources.filter((r) => r.pendingDelete));
    }

    get hostStdout(): string {
        return this.host?.stdout ?? "";
    }

    get hostStderr(): string {
        return this.host?.stderr ?? "";
    }

    get grpcCalls(): { method: string; urn?: string }[] {
        return this.host?.calls ?? [];
    }

    private get allConfig(): Record<string, string> {
        return { ...this.opts.config, ...this.opts.secretConfig };
    }

    /** Environment variables the engine sets for a dynamic provider: the whole stack config. */
    private configEnv(): NodeJS.ProcessEnv {
        return {
            PULUMI_CONFIG: JSON.stringify(this.allConfig),
            PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(Object.keys(this.opts.secretConfig)),
        };
    }

    /**
     * Spawns the host process ahead of need, to overlap its start-up with the
     * program's. Nothing reaches the provider code until {@link getHost}.
     */
    startHostProcess(): Promise<ProviderHost> {
        if (!this.hostProcess) {
            this.hostProcess = ProviderHost.start(this.opts.programDir, { ...this.opts.env, ...this.configEnv() });
            this.hostProcess.then((h) => (this.host = h)).catch(() => undefined);
        }
        return this.hostProcess;
    }

    /** Loads the provider once, as the engine does for the default `pulumi-nodejs` provider: start, GetPluginInfo, Configure. */
    private getHost(): Promise<ProviderHost> {
        if (!this.hostReady) {
            this.hostReady = (async () => {
                const host = await this.startHostProcess();
                await host.getPluginInfo();
                const args: WireMap = { ...this.opts.config };
                for (const [k, v] of Object.entries(this.opts.secretConfig)) {
                    args[k] = makeSecret(v);
                }
                await host.configure(args);
                return host;
            })();
        }
        return this.hostReady;
    }

    /** Step generation (Check, Diff) is sequential in the engine; step execution is not. */
    private serialize<T>(fn: () => Promise<T>): Promise<T> {
        const result = this.generation.then(fn);
        this.generation = result.catch(() => undefined);
        return result;
    }

    /** Records a failed step the way the CLI reports it: the URN and the host's message. */
    private record(step: Step, e: unknown): string {
        step.error = messageOf(e);
        this.errors.push(`${step.urn}: ${step.error}`);
        return step.error;
    }

    private fail(step: Step, e: unknown): never {
        throw new Error(this.record(step, e));
    }

    async stopHost(): Promise<void> {
        await this.hostReady?.catch(() => undefined);
        await (await this.hostProcess?.catch(() => undefined))?.stop();
        for (const step of this.steps) {
            step.calls = this.grpcCalls.filter((c) => c.urn === step.urn).map((c) => c.method);
        }
    }

    // ---- preview / up -------------------------------------------------------------------------

    async runProgram(timeoutMs: number): Promise<void> {
        if (!findProjectFile(this.opts.programDir)) {
            // The CLI refuses to run without a project file.
            throw new Error(`no Pulumi.yaml project file found in ${this.opts.programDir}`);
        }
        const runnerOptions: RunnerOptions = {
            program: resolveEntryPoint(this.opts.programDir, this.warnings),
            project: this.opts.project,
            stack: this.opts.stack,
            organization: "organization",
            preview: this.preview,
        };
        const child = fork(RUNNER_SCRIPT, [JSON.stringify(runnerOptions)], {
            cwd: this.opts.programDir,
            env: {
                ...this.opts.env,
                ...this.configEnv(),
                ...tsNodeEnv(this.opts.programDir),
                PULUMI_NODEJS_PROJECT: this.opts.project,
                PULUMI_NODEJS_STACK: this.opts.stack,
                PULUMI_NODEJS_ROOT_DIRECTORY: this.opts.programDir,
            },
            execArgv: ["-r", TS_NODE_REGISTER],
            stdio: ["ignore", "pipe", "pipe", "ipc"],
        });
        child.stdout?.on("data", (d: Buffer) => (this.programStdout += d.toString("utf8")));
        child.stderr?.on("data", (d: Buffer) => (this.programStderr += d.toString("utf8")));

        const handlers: Promise<void>[] = [];
        let programErrors: string[] | undefined;
        child.on("message", (m: RunnerMessage) => {
            if (m.kind === "done") {
                programErrors = m.errors;
                return;
            }
            handlers.push(
                this.handle(m).then(
                    (reply) => this.reply(child, reply),
                    (e: unknown) => this.reply(child, { kind: "error", reqId: m.reqId, message: messageOf(e) }),
                ),
            );
        });
        const exitCode = await new Promise<number | null>((resolve) => {
            const timer = setTimeout(() => {
                this.errors.push(`program did not finish within ${timeoutMs} ms`);
                child.kill("SIGKILL");
            }, timeoutMs);
            child.once("close", (code) => {
                clearTimeout(timer);
                resolve(code);
            });
        });
        await Promise.all(handlers);
        for (const e of programErrors ?? []) {
            this.errors.push(`program: ${e}`);
        }
        if (exitCode !== 0 && !programErrors?.length) {
            this.errors.push(`program exited with code ${exitCode}: ${this.programStderr.trim().split("\n").slice(-5).join("\n")}`);
        }
    }

    private reply(child: ChildProcess, reply: HarnessReply): void {
        if (child.connected) {
            // The program may already have exited after a failure: a late reply is dropped, not thrown.
            child.send(reply, () => undefined);
        }
    }

    private handle(m: Exclude<RunnerMessage, { kind: "done" }>): Promise<HarnessReply> {
        switch (m.kind) {
            case "register":
                return this.register(m);
            case "read":
                return this.read(m);
            case "outputs": {
                const entry = this.slots.find((r) => r?.urn === m.urn);
                if (entry) {
                    entry.outputs = m.outputs;
                    entry.secretOutputs = secretKeys(m.outputs);
                }
                return Promise.resolve({ kind: "ok", reqId: m.reqId, urn: m.urn, id: "", object: {} });
            }
        }
    }

    private claim(urn: string): number {
        if (this.registered.has(urn)) {
            throw new Error(`Duplicate resource URN '${urn}'; try giving it a unique name`);
        }
        this.registered.add(urn);
        return this.slots.push(undefined) - 1;
    }

    private async register(m: RegisterMessage): Promise<HarnessReply> {
        const urn = makeUrn(this.opts.project, this.opts.stack, m.type, m.name, m.parent);
        const slot = this.claim(urn);
        const old = this.oldByUrn.get(urn);
        const step: Step = { op: "create", urn, type: m.type, name: m.name, custom: m.custom, id: "", calls: [] };
        this.steps.push(step);
        const base = {
            urn,
            type: m.type,
            name: m.name,
            custom: m.custom,
            ...(m.parent && !m.parent.includes(`::${STACK_TYPE}::`) ? { parent: m.parent } : {}),
            additionalSecretOutputs: m.additionalSecretOutputs,
            dependencies: m.dependencies,
            ...(m.protect ? { protect: true } : {}),
            ...(m.retainOnDelete ? { retainOnDelete: true } : {}),
            ...(m.deleteBeforeReplaceDefined ? { deleteBeforeReplace: m.deleteBeforeReplace } : {}),
        };

        if (!m.custom) {
            // Components and the stack have no provider: the engine compares inputs. Their outputs
            // arrive with RegisterResourceOutputs.
            if (old) {
                step.op = changedKeys(old.inputs, m.object).length > 0 ? "update" : "same";
            }
            const outputs = old?.outputs ?? {};
            this.slots[slot] = { ...base, id: "", inputs: m.object, outputs, secretOutputs: secretKeys(outputs) };
            return { kind: "ok", reqId: m.reqId, urn, id: "", object: {} };
        }

        let oldDeleted = false;
        try {
            if (!isDynamicType(m.type)) {
                throw new Error(`no resource plugin for '${m.type.split(":")[0]}': the harness only runs the dynamic provider`);
            }
            const ref: ResourceRef = { urn, name: m.name, type: m.type };
            const news = applyIgnoreChanges(m.object, old?.inputs, m.ignoreChanges);
            const plan = await this.serialize(() => this.plan(ref, old, news, m));
            step.op = plan.op;
            if (plan.diff) {
                step.diff = plan.diff;
            }

            let id: string;
            let outs: WireMap;
            if (plan.op === "same" && old) {
                id = old.id;
                outs = old.outputs;
            } else if (plan.op === "update" && old) {
                id = old.id;
                outs = this.preview
                    ? plan.inputs
                    : await (await this.getHost()).update(ref, old.id, stripSecretsMap(old.outputs), stripSecretsMap(plan.inputs), stripSecretsMap(old.inputs), m.ignoreChanges, false);
            } else {
                if (plan.op === "replace" && old && !this.preview) {
                    if (plan.diff?.deleteBeforeReplace) {
                        await this.deleteOld(old);
                        oldDeleted = true;
                    } else {
                        this.condemned.push(old);
                    }
                }
                if (this.preview) {
                    // The host does not support preview in Create: the engine answers with the inputs and no id.
                    id = "";
                    outs = plan.inputs;
                } else {
                    const created = await (await this.getHost()).create(ref, stripSecretsMap(plan.inputs), false);
                    if (!created.id) {
                        throw new Error(`plugin for package 'pulumi-nodejs' returned empty resource.ID from create '${urn}'`);
                    }
                    id = created.id;
                    outs = created.properties;
                }
            }
            const outputs = annotateSecrets(outs, plan.inputs, m.additionalSecretOutputs);
            step.id = id;
            this.slots[slot] = { ...base, id, inputs: plan.inputs, outputs, secretOutputs: secretKeys(outputs) };
            return { kind: "ok", reqId: m.reqId, urn, id, object: outputs };
        } catch (e) {
            if (old && !oldDeleted) {
                this.slots[slot] = old;
                const i = this.condemned.indexOf(old);
                if (i >= 0) {
                    this.condemned.splice(i, 1);
                }
            }
            return this.fail(step, e);
        }
    }

    /** Check, then Diff for a resource in state: what the step generator does. */
    private async plan(ref: ResourceRef, old: StateResource | undefined, news: WireMap, m: RegisterMessage): Promise<Plan> {
        const host = await this.getHost();
        const seed = createHash("sha256").update(ref.urn).digest();
        const checked = await host.check(ref, stripSecretsMap(old?.inputs ?? {}), stripSecretsMap(news), seed);
        if (checked.failures.length > 0) {
            throw new Error(
                checked.failures.map((f) => (f.property ? `property ${f.property} has a problem: ${f.reason}` : f.reason)).join("; "),
            );
        }
        // The host does not accept secrets; the engine re-marks what was secret in the inputs it sent.
        const inputs = annotateSecrets(checked.inputs, news, []);
        if (!old) {
            return { op: "create", inputs };
        }
        const d = await host.diff(ref, old.id, stripSecretsMap(old.outputs), stripSecretsMap(inputs), stripSecretsMap(old.inputs), m.ignoreChanges);
        const changed = changedKeys(old.inputs, inputs, m.ignoreChanges);
        // Without a provider diff the engine falls back to comparing inputs, __provider included.
        const changes = d.changes === "unknown" ? (changed.length > 0 ? "some" : "none") : d.changes;
        // replaceOnChanges matches the diff's changed keys; the host never reports any (it sets no
        // detailed diff), so only the engine's own fallback comparison can trigger it.
        const engineChangedKeys = d.changes === "unknown" ? changed : [];
        const replaceKeys = [...new Set([...d.replaces, ...(changes === "some" ? matchReplaceOnChanges(engineChangedKeys, m.replaceOnChanges) : [])])];
        const diff: StepDiff = { providerChanges: d.changes, changedKeys: changed, replaceKeys, deleteBeforeReplace: false };
        if (changes === "none") {
            return { op: "same", inputs, diff };
        }
        if (replaceKeys.length === 0) {
            return { op: "update", inputs, diff };
        }
        if (old.protect) {
            throw new Error(`unable to replace resource "${ref.urn}" as it is currently marked for protection`);
        }
        diff.deleteBeforeReplace = m.deleteBeforeReplaceDefined ? m.deleteBeforeReplace : d.deleteBeforeReplace;
        return { op: "replace", inputs, diff };
    }

    private async deleteOld(old: StateResource): Promise<void> {
        if (old.protect) {
            throw new Error(`unable to delete resource "${old.urn}" as it is currently marked for protection`);
        }
        if (!old.custom || old.external || old.retainOnDelete || !isDynamicType(old.type)) {
            return;
        }
        await (await this.getHost()).delete({ urn: old.urn, name: old.name, type: old.type }, old.id, stripSecretsMap(old.outputs), stripSecretsMap(old.inputs));
    }

    private async read(m: ReadMessage): Promise<HarnessReply> {
        const urn = makeUrn(this.opts.project, this.opts.stack, m.type, m.name, m.parent);
        const slot = this.claim(urn);
        const step: Step = { op: "read", urn, type: m.type, name: m.name, custom: true, id: m.id, calls: [] };
        this.steps.push(step);
        try {
            if (!isDynamicType(m.type)) {
                throw new Error(`no resource plugin for '${m.type.split(":")[0]}': the harness only runs the dynamic provider`);
            }
            if (this.preview && m.id === UNKNOWN) {
                // As the engine: a read of an id not known yet is skipped in preview; its outputs are unknown.
                step.op = "read-skipped";
                return { kind: "ok", reqId: m.reqId, urn, id: UNKNOWN, object: {} };
            }
            const res = await (await this.getHost()).read({ urn, name: m.name, type: m.type }, m.id, stripSecretsMap(m.properties), undefined);
            if (!res.id) {
                throw new Error(`resource '${m.id}' does not exist`);
            }
            const outputs = annotateSecrets(res.properties, m.properties, m.additionalSecretOutputs);
            step.id = res.id;
            this.slots[slot] = {
                urn,
                type: m.type,
                name: m.name,
                custom: true,
                id: res.id,
                external: true,
                inputs: res.inputs ? annotateSecrets(res.inputs, m.properties, []) : m.properties,
                outputs,
                secretOutputs: secretKeys(outputs),
                additionalSecretOutputs: m.additionalSecretOutputs,
                dependencies: m.dependencies,
            };
            return { kind: "ok", reqId: m.reqId, urn, id: res.id, object: outputs };
        } catch (e) {
            return this.fail(step, e);
        }
    }

    /**
     * After the program: delete what it no longer registers and what was
     * replaced create-before-delete, in reverse state order. Skipped when the
     * update failed, as the engine stops at the first error.
     */
    async deleteLeftovers(): Promise<StateResource[]> {
        const kept: StateResource[] = [];
        if (this.errors.length > 0) {
            return this.opts.oldState.resources
                .filter((r) => !this.registered.has(r.urn) || this.condemned.includes(r))
                .map((r) => (this.condemned.includes(r) ? { ...r, pendingDelete: true } : r));
        }
        for (const old of [...this.opts.oldState.resources].reverse()) {
            if (old.type === DEFAULT_PROVIDER_TYPE) continue; // replaced by runHarness with the current config
            const replaced = this.condemned.includes(old);
            if (this.registered.has(old.urn) && !replaced) {
                continue;
            }
            // A replacement's delete belongs to its replace step; a leftover from an earlier failed run gets its own.
            let step = replaced && !old.pendingDelete ? this.steps.find((s) => s.urn === old.urn) : undefined;
            if (!step) {
                step = { op: old.external ? "discard" : "delete", urn: old.urn, type: old.type, name: old.name, custom: old.custom, id: old.id, calls: [] };
                this.steps.push(step);
            }
            if (this.preview) {
                continue;
            }
            try {
                await this.deleteOld(old);
            } catch (e) {
                kept.unshift(replaced ? { ...old, pendingDelete: true } : old);
                this.record(step, e);
            }
        }
        return kept;
    }

    /** The new state's resources after preview/up. */
    newResources(leftovers: StateResource[]): StateResource[] {
        return [...this.slots.filter((r): r is StateResource => r !== undefined), ...leftovers];
    }

    // ---- refresh / destroy ----------------------------------------------------------------------

    async refresh(): Promise<StateResource[]> {
        const out: StateResource[] = [];
        for (const r of this.opts.oldState.resources) {
            if (!r.custom || !isDynamicType(r.type)) {
                out.push(r);
                continue;
            }
            const step: Step = { op: "refresh", urn: r.urn, type: r.type, name: r.name, custom: true, id: r.id, calls: [] };
            this.steps.push(step);
            try {
                const res = await (await this.getHost()).read({ urn: r.urn, name: r.name, type: r.type }, r.id, stripSecretsMap(r.outputs), stripSecretsMap(r.inputs));
                if (!res.id) {
                    step.refresh = "deleted";
                    continue;
                }
                // Secretness survives a refresh: what was secret stays secret, plus additionalSecretOutputs.
                const outputs = annotateSecrets(res.properties, r.outputs, r.additionalSecretOutputs);
                const inputs = res.inputs ? annotateSecrets(res.inputs, r.inputs, []) : r.inputs;
                const changed = changedKeys(r.outputs, outputs);
                step.id = res.id;
                step.refresh = changed.length > 0 ? "update" : "same";
                step.diff = { providerChanges: changed.length > 0 ? "some" : "none", changedKeys: changed, replaceKeys: [], deleteBeforeReplace: false };
                out.push({ ...r, id: res.id, inputs, outputs, secretOutputs: secretKeys(outputs) });
            } catch (e) {
                out.push(r);
                this.record(step, e);
            }
        }
        return out;
    }

    async destroy(): Promise<StateResource[]> {
        const kept: StateResource[] = [];
        for (const r of [...this.opts.oldState.resources].reverse()) {
            if (r.type === DEFAULT_PROVIDER_TYPE) continue; // forgotten with the stack, as the engine does
            const step: Step = { op: r.external ? "discard" : "delete", urn: r.urn, type: r.type, name: r.name, custom: r.custom, id: r.id, calls: [] };
            this.steps.push(step);
            try {
                await this.deleteOld(r);
            } catch (e) {
                kept.unshift(r);
                this.record(step, e);
            }
        }
        return kept;
    }
}

/**
 * Runs one `preview`, `up`, `refresh` or `destroy` of the program in
 * `run.programDir` against the checkpoint in `run.statePath`, driving the real
 * dynamic-provider host as the engine would.
 *
 * - preview/up: the program runs in a child process (cwd = program directory,
 *   ts-node registered as the language host does); each dynamic resource gets
 *   Check, then Diff when it is in state, then (up only) Create, Update, or a
 *   replacement (Create then Delete, or Delete then Create with
 *   deleteBeforeReplace). Resources no longer registered are deleted.
 * - refresh: Read of each dynamic resource with its stored id, outputs and
 *   inputs; an empty id back drops it from state.
 * - destroy: Delete of each resource in reverse order; the state ends empty.
 *
 * Configure is sent once, before the first resource call, with the whole stack
 * config. The checkpoint is written after every mode except preview.
 *
 * @example
 * ```ts
 * const result = await runHarness({ mode: "up", programDir: "examples/quickstart", statePath: "/tmp/state.json", config: { "huaweicloud:region": "cn-north-4" } });
 * console.log(formatResult(result));
 * ```
 */
export async function runHarness(run: HarnessRun): Promise<HarnessResult> {
    const programDir = path.resolve(run.programDir);
    const project = run.project ?? readProjectFile(programDir).name ?? "project";
    const stack = run.stack ?? "dev";
    const passphrase = run.passphrase ?? DEFAULT_PASSPHRASE;
    const oldState = await loadState(run.statePath, project, stack, passphrase);
    const given = { config: namespaced(run.config, project), secretConfig: namespaced(run.secretConfig ?? {}, project) };
    // As the engine: refresh and destroy configure the provider with the config of the last `up`.
    const fromState = (run.mode === "refresh" && !run.runProgram) || run.mode === "destroy" ? storedProviderConfig(oldState.resources) : undefined;
    const deployment = new Deployment({
        mode: run.mode,
        programDir,
        project,
        stack,
        config: fromState?.config ?? given.config,
        secretConfig: fromState?.secretConfig ?? given.secretConfig,
        env: baseEnv(run.env),
        oldState,
    });

    let resources: StateResource[];
    try {
        switch (run.mode) {
            case "preview":
            case "up":
                void deployment.startHostProcess().catch(() => undefined);
                await deployment.runProgram(run.timeoutMs ?? 60_000);
                resources = deployment.newResources(await deployment.deleteLeftovers()).filter((r) => r.type !== DEFAULT_PROVIDER_TYPE);
                resources.push(defaultProviderState(project, stack, given));
                break;
            case "refresh":
                resources = await deployment.refresh();
                break;
            case "destroy":
                resources = (await deployment.destroy()).filter((r) => r.type !== DEFAULT_PROVIDER_TYPE);
                break;
        }
    } catch (e) {
        deployment.errors.push(`harness: ${messageOf(e)}`);
        resources = oldState.resources;
    } finally {
        await deployment.stopHost();
    }

    const newState: StateFile = { ...oldState, resources };
    const stored = run.mode === "preview" ? encryptState(oldState, passphrase) : await saveState(run.statePath, newState, passphrase);

    const stackOutputs = resources.find((r) => r.type === STACK_TYPE)?.outputs ?? {};
    const outputs: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(stackOutputs)) {
        outputs[k] = displayValue(v);
    }
    const findResource = (nameOrUrn: string) => resources.find((r) => r.urn === nameOrUrn || r.name === nameOrUrn);

    return {
        mode: run.mode,
        project,
        stack,
        steps: deployment.steps,
        outputs,
        secretOutputNames: secretKeys(stackOutputs),
        state: stored,
        hostStdout: deployment.hostStdout,
        hostStderr: deployment.hostStderr,
        programStdout: deployment.programStdout,
        programStderr: deployment.programStderr,
        grpcCalls: deployment.grpcCalls,
        errors: deployment.errors,
        warnings: deployment.warnings,
        reveal: {
            output: (name) => (name in stackOutputs ? plainValue(stackOutputs[name]!) : undefined),
            resourceOutput: (nameOrUrn, key) => {
                const r = findResource(nameOrUrn);
                return r && key in r.outputs && key !== PROVIDER_KEY ? plainValue(r.outputs[key]!) : undefined;
            },
        },
    };
}
