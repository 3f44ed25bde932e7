import { pluginTokens } from "../../provider/plugin/tokens";
import { exampleVar, hasResource, type Read, requiredExample } from "./model";
import { capitalized } from "./tsdoc";

/**
 * The examples of the plugin's schema: each resource's and function's description ends in Pulumi's
 * `{{% examples %}}` block with a TypeScript, Python, Go and YAML program of the read, so every
 * SDK's docs (each generator keeps its own language's blocks) and the Registry show one. All come
 * from the read's description (its example name, arguments and output).
 */

/** The Go module path of the SDK folder (`sdk/go.mod`), where `sdk/go/cloudreads` is the package root. */
export const GO_MODULE = "github.com/pulumi-cloudreads/pulumi-cloudreads/sdk";
/** The Go SDK's root import path: the schema's `language.go.importBasePath`. */
export const GO_IMPORT_BASE = `${GO_MODULE}/go/cloudreads`;
/** The Python SDK's package. */
export const PYTHON_PACKAGE = "pulumi_cloudreads";

/** `TaskPassphrase` -> `task_passphrase`, as Pulumi's Python generator names things. */
export const snake = (s: string): string => s.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();

/** The Go package of a read: its import path and name (`.../cloudreads/huaweicloud/sms`, `sms`). */
export function goPackage(r: Read): { path: string; name: string } {
    const mod = pluginTokens(r.names.token).module;
    return { path: `${GO_IMPORT_BASE}/${mod}`, name: mod.split("/").pop()! };
}

/**
 * The Go name of a read's function: `LookupX` when a resource `X` exists (the generator keeps
 * `GetX` for the resource getter), else `GetX`.
 */
export function goFunction(r: Read): string {
    return `${hasResource(r) ? "Lookup" : "Get"}${r.names.name}`;
}

/** Whether the read's result has a secret field. */
export function hasSecretResult(r: Read): boolean {
    return Object.values(r.d.fields).some((f) => f.secret);
}

const goValue = (v: unknown): string => (typeof v === "number" ? `pulumi.Int(${v})` : `pulumi.String(${JSON.stringify(String(v))})`);
const pyValue = (v: unknown): string => (typeof v === "number" ? String(v) : JSON.stringify(String(v)));
const tsValue = (v: unknown): string => JSON.stringify(v);
const goVar = (r: Read): string => exampleVar(r).replace(/[^A-Za-z0-9]/g, "");

function typescript(r: Read, kind: "resource" | "function"): string[] {
    const args = Object.entries(requiredExample(r)).map(([k, v]) => `${k}: ${tsValue(v)}`).join(", ");
    const out = r.d.docs.example.output;
    const q = `${r.names.module}.${kind === "resource" ? r.names.name : `${r.names.fn}Output`}`;
    return [
        "```typescript",
        `import { ${r.d.vendor} } from "pulumi-cloudreads";`,
        "",
        kind === "resource" ? `const ${exampleVar(r)} = new ${q}(${JSON.stringify(r.d.docs.example.name)}, { ${args} });` : `const ${exampleVar(r)} = ${q}({ ${args} });`,
        `export const ${out} = ${exampleVar(r)}.${out};`,
        "```",
    ];
}

function python(r: Read, kind: "resource" | "function"): string[] {
    const args = Object.entries(requiredExample(r)).map(([k, v]) => `${snake(k)}=${pyValue(v)}`);
    const q = `cloudreads.${r.names.module}.${kind === "resource" ? r.names.name : `${snake(r.names.fn)}_output`}`;
    const call = kind === "resource" ? `${q}(${[JSON.stringify(r.d.docs.example.name), ...args].join(", ")})` : `${q}(${args.join(", ")})`;
    const out = r.d.docs.example.output;
    return ["```python", "import pulumi", `import ${PYTHON_PACKAGE} as cloudreads`, "", `${snake(exampleVar(r))} = ${call}`, `pulumi.export(${JSON.stringify(out)}, ${snake(exampleVar(r))}.${snake(out)})`, "```"];
}

