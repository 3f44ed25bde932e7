import type { ArgSpecs, FieldSpecs, ReadDescription } from "../../provider/operations/describe";
import type { ReadNames } from "./names";

/** A read as the generator sees it: its names and its description. */
export interface Read {
    readonly names: ReadNames;
    readonly d: ReadDescription<ArgSpecs, FieldSpecs, never>;
}

/** The import line of the vendor's namespace in examples. */
export function importLine(r: Read): string {
    return `import { ${r.d.vendor} } from "pulumi-cloudreads";`;
}

/** The required arguments of the example read (with the one of each `oneOf` group it gives): what a user must write. */
export function requiredExample(r: Read): Record<string, string> {
    const alternatives = new Set((r.d.oneOf ?? []).flat());
    // A look-up's example shows its filters too; scope ids come from settings.
    const shown = (k: string): boolean => r.d.args[k]?.required || alternatives.has(k) || (!hasResource(r) && k !== "projectId" && k !== "accountId");
    return Object.fromEntries(Object.entries(r.d.examples.args).filter(([k]) => shown(k)));
}

/** The variable that examples assign the read to: the resource's camel-case name, or the example name's for a look-up (`meterProducts`). */
export function exampleVar(r: Read): string {
    return hasResource(r) ? r.names.camel : r.d.docs.example.name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Whether the read is a resource too, or only functions (the look-ups by name). */
export function hasResource(r: Read): boolean {
    return r.d.resource !== false;
}

/** The module path of a type parameter's hand-written types, relative to the read's SDK folder. */
export function typeParamModule(r: Read): string {
    const from = r.d.sdkTypeParam?.imports.from ?? "";
    return from.startsWith("sdk/nodejs/") ? `${r.names.toSdk}/${from.slice("sdk/nodejs/".length)}` : `${r.names.toRoot}/${from}`;
}

/** The type parameter list of a declaration, e.g. `<P extends pulumi.Input<string | number> = …>`, or "". */
export function typeParams(r: Read, flavor: "plain" | "input", withDefault: boolean): string {
    const p = r.d.sdkTypeParam;
    if (!p) return "";
    const c = flavor === "plain" ? p.plain : p.input;
    return `<${p.name} extends ${c}${withDefault ? ` = ${c}` : ""}>`;
}

/** The type argument list, e.g. `<P>`, or "". */
export function typeArgs(r: Read): string {
    return r.d.sdkTypeParam ? `<${r.d.sdkTypeParam.name}>` : "";
}

/** The `@typeParam` line, if any. */
export function typeParamDoc(r: Read): string[] {
    const p = r.d.sdkTypeParam;
    return p ? ["", `@typeParam ${p.name} - ${p.doc}`] : [];
}

/** Sentence about the secret fields, or "". */
export function secretSentence(r: Read): string {
    const secrets = Object.entries(r.d.fields).filter(([, f]) => f.secret).map(([n]) => `\`${n}\``);
    if (secrets.length === 0) return "";
    return `${secrets.join(", ")} ${secrets.length === 1 ? "is" : "are"} stored and shown as a secret.`;
}

/** The example line that exports the example output, marked `// [secret]` when it is one. */
export function exportLine(r: Read, from: string, wholeResultSecret: boolean): string {
    const out = r.d.docs.example.output;
    const secret = r.d.fields[out]?.secret || (wholeResultSecret && Object.values(r.d.fields).some((f) => f.secret));
    return `export const ${out} = ${from}.${out};${secret ? " // [secret]" : ""}`;
}
