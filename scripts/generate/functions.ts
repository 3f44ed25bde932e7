import { capitalized, example, generatedHeader, literal, tsdoc } from "./tsdoc";
import { exampleVar, exportLine, importLine, type Read, requiredExample, typeArgs, typeParamDoc, typeParamModule, typeParams } from "./model";

/** `sdk/<vendor>/<service>/get<Name>.ts`: `getX`, `getXOutput` and their Args and Result interfaces. */
export function renderFunctions(r: Read): string {
    const { names: n, d } = r;
    const qualified = (x: string): string => `${n.module}.${x}`;
    const secret = Object.values(d.fields).some((f) => f.secret);
    const secretNames = Object.entries(d.fields).filter(([, f]) => f.secret).map(([x]) => `\`${x}\``);
    const imports = [
        `import * as pulumi from "@pulumi/pulumi";`,
        `import { ${n.descriptionExport} } from "${n.toRoot}/provider/operations/${n.descriptionFile}";`,
        `import { invokeRead, invokeReadOutput } from "${n.toSdk}/internal/program";`,
    ];
    if (d.publicTypes?.length) imports.push(`import type { ${d.publicTypes.join(", ")} } from "${n.toRoot}/provider/operations/${n.descriptionFile}";`);
    if (d.sdkTypeParam) imports.push(`import type { ${d.sdkTypeParam.imports.names.join(", ")} } from "${typeParamModule(r)}";`);
    for (const i of d.sdkImports ?? []) imports.push(`import type { ${i.names.join(", ")} } from "${i.from}";`);
    const reexports = d.publicTypes?.length ? [`export type { ${d.publicTypes.join(", ")} } from "${n.toRoot}/provider/operations/${n.descriptionFile}";`] : [];
    const argLines = (flavor: "plain" | "input"): string[] =>
        Object.entries(d.args).flatMap(([name, a]) => [
            tsdoc([a.doc], "    "),
            `    readonly ${name}${a.required ? "" : "?"}: ${flavor === "plain" ? a.sdk.plain : a.sdk.input ?? `pulumi.Input<${a.sdk.plain}>`};`,
        ]);
    const resultLines = Object.entries(d.fields).flatMap(([name, f]) => [tsdoc([f.secret ? `${f.doc} Secret: \`${n.fn}Output\` keeps it so.` : f.doc], "    "), `    readonly ${name}${f.optional ? "?" : ""}: ${f.sdkType};`]);
    const ex = literal(requiredExample(r));

    return [
        generatedHeader(`provider/operations/${n.descriptionFile}.ts`),
        ...imports,
        ...reexports,
        "",
        tsdoc([`Arguments of {@link ${n.fn}}.`, "", ...example("@example", [importLine(r), "", `const args: ${qualified(`Get${n.name}Args`)} = ${ex};`])]),
        `export interface Get${n.name}Args${typeParams(r, "plain", true)} {`,
        ...argLines("plain"),
        "}",
        "",
        tsdoc([
            `Arguments of {@link ${n.fn}Output}: as {@link Get${n.name}Args}, each an Input.`,
            "",
            ...example("@example", [`import * as pulumi from "@pulumi/pulumi";`, importLine(r), "", `const args: ${qualified(`Get${n.name}OutputArgs`)} = ${literal(requiredExample(r)).replace(/: ("[^"]*")/, ": pulumi.output($1)")};`]),
        ]),
        `export interface Get${n.name}OutputArgs${typeParams(r, "input", true)} {`,
        ...argLines("input"),
        "}",
        "",
        tsdoc([`The result of {@link ${n.fn}} and {@link ${n.fn}Output}: ${d.docs.summary}.`, "", ...example("@example", [importLine(r), "", `const r: ${qualified(`Get${n.name}Result`)} = await ${qualified(n.fn)}(${ex});`])]),
        `export interface Get${n.name}Result {`,
        ...resultLines,
        "}",
        "",
        tsdoc([
            `Reads ${d.docs.summary}, in the program process (${d.serviceName} \`${d.api.operation}\`, \`GET ${d.api.path}\`).`,
            secret ? `Returns **plain** values: ${secretNames.join(", ")} ${secretNames.length === 1 ? "is" : "are"} not marked secret, so prefer {@link ${n.fn}Output} unless you handle ${secretNames.length === 1 ? "it" : "them"} yourself.` : `Returns plain values; {@link ${n.fn}Output} returns an Output.`,
            "",
            ...example("## Example Usage", [importLine(r), "", `const { ${d.docs.example.output} } = await ${qualified(n.fn)}(${ex});`]),
            ...typeParamDoc(r),
        ]),
        `export function ${n.fn}${typeParams(r, "plain", false)}(args: Get${n.name}Args${typeArgs(r)}, opts?: pulumi.InvokeOptions): Promise<Get${n.name}Result> {`,
        `    return invokeRead<Get${n.name}Result>(${n.descriptionExport}, args, opts);`,
        "}",
        "",
        tsdoc([
            `Reads ${d.docs.summary}, as an Output whose value is known during \`pulumi preview\`.`,
            secret
                ? `The result is a secret Output, so ${secretNames.join(", ")} (and every field taken from it) stay${secretNames.length === 1 ? "s" : ""} secret; use \`pulumi.unsecret\` on a field that need not be.`
                : "Waits for its Input arguments and for `dependsOn` before it reads.",
            "",
            ...example("## Example Usage", [importLine(r), "", `const ${exampleVar(r)} = ${qualified(`${n.fn}Output`)}(${ex});`, exportLine(r, exampleVar(r), true)]),
            ...typeParamDoc(r),
        ]),
        `export function ${n.fn}Output${typeParams(r, "input", false)}(args: Get${n.name}OutputArgs${typeArgs(r)}, opts?: pulumi.InvokeOutputOptions): pulumi.Output<Get${n.name}Result> {`,
        `    return invokeReadOutput<Get${n.name}Result>(${n.descriptionExport}, args, opts);`,
        "}",
        "",
    ].join("\n");
}

/** A capitalized summary, for reference pages. */
export const title = (r: Read): string => capitalized(r.d.docs.summary);