function go(r: Read, kind: "resource" | "function"): string[] {
    const pkg = goPackage(r);
    const fields = Object.entries(requiredExample(r)).map(([k, v]) => `\t\t\t${capitalized(k)}: ${goValue(v)},`);
    const out = r.d.docs.example.output;
    const v = goVar(r);
    const body =
        kind === "resource"
            ? [
                  `\t\t${v}, err := ${pkg.name}.New${r.names.name}(ctx, ${JSON.stringify(r.d.docs.example.name)}, &${pkg.name}.${r.names.name}Args{`,
                  ...fields,
                  "\t\t})",
                  "\t\tif err != nil {",
                  "\t\t\treturn err",
                  "\t\t}",
                  `\t\tctx.Export(${JSON.stringify(out)}, ${v}.${capitalized(out)})`,
              ]
            : [
                  `\t\t${v} := ${pkg.name}.${goFunction(r)}Output(ctx, ${pkg.name}.${goFunction(r)}OutputArgs{`,
                  ...fields,
                  "\t\t})",
                  `\t\tctx.Export(${JSON.stringify(out)}, ${v}.${capitalized(out)}())`,
              ];
    return [
        "```go",
        "package main",
        "",
        "import (",
        `\t${JSON.stringify(pkg.path)}`,
        '\t"github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
        ")",
        "",
        "func main() {",
        "\tpulumi.Run(func(ctx *pulumi.Context) error {",
        ...body,
        "\t\treturn nil",
        "\t})",
        "}",
        "```",
    ];
}

function yaml(r: Read, kind: "resource" | "function"): string[] {
    const t = pluginTokens(r.names.token);
    const out = r.d.docs.example.output;
    const v = exampleVar(r);
    const args = (indent: string): string[] => Object.entries(requiredExample(r)).map(([k, x]) => `${indent}${k}: ${JSON.stringify(x)}`);
    const block =
        kind === "resource"
            ? ["resources:", `  ${v}:`, `    type: ${t.resource}`, "    properties:", ...args("      ")]
            : ["variables:", `  ${v}:`, "    fn::invoke:", `      function: ${t.function}`, "      arguments:", ...args("        ")];
    return ["```yaml", ...block, "outputs:", `  ${out}: \${${v}.${out}}`, "```"];
}

/** The `{{% examples %}}` block of a read's resource or function description. */
export function schemaExamples(r: Read, kind: "resource" | "function"): string {
    const title = kind === "resource" ? `### Read ${r.d.docs.summary}` : `### Read ${r.d.docs.summary} with the function's Output form`;
    return [
        "{{% examples %}}",
        "## Example Usage",
        "",
        "{{% example %}}",
        title,
        "",
        ...typescript(r, kind),
        "",
        ...python(r, kind),
        "",
        ...go(r, kind),
        "",
        ...yaml(r, kind),
        "{{% /example %}}",
        "{{% /examples %}}",
    ].join("\n");
}

/**
 * What a function's description says of its secret result: only the Output form keeps it secret,
 * and in Go the plain form fails ("unexpected secret result returned to invoke call").
 */
export function secretResultNote(r: Read): string {
    if (!hasSecretResult(r)) return "";
    const fn = r.names.fn;
    return [
        `The result holds a secret: call the Output form (\`${fn}Output\` in TypeScript, \`${snake(fn)}_output\` in Python, \`${goFunction(r)}Output\` in Go, \`fn::invoke\` in YAML), which keeps it secret in outputs and state.`,
        `In Go the plain form \`${goFunction(r)}\` fails with "unexpected secret result returned to invoke call". In Python and TypeScript the plain form (\`${snake(fn)}\`, \`${fn}\`) returns plain values: the secret mark is lost, and a secret exported from it is stored in clear.`,
    ].join(" ");
}
