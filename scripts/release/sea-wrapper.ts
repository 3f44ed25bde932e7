/**
 * The one way the plugin's bundle is compiled in its single executable application and when its
 * code cache is made (scripts/release/code-cache.ts): V8 accepts a code cache only for the very
 * same source, so both wrap the bundle with this function, as Node's CommonJS loader would.
 *
 * @example
 * ```ts
 * const script = new vm.Script(wrapBundle(source), { filename: BUNDLE_FILENAME });
 * ```
 */
export function wrapBundle(source: string): string {
    return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}

/** The name the bundle's code is compiled under (its stack frames say `main.js`). */
export const BUNDLE_FILENAME = "main.js";

/** The SEA asset names: the bundle's text, and its code cache (on the platform that built it). */
export const ASSETS = { bundle: "main.js", cache: "main.cache" } as const;

/** The bundle's CommonJS entry: what `runInThisContext` of the wrapped source returns. */
export type BundleEntry = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;
