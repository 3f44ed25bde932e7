import { capitalized, example, generatedHeader, literal, tsdoc } from "./tsdoc";
import { exportLine, importLine, type Read, requiredExample, secretSentence, typeArgs, typeParamDoc, typeParamModule, typeParams } from "./model";

// `id` and `urn` are every resource's own outputs.
const RESERVED = new Set(["id", "urn"]);

/** `sdk/<vendor>/<service>/<camel>.ts`: the resource class and its Args interface. */
export function renderResource(r: Read): string {
    const { names: n, d } = r;
    const qualified = `${n.module}.${n.name}`;
    const imports = [
        `import * as pulumi from "@pulumi/pulumi";`,
        `import { ${n.descriptionExport} } from "${n.toRoot}/provider/operations/${n.descriptionFile}";`,
    ];
    if (d.publicTypes?.length) imports.push(`import type { ${d.publicTypes.join(", ")} } from "${n.toRoot}/provider/operations/${n.descriptionFile}";`);
    imports.push(`import { resourceOptions, resourcePropsWithProvider, resourceType } from "${n.toSdk}/internal/program";`);
    if (d.sdkTypeParam) imports.push(`import type { ${d.sdkTypeParam.imports.names.filter((x) => x.endsWith("Input")).join(", ")} } from "${typeParamModule(r)}";`);

    const argLines = Object.entries(d.args).flatMap(([name, a]) => [
        tsdoc([a.identifying ? `${a.doc} Changing it replaces the resource.` : `${a.doc} Changing it updates the resource in place, which reads it again.`], "    "),
        `    readonly ${name}${a.required ? "" : "?"}: ${a.sdk.input ?? `pulumi.Input<${a.sdk.plain}>`};`,
    ]);
    const outputs = Object.entries(d.fields)
        .filter(([name]) => !RESERVED.has(name))
        .flatMap(([name, f]) => [tsdoc([f.secret ? `${f.doc} Secret.` : f.doc], "    "), `    declare readonly ${name}: pulumi.Output<${f.sdkType}${f.optional ? " | undefined" : ""}>;`]);
    const argOutputs = Object.entries(d.args)
        .filter(([name]) => !(name in d.fields))
        .flatMap(([name, a]) => [tsdoc([`The \`${name}\` argument, when given.`], "    "), `    declare readonly ${name}: pulumi.Output<${a.sdk.plain}${a.required ? "" : " | undefined"}>;`]);
    const idShape = d.id.map((x) => `{${x}}`).join("/");
    const exampleId = d.id.map((x) => d.examples.args[x] ?? "").join("/");
    const secrets = Object.entries(d.fields).filter(([, f]) => f.secret).map(([x]) => `\`${x}\``);
    const tp = typeParams(r, "input", true);
    const tpBare = typeParams(r, "input", false);

    return [
        generatedHeader(`provider/operations/${n.descriptionFile}.ts`),
        ...imports,
        "",
        tsdoc([`Arguments of {@link ${n.name}}.`, "", ...example("@example", [importLine(r), "", `const args: ${qualified}Args = ${literal(requiredExample(r))};`])]),
        `export interface ${n.name}Args${tp} {`,
        ...argLines,
        "}",
        "",
        tsdoc([
            `${capitalized(d.docs.summary)} (${d.serviceName} \`${d.api.operation}\`, \`GET ${d.api.path}\`), as a resource. Read-only: create and refresh read it; delete only forgets it.`,
            [secretSentence(r), d.docs.details ?? ""].filter(Boolean).join(" "),
            "",
            ...example("## Example Usage", [importLine(r), "", `const ${n.camel} = new ${qualified}(${JSON.stringify(d.docs.example.name)}, ${literal(requiredExample(r))});`, exportLine(r, n.camel, false)]),
            ...typeParamDoc(r),
        ].filter((l, i) => l !== "" || i !== 1)),
        `export class ${n.name}${tpBare ? tp : ""} extends pulumi.CustomResource {`,
        ...outputs,
        ...argOutputs,
        "",
        tsdoc(
            [
                `Reads an existing object into the stack by its resource id, \`${idShape}\`, as Pulumi's \`get\` does: nothing is declared but the id, and the arguments are taken from it.`,
                "",
                ...example("@example", [importLine(r), "", `const existing = ${qualified}.get(${JSON.stringify(d.docs.example.name)}, ${JSON.stringify(exampleId)});`]),
            ],
            "    ",
        ),
        `    static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): ${n.name} {`,
        "        // No arguments: the provider's read takes them from the id.",
        `        return new ${n.name}(name, {} as ${n.name}Args, { ...opts, id });`,
        "    }",
        "",
        tsdoc(
            [
                "@param name The unique name of the resource.",
                `@param args What to read${d.sdkTypeParam ? `; \`${d.sdkTypeParam.name}\` is ${d.sdkTypeParam.doc}` : "."}`,
                `@param opts Resource options${secrets.length ? `; ${secrets.join(", ")} ${secrets.length === 1 ? "is" : "are"} added to \`additionalSecretOutputs\`` : ""}.`,
            ],
            "    ",
        ),
        `    constructor(name: string, args: ${n.name}Args${typeArgs(r)}, opts?: pulumi.CustomResourceOptions) {`,
        // A dynamic resource whose `__provider` is written, not serialized (sdk/nodejs/internal/program.ts, providerSource);
        // extending CustomResource directly keeps the user's line as the resource's source position.
        `        super(resourceType(${n.descriptionExport}), name, resourcePropsWithProvider(${n.descriptionExport}, args, ${JSON.stringify(n.dynamicModule)}, require.resolve(${JSON.stringify(`${n.toRoot}/provider/dynamic/${n.dynamicModule}`)})), resourceOptions(${n.descriptionExport}, opts));`,
        "    }",
        "}",
        "",
    ].join("\n");
}
