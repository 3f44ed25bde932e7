/**
 * `node code-cache.js <bundle> <out> <port file> > <port file>` (bundled by esbuild, run by the Node binary
 * whose V8 the plugin ships with, with the plugin's V8 flags): runs the plugin's start-up from the
 * bundle, compiled exactly as scripts/release/sea-main.ts compiles it, and once the plugin has
 * printed its port (to stdout, redirected to <port file>) writes the V8 code cache of everything compiled so far to
 * <out>, then exits. The plugin is given an engine address where nothing listens.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import { BUNDLE_FILENAME, wrapBundle, type BundleEntry } from "./sea-wrapper";

const [bundle, out, portFile] = process.argv.slice(2);
if (!bundle || !out || !portFile) throw new Error("usage: code-cache.js <bundle> <out> <port file> > <port file>");
process.argv.splice(2, 3, "127.0.0.1:1");
const started = Date.now();
const script = new vm.Script(wrapBundle(fs.readFileSync(bundle, "utf8")), { filename: BUNDLE_FILENAME });
const waitForPort = (): void => {
    const printed = /^\d+\n/.test(fs.readFileSync(portFile, "utf8"));
    if (!printed && Date.now() - started > 60_000) throw new Error("code-cache: the plugin printed no port within 60 s");
    if (!printed) return void setTimeout(waitForPort, 20);
    fs.writeFileSync(out, script.createCachedData());
    process.exit(0);
};
const entry: BundleEntry = script.runInThisContext();
const mod = { exports: {} };
entry(mod.exports, require, mod, bundle, path.dirname(bundle));
setTimeout(waitForPort, 20);
