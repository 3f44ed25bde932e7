import { generatedHeader } from "./tsdoc";
import { hasResource, type Read, typeParamModule } from "./model";

/** `provider/dynamic/<module>.ts`: the dynamic provider that stored state requires by path. */
export function renderDynamic(r: Read): string {
    return [
        generatedHeader(`provider/operations/${r.names.descriptionFile}.ts`),
        `import { providerFor } from "./provider-for";`,
        "",
        `/** Dynamic provider of \`${r.names.token}\`; old state requires this path, so it is stable API. */`,
        `export = providerFor(${JSON.stringify(r.names.token)});`,
        "",
    ].join("\n");
}

/** `provider/operations/all.ts`: every description, by token. */
export function renderRegistry(reads: readonly Read[]): string {
    return [
        generatedHeader("the descriptions in provider/operations/"),
        ...reads.map((r) => `import { ${r.names.descriptionExport} } from "./${r.names.descriptionFile}";`),
        `import type { AnyReadOperation } from "./operation";`,
        "",
        "/** Every read this package offers, by token: one per description file in this folder. */",
        "export const operations = {",
        ...reads.map((r) => `    ${JSON.stringify(r.names.token)}: ${r.names.descriptionExport},`),
        "} as const satisfies Record<string, AnyReadOperation>;",
        "",
    ].join("\n");
}

/** Doc line of an SDK module folder, e.g. "Huawei Cloud SMS reads.". */
function moduleDoc(reads: readonly Read[]): string {
    const services = [...new Set(reads.map((r) => r.d.serviceName))];
    return `/** ${services.join(", ")} reads. */`;
}

/**
 * `sdk/nodejs/<...>/index.ts` for every SDK folder: the generated modules of its reads, the hand-written
 * modules beside them (`handWritten`), and its sub-folders as namespaces.
 */
export function renderIndexes(reads: readonly Read[], handWritten: (dir: string) => string[]): Map<string, string> {
    const dirs = new Map<string, { reads: Read[]; children: Set<string> }>();
    const entry = (dir: string) => dirs.get(dir) ?? dirs.set(dir, { reads: [], children: new Set() }).get(dir)!;
    for (const r of reads) {
        entry(r.names.sdkDir).reads.push(r);
        let dir = r.names.sdkDir;
        while (dir.split("/").length > 3) {
            const parent = dir.slice(0, dir.lastIndexOf("/"));
            entry(parent).children.add(dir.slice(parent.length + 1));
            dir = parent;
        }
    }
    const out = new Map<string, string>();
    for (const [dir, e] of dirs) {
        const all = reads.filter((r) => r.names.sdkDir === dir || r.names.sdkDir.startsWith(`${dir}/`));
        const modules = [...e.reads.flatMap((r) => (hasResource(r) ? [r.names.fn, r.names.camel] : [r.names.fn])), ...handWritten(dir)].sort((a, b) => a.localeCompare(b));
        out.set(`${dir}/index.ts`, [
            generatedHeader("the descriptions in provider/operations/"),
            moduleDoc(all),
            ...[...e.children].sort().map((c) => `export * as ${c} from "./${c}";`),
            ...modules.map((m) => `export * from "./${m}";`),
            // Hand-written types a read's declarations use are public under its module too.
            ...[...new Set(e.reads.flatMap((r) => (r.d.sdkTypeParam ? [typeParamModule(r)] : [])))].map((m) => `export * from "${m}";`),
            "",
        ].join("\n"));
    }
    return out;
}
