import { generatedHeader } from "./tsdoc";
import { hasResource, type Read } from "./model";

/**
 * `tests/generated/sdk-types-agree.ts`: compile-time proof (`tsc --noEmit`) that each generated
 * SDK interface agrees with its read's codecs: the same argument names and required ones, and
 * exactly the result type the read's mapper returns.
 */
export function renderTypeChecks(reads: readonly Read[]): string {
    const lines = [
        generatedHeader("the descriptions in provider/operations/"),
        `import type { ArgsOfRead, Assert, RequiredKeys, ResultOfRead, Same } from "../helpers/type-checks";`,
    ];
    const body: string[] = [];
    for (const [i, r] of reads.entries()) {
        const ns = `m${i}`;
        const { names: n } = r;
        lines.push(`import type * as ${ns} from "../../${n.sdkDir}";`, `import type { ${n.descriptionExport} } from "../../provider/operations/${n.descriptionFile}";`);
        const op = `typeof ${n.descriptionExport}`;
        body.push(
            "",
            `/** ${n.token}: SDK interfaces against the read's codecs. */`,
            `export type ${n.name}Agrees = [`,
            `    Assert<Same<${ns}.Get${n.name}Result, ResultOfRead<${op}>>>,`,
            ...["Args", "OutputArgs"].map((k) => `    Assert<Same<keyof ${ns}.Get${n.name}${k}, keyof ArgsOfRead<${op}>>>,\n    Assert<Same<RequiredKeys<${ns}.Get${n.name}${k}>, RequiredKeys<ArgsOfRead<${op}>>>>,`),
            ...(hasResource(r)
                ? [`    Assert<Same<keyof ${ns}.${n.name}Args, keyof ArgsOfRead<${op}>>>,`, `    Assert<Same<RequiredKeys<${ns}.${n.name}Args>, RequiredKeys<ArgsOfRead<${op}>>>>,`]
                : []),
            "];",
        );
    }
    return [...lines, ...body, ""].join("\n");
}
