/**
 * Stack config keys that look like a misspelling of one this package reads (`huaweicloud:regoin`
 * for `huaweicloud:region`). Pulumi passes every key on without a word, so a misspelt one would be
 * ignored silently. A namespace may be shared with another provider (pulumi-huaweicloud reads
 * `huaweicloud:` too): keys it defines, and keys closer to one of its keys than to ours, are its own.
 */

/** One namespace: the keys this package reads there, and the keys other providers define there. */
export interface KeyNamespace {
    readonly namespace: string;
    readonly ours: readonly string[];
    readonly others: readonly string[];
}

/** A key that is no setting of ours but nearly one, and the key it nearly is. */
export interface NearMiss {
    readonly key: string;
    readonly meant: string;
}

/** Edit distance with transpositions (optimal string alignment), case-insensitive; stops counting past `max`. */
export function editDistance(a: string, b: string, max: number): number {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    if (Math.abs(x.length - y.length) > max) return max + 1;
    let prev2: number[] = [];
    let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
    for (let i = 1; i <= x.length; i++) {
        const row = [i];
        for (let j = 1; j <= y.length; j++) {
            const cost = x[i - 1] === y[j - 1] ? 0 : 1;
            let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
            if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
            row.push(d);
        }
        prev2 = prev;
        prev = row;
    }
    return prev[y.length]!;
}

/** How far a key may be from one of ours to count as a misspelling of it: 1 for short keys, 2 from 6 characters. */
const allowance = (key: string): number => (key.length >= 6 ? 2 : 1);

/** The nearest of `keys` to `leaf`, and its distance (past `max`: none). */
function nearest(leaf: string, keys: readonly string[], max: number): { key: string; distance: number } | undefined {
    let best: { key: string; distance: number } | undefined;
    for (const key of keys) {
        const distance = editDistance(leaf, key, max);
        if (distance <= max && (!best || distance < best.distance)) best = { key, distance };
    }
    return best;
}

/** The keys of `config` that nearly name a setting of ours in one of `namespaces`. */
export function nearMisses(configKeys: Iterable<string>, namespaces: readonly KeyNamespace[]): NearMiss[] {
    const found: NearMiss[] = [];
    for (const full of configKeys) {
        const at = full.indexOf(":");
        const ns = namespaces.find((n) => n.namespace === full.slice(0, at));
        if (!ns) continue;
        const leaf = full.slice(at + 1);
        if (ns.ours.includes(leaf) || ns.others.includes(leaf)) continue;
        const max = allowance(leaf);
        const ours = nearest(leaf, ns.ours, max);
        if (!ours) continue;
        const theirs = nearest(leaf, ns.others, max);
        if (theirs && theirs.distance < ours.distance) continue;
        found.push({ key: full, meant: `${ns.namespace}:${ours.key}` });
    }
    return found;
}
