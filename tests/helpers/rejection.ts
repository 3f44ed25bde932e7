import * as assert from "node:assert/strict";

/** Awaits `promise`, asserts it rejected with an instance of `kind`, and returns that error. */
export async function rejection<E extends Error>(promise: Promise<unknown>, kind: abstract new (...args: never[]) => E): Promise<E> {
    try {
        await promise;
    } catch (e) {
        assert.ok(e instanceof kind, `expected ${kind.name}, got ${String(e)}`);
        return e;
    }
    assert.fail(`expected ${kind.name}, but the promise resolved`);
}
