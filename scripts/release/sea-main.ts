/**
 * The main script of the plugin's single executable application (scripts/release/plugin-tarball.sh):
 * compiles the plugin's bundle (an asset of the executable) with its V8 code cache (another asset,
 * present on the platform that built it), then runs it as Node would run it as a CommonJS main:
 * `__filename` the executable, `__dirname` its folder (where schema.json is). The cache was made after
 * the plugin's start-up ran (scripts/release/code-cache.ts), so it holds the functions the start-up
 * compiles and what the read path compiles when the engine drives it (Configure, Check, Create,
 * Invoke), not only the top level as SEA's own `useCodeCache` does; a cache V8 rejects (another V8,
 * other flags) is ignored, and the bundle is compiled from its text.
 */
import * as path from "node:path";
import * as sea from "node:sea";
import * as vm from "node:vm";
import { ASSETS, BUNDLE_FILENAME, wrapBundle, type BundleEntry } from "./sea-wrapper";

function cachedData(): Buffer | undefined {
    try {
        return Buffer.from(sea.getRawAsset(ASSETS.cache));
    } catch {
        return undefined; // built for another platform: no cache
    }
}

const script = new vm.Script(wrapBundle(sea.getAsset(ASSETS.bundle, "utf8")), { filename: BUNDLE_FILENAME, cachedData: cachedData() });
const entry: BundleEntry = script.runInThisContext();
const mod = { exports: {} };
entry(mod.exports, require, mod, process.execPath, path.dirname(process.execPath));
