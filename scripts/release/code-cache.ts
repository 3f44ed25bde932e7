/**
 * `node --random-seed=1 <plugin's V8 flags> code-cache.js <bundle> <out>` (bundled by esbuild, run by
 * the Node binary whose V8 the plugin ships with): runs the plugin from the bundle, compiled exactly
 * as scripts/release/sea-main.ts compiles it, and once the plugin has printed its port and its watch
 * of the engine has been answered, drives it through the read path as the engine would
 * (scripts/release/code-cache-training.ts), then writes the V8 code cache of everything compiled so
 * far (start-up, Configure, Check, Create, Invoke: methods, runtime, vendors, codecs, http) to
 * <out>, and exits. Steps in a fixed order (the port line caught as the plugin writes it, no
 * polling) and the fixed random seed (not in V8's flag hash: the plugin's V8 accepts the cache) keep
 * the cache's bytes the same from run to run, as far as V8 allows.
 *
 * `node <plugin's V8 flags> code-cache.js --check <bundle> <cache>`: exits 1 when V8 rejects the
 * cache for the bundle (another V8, or a flag in V8's flag hash that differs), as sea-main.ts would
 * silently do; the build checks it with the plugin's own flags.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import { fakeEngine, trainReadPath } from "./code-cache-training";
import { BUNDLE_FILENAME, wrapBundle, type BundleEntry } from "./sea-wrapper";

const fail = (e: unknown): never => {
    process.stderr.write(`code-cache: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
};

/** The port the plugin prints on stdout, caught as it is written (other output passes through). */
function portLine(): Promise<string> {
    const write = process.stdout.write.bind(process.stdout);
    return new Promise((resolve) => {
        process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]): boolean => {
            const port = /^(\d+)\n$/.exec(String(chunk))?.[1];
            if (!port) return write(chunk, ...rest);
            process.stdout.write = write;
            resolve(port);
            return true;
        }) as typeof process.stdout.write;
    });
}

/** Whether the plugin's V8 (this process's) accepts `cache` for `bundle`. */
function accepted(bundle: string, cache: string): boolean {
    const script = new vm.Script(wrapBundle(fs.readFileSync(bundle, "utf8")), { filename: BUNDLE_FILENAME, cachedData: fs.readFileSync(cache) });
    return !script.cachedDataRejected;
}

async function main(): Promise<void> {
    if (process.argv[2] === "--check") {
        const [bundle, cache] = process.argv.slice(3);
        if (!bundle || !cache) throw new Error("usage: code-cache.js --check <bundle> <cache>");
        if (!accepted(bundle, cache)) fail(`V8 ${process.versions.v8} with flags [${process.execArgv.join(" ")}] rejects the code cache ${cache}`);
        return;
    }
    const [bundle, out] = process.argv.slice(2);
    if (!bundle || !out) throw new Error("usage: code-cache.js <bundle> <out>");
    const timeout = setTimeout(() => fail("the plugin was not ready within 60 s"), 60_000);
    const engine = await fakeEngine();
    process.argv.splice(2, 2, engine.address);
    const port = portLine();
    const script = new vm.Script(wrapBundle(fs.readFileSync(bundle, "utf8")), { filename: BUNDLE_FILENAME });
    const entry: BundleEntry = script.runInThisContext();
    const mod = { exports: {} };
    entry(mod.exports, require, mod, bundle, path.dirname(bundle));
    const [p] = await Promise.all([port, engine.checked]);
    clearTimeout(timeout);
    await trainReadPath(p);
    fs.writeFileSync(out, script.createCachedData());
    process.exit(0);
}

main().catch(fail);
