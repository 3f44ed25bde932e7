/**
 * `node code-cache.js <bundle> <out> <port file> > <port file>` (bundled by esbuild, run by the Node binary
 * whose V8 the plugin ships with, with the plugin's V8 flags): runs the plugin from the bundle,
 * compiled exactly as scripts/release/sea-main.ts compiles it, and once the plugin has printed its
 * port (to stdout, redirected to <port file>) drives it through the read path as the engine would
 * (scripts/release/code-cache-training.ts), then writes the V8 code cache of everything compiled so
 * far (start-up, Configure, Check, Create, Invoke: methods, runtime, vendors, codecs, http) to <out>,
 * and exits. The plugin is given an engine address where nothing listens.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import { trainReadPath } from "./code-cache-training";
import { BUNDLE_FILENAME, wrapBundle, type BundleEntry } from "./sea-wrapper";

const [bundle, out, portFile] = process.argv.slice(2);
if (!bundle || !out || !portFile) throw new Error("usage: code-cache.js <bundle> <out> <port file> > <port file>");
process.argv.splice(2, 3, "127.0.0.1:1");
const started = Date.now();
const script = new vm.Script(wrapBundle(fs.readFileSync(bundle, "utf8")), { filename: BUNDLE_FILENAME });
const fail = (e: unknown): never => {
    process.stderr.write(`code-cache: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
};
const waitForPort = (): void => {
    const port = /^(\d+)\n/.exec(fs.readFileSync(portFile, "utf8"))?.[1];
    if (!port && Date.now() - started > 60_000) fail("the plugin printed no port within 60 s");
    if (!port) return void setTimeout(waitForPort, 20);
    trainReadPath(port).then(() => {
        fs.writeFileSync(out, script.createCachedData());
        process.exit(0);
    }, fail);
};
const entry: BundleEntry = script.runInThisContext();
const mod = { exports: {} };
entry(mod.exports, require, mod, bundle, path.dirname(bundle));
setTimeout(waitForPort, 20);
