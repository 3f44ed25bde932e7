/**
 * Helpers for property values in their gRPC wire form (`google.protobuf.Struct`
 * as plain JS), the form the engine, the program and the provider host exchange.
 *
 * @module
 */
import { isDeepStrictEqual } from "node:util";

/** Key that marks a special value (secret, asset, resource reference) in wire form. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
/** Signature of a secret value: `{[SIG_KEY]: SECRET_SIG, value: ...}`. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** The distinguished string the engine and SDK use for an unknown value. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** The input key that carries the serialized dynamic provider. */
export const PROVIDER_KEY = "__provider";

/** A JSON-compatible value as it appears inside a `Struct`. */
export type WireValue = null | boolean | number | string | WireValue[] | { [key: string]: WireValue };
/** A property map in wire form. */
export type WireMap = Record<string, WireValue>;

/** A secret value in wire form. */
export interface WireSecret {
    [SIG_KEY]: typeof SECRET_SIG;
    value: WireValue;
}

function isRecord(v: unknown): v is Record<string, WireValue> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** True when `v` is a secret envelope in wire form. */
export function isSecret(v: unknown): v is WireSecret {
    return isRecord(v) && v[SIG_KEY] === SECRET_SIG;
}

/** Wraps `v` as a secret (idempotent). */
export function makeSecret(v: WireValue): WireValue {
    return isSecret(v) ? v : { [SIG_KEY]: SECRET_SIG, value: v };
}

/** True when `v` is, or contains, a secret envelope. */
export function containsSecrets(v: unknown): boolean {
    if (isSecret(v)) {
        return true;
    }
    if (Array.isArray(v)) {
        return v.some(containsSecrets);
    }
    if (isRecord(v)) {
        return Object.values(v).some(containsSecrets);
    }
    return false;
}

/** True when `v` is, or contains, the unknown sentinel. */
export function containsUnknowns(v: unknown): boolean {
    if (v === UNKNOWN) {
        return true;
    }
    if (Array.isArray(v)) {
        return v.some(containsUnknowns);
    }
    if (isRecord(v)) {
        return Object.values(v).some(containsUnknowns);
    }
    return false;
}

/**
 * Removes every secret envelope, keeping the inner values. The engine does this
 * before sending properties to a provider that answered Configure with
 * `acceptSecrets: false`, as the dynamic-provider host does.
 */
export function stripSecrets(v: WireValue): WireValue {
    if (isSecret(v)) {
        return stripSecrets(v.value);
    }
    if (Array.isArray(v)) {
        return v.map(stripSecrets);
    }
    if (isRecord(v)) {
        const out: WireMap = {};
        for (const [k, inner] of Object.entries(v)) {
            out[k] = stripSecrets(inner);
        }
        return out;
    }
    return v;
}

/** {@link stripSecrets} for a whole property map. */
export function stripSecretsMap(m: WireMap): WireMap {
    return stripSecrets(m) as WireMap;
}

/** A plain object: not a secret, asset, archive or other `SIG_KEY`-tagged value. */
function isPlainObject(v: unknown): v is WireMap {
    return isRecord(v) && !(SIG_KEY in v);
}

/**
 * The engine's `annotateSecrets` (provider_plugin.go), for providers that do
 * not accept secrets: an output whose same-named input contains a secret
 * becomes secret, recursing where both sides are plain objects.
 */
function annotateFromInputs(outputs: WireMap, inputs: WireMap): WireMap {
    const out: WireMap = { ...outputs };
    for (const [k, inValue] of Object.entries(inputs)) {
        if (!(k in out)) {
            continue;
        }
        const outValue = out[k]!;
        if (isPlainObject(outValue) && isPlainObject(inValue)) {
            out[k] = annotateFromInputs(outValue, inValue);
        } else if (!isSecret(outValue) && containsSecrets(inValue)) {
            out[k] = makeSecret(outValue);
        }
    }
    return out;
}

/**
 * Marks outputs secret as the engine does after a provider call: by the
 * same-named inputs (see {@link annotateFromInputs}), then each key listed in
 * the registration's `additionalSecretOutputs`.
 */
export function annotateSecrets(outputs: WireMap, inputs: WireMap | undefined, additionalSecretOutputs: readonly string[]): WireMap {
    const out = annotateFromInputs(outputs, inputs ?? {});
    for (const k of additionalSecretOutputs) {
        if (k in out && out[k] !== UNKNOWN) {
            out[k] = makeSecret(out[k]);
        }
    }
    return out;
}

/** Top-level keys whose values are secret (or contain secrets). */
export function secretKeys(m: WireMap): string[] {
    return Object.keys(m).filter((k) => containsSecrets(m[k]));
}

/**
 * Top-level keys whose values differ between `olds` and `news`, comparing
 * plain values (secretness alone is not a change), like the engine's legacy diff.
 */
export function changedKeys(olds: WireMap, news: WireMap, ignore: readonly string[] = []): string[] {
    const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
    const changed: string[] = [];
    for (const k of keys) {
        if (ignore.includes(k)) {
            continue;
        }
        const a = k in olds ? stripSecrets(olds[k]) : undefined;
        const b = k in news ? stripSecrets(news[k]) : undefined;
        if (!isDeepStrictEqual(a, b)) {
            changed.push(k);
        }
    }
    return changed.sort();
}

/** Marker a display value uses for a secret, as the Pulumi CLI prints it. */
export const SECRET_DISPLAY = "[secret]";
/** Marker a display value uses for an unknown value (the CLI prints `output<string>`). */
export const UNKNOWN_DISPLAY = "[unknown]";

/**
 * Converts a wire value to a value safe to show: secrets become `"[secret]"`,
 * unknowns `"[unknown]"`, other special values (assets, archives) stay as they are.
 */
export function displayValue(v: WireValue): unknown {
    if (isSecret(v)) {
        return SECRET_DISPLAY;
    }
    if (v === UNKNOWN) {
        return UNKNOWN_DISPLAY;
    }
    if (Array.isArray(v)) {
        return v.map(displayValue);
    }
    if (isRecord(v)) {
        const out: Record<string, unknown> = {};
        for (const [k, inner] of Object.entries(v)) {
            out[k] = displayValue(inner);
        }
        return out;
    }
    return v;
}

/** Converts a wire value to a plain JS value: secrets unwrapped, unknowns as `undefined`. */
export function plainValue(v: WireValue): unknown {
    if (isSecret(v)) {
        return plainValue(v.value);
    }
    if (v === UNKNOWN) {
        return undefined;
    }
    if (Array.isArray(v)) {
        return v.map(plainValue);
    }
    if (isRecord(v)) {
        const out: Record<string, unknown> = {};
        for (const [k, inner] of Object.entries(v)) {
            out[k] = plainValue(inner);
        }
        return out;
    }
    return v;
}
