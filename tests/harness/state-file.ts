/**
 * The harness's checkpoint: a JSON file that plays the part of the Pulumi
 * stack state between runs. Secret values are stored the way an engine with a
 * passphrase secrets provider stores them: `{"4dabf…": "1b47…", "ciphertext": "v1:…"}`
 * (AES-256-GCM, key derived with scrypt from the passphrase and a per-file salt).
 *
 * @module
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { SECRET_SIG, SIG_KEY, isSecret, type WireMap, type WireValue } from "./property-values";

/** One resource in the checkpoint. */
export interface StateResource {
    /** The resource's URN: `urn:pulumi:{stack}::{project}::{qualified type}::{name}`. */
    urn: string;
    /** Type token, e.g. `pulumi-nodejs:dynamic/toy:Item`. */
    type: string;
    /** Logical name. */
    name: string;
    /** True for custom (provider-managed) resources, false for components and the stack. */
    custom: boolean;
    /** Provider-assigned id; `""` for components. */
    id: string;
    /** Parent URN, when the parent is not the stack. */
    parent?: string;
    /** Checked inputs, including `__provider`. */
    inputs: WireMap;
    /** Outputs, including `__provider`. */
    outputs: WireMap;
    /** Output keys stored as secrets. */
    secretOutputs: string[];
    /** The registration's `additionalSecretOutputs`, kept so refresh keeps them secret. */
    additionalSecretOutputs: string[];
    /** URNs this resource depends on. */
    dependencies: string[];
    /** Set for resources read with `get`/`opts.id`: never deleted, only forgotten. */
    external?: boolean;
    /**
     * An old copy replaced create-before-delete whose Delete did not run because
     * the update failed; deleted by the next `up` (the engine's `delete: true`).
     */
    pendingDelete?: boolean;
    /** Resource options the engine keeps in state. */
    protect?: boolean;
    retainOnDelete?: boolean;
    deleteBeforeReplace?: boolean;
}

/** The checkpoint file. Resources are in registration order. */
export interface StateFile {
    version: 1;
    project: string;
    stack: string;
    /** Passphrase secrets provider state: the scrypt salt and a check value. */
    secretsProvider: { type: "passphrase"; salt: string; check: string };
    resources: StateResource[];
}

/** The stack resource's type token. */
export const STACK_TYPE = "pulumi:pulumi:Stack";

const keyCache = new Map<string, Buffer>();

function deriveKey(passphrase: string, salt: string): Buffer {
    const cacheKey = `${salt}\0${passphrase}`;
    let key = keyCache.get(cacheKey);
    if (!key) {
        key = scryptSync(passphrase, Buffer.from(salt.replace(/^v1:/, ""), "base64"), 32);
        keyCache.set(cacheKey, key);
    }
    return key;
}

function encrypt(key: Buffer, plaintext: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, nonce);
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
    return `v1:${nonce.toString("base64")}:${body.toString("base64")}`;
}

function decrypt(key: Buffer, ciphertext: string): string {
    const [version, nonce, body] = ciphertext.split(":");
    if (version !== "v1" || !nonce || !body) {
        throw new Error("state file: malformed ciphertext");
    }
    const raw = Buffer.from(body, "base64");
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonce, "base64"));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(0, raw.length - 16)), decipher.final()]).toString("utf8");
}

function mapValues(v: WireValue, f: (secret: Record<string, WireValue>) => WireValue): WireValue {
    if (typeof v !== "object" || v === null) {
        return v;
    }
    if (Array.isArray(v)) {
        return v.map((x) => mapValues(x, f));
    }
    if (v[SIG_KEY] === SECRET_SIG) {
        return f(v);
    }
    const out: WireMap = {};
    for (const [k, inner] of Object.entries(v)) {
        out[k] = mapValues(inner, f);
    }
    return out;
}

function transformResources(state: StateFile, f: (secret: Record<string, WireValue>) => WireValue): StateFile {
    return {
        ...state,
        resources: state.resources.map((r) => ({
            ...r,
            inputs: mapValues(r.inputs, f) as WireMap,
            outputs: mapValues(r.outputs, f) as WireMap,
        })),
    };
}

/** A new, empty checkpoint with a fresh salt. */
export function emptyState(project: string, stack: string, passphrase: string): StateFile {
    const salt = `v1:${randomBytes(8).toString("base64")}`;
    return {
        version: 1,
        project,
        stack,
        secretsProvider: { type: "passphrase", salt, check: encrypt(deriveKey(passphrase, salt), "pulumi") },
        resources: [],
    };
}

/**
 * Converts the in-memory checkpoint (secrets as `{sig, value}`) into its stored
 * form (secrets as `{sig, ciphertext}`).
 */
export function encryptState(state: StateFile, passphrase: string): StateFile {
    const key = deriveKey(passphrase, state.secretsProvider.salt);
    return transformResources(state, (s) =>
        isSecret(s) ? { [SIG_KEY]: SECRET_SIG, ciphertext: encrypt(key, JSON.stringify(s.value)) } : s,
    );
}

/** Inverse of {@link encryptState}; throws when the passphrase is wrong. */
export function decryptState(stored: StateFile, passphrase: string): StateFile {
    const key = deriveKey(passphrase, stored.secretsProvider.salt);
    try {
        decrypt(key, stored.secretsProvider.check);
    } catch {
        throw new Error("state file: incorrect passphrase");
    }
    return transformResources(stored, (s) =>
        typeof s.ciphertext === "string"
            ? { [SIG_KEY]: SECRET_SIG, value: JSON.parse(decrypt(key, s.ciphertext)) as WireValue }
            : s,
    );
}

/**
 * Reads the checkpoint at `statePath` and decrypts its secrets; a missing file
 * is an empty stack.
 */
export async function loadState(statePath: string, project: string, stack: string, passphrase: string): Promise<StateFile> {
    let text: string;
    try {
        text = await fs.readFile(statePath, "utf8");
    } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") {
            return emptyState(project, stack, passphrase);
        }
        throw e;
    }
    return decryptState(JSON.parse(text) as StateFile, passphrase);
}

/** Encrypts the secrets of `state` and writes it to `statePath`; returns the stored form. */
export async function saveState(statePath: string, state: StateFile, passphrase: string): Promise<StateFile> {
    const stored = encryptState(state, passphrase);
    await fs.mkdir(path.dirname(statePath), { recursive: true });
    await fs.writeFile(statePath, `${JSON.stringify(stored, null, 2)}\n`, "utf8");
    return stored;
}
