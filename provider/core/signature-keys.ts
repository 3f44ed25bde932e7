/**
 * Pulumi's serializer takes any object holding the key `4dabf18193072939515e22adb298388d` for an
 * asset, an archive, a secret or a resource reference (the key's value says which). A vendor
 * object that reached a result with that key could make the deploy machine fetch a URL, hash a
 * local file, walk a folder as an archive, or forge a secret or a resource reference. Responses
 * holding the key anywhere are refused (execute.ts), so no result can carry it.
 */

/** The key, as @pulumi/pulumi's runtime/rpc.ts `specialSigKey` names it. */
export const PULUMI_SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";

function step(path: string, key: string | number): string {
    if (typeof key === "number") return `${path}[${key}]`;
    const name = /^[A-Za-z_$][\w$]{0,63}$/.test(key) ? key : `[${JSON.stringify(key.slice(0, 64))}]`;
    return name.startsWith("[") ? `${path}${name}` : path ? `${path}.${name}` : name;
}

/**
 * Where in `value` (parsed JSON) the first object holding {@link PULUMI_SIGNATURE_KEY} is, as
 * `a.b[0].c` (`(body)` for the top level), or undefined when there is none. One pass over the
 * value without recursion; paths are built only once the key has been found.
 *
 * @example
 * signatureKeyPath({ trustStateDetails: [{ additionalDetails: { "4dabf18193072939515e22adb298388d": "x" } }] })
 * // => "trustStateDetails[0].additionalDetails"
 */
export function signatureKeyPath(value: unknown): string | undefined {
    return holdsKey(value) ? walk(value) : undefined;
}

/** Whether any object in `value` holds the key (no paths: the common case costs one plain walk). */
function holdsKey(value: unknown): boolean {
    const pending: unknown[] = [value];
    while (pending.length > 0) {
        const v = pending.pop();
        if (typeof v !== "object" || v === null) continue;
        if (Array.isArray(v)) {
            for (const item of v) pending.push(item);
            continue;
        }
        if (Object.hasOwn(v, PULUMI_SIGNATURE_KEY)) return true;
        for (const item of Object.values(v)) pending.push(item);
    }
    return false;
}

function walk(value: unknown): string | undefined {
    const pending: [unknown, string][] = [[value, ""]];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        const [v, path] = next;
        if (typeof v !== "object" || v === null) continue;
        if (Array.isArray(v)) {
            v.forEach((item, i) => pending.push([item, step(path, i)]));
            continue;
        }
        if (Object.hasOwn(v, PULUMI_SIGNATURE_KEY)) return path || "(body)";
        for (const [k, item] of Object.entries(v)) pending.push([item, step(path, k)]);
    }
    return undefined;
}
