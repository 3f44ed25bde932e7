import { capitalized, literal } from "./tsdoc";
import { ROMA_INSTANCE_MISSING, SERVICE_CODE_PREFIXES } from "../../provider/vendors/huaweicloud/settings";
import { exampleVar, exportLine, hasResource, importLine, type Read, requiredExample, secretSentence } from "./model";

const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
/** A TypeScript type text without its TSDoc comments (such as the `@integer` of a member), for a table cell. */
const withoutComments = (s: string): string => s.replace(/\/\*\*[\s\S]*?\*\/\s*/g, "");

/** `docs/reference/<token>.md`: one read in the Pulumi registry's shape. */
export function renderReference(r: Read): string {
    const { names: n, d } = r;
    const q = (x: string): string => `${n.module}.${x}`;
    const ex = literal(requiredExample(r));
    const secret = Object.values(d.fields).some((f) => f.secret);
    const idShape = d.id.map((x) => `{${x}}`).join("/");
    const exampleId = d.id.map((x) => d.examples.args[x] ?? "").join("/");
    const page = d.api.url ? `[${d.api.page}](${d.api.url})` : `"${d.api.page}"`;
    const resource = hasResource(r);
    const paging = d.paging;
    return [
        `# ${n.token}`,
        "",
        `${capitalized(d.docs.summary)}. ${[secretSentence(r), d.docs.details ?? ""].filter(Boolean).join(" ")}`,
        "",
        resource ? `- Resource: \`${q(n.name)}\`; functions: \`${q(n.fn)}\`, \`${q(`${n.fn}Output`)}\`.` : `- Functions only: \`${q(n.fn)}\`, \`${q(`${n.fn}Output`)}\` (a look-up, as Terraform's data sources; no resource).`,
        `- API: ${d.serviceName} \`${d.api.operation}\`, \`GET ${d.api.path}\` (vendor page ${page}, read ${d.api.read}).`,
        ...(paging ? [`- Pages: every page is followed; a list of more than ${paging.maxItems} ${paging.noun} fails with a \`ConditionError\` asking to narrow it with ${paging.narrowBy.map((x) => `\`${x}\``).join(" or ")}.`] : []),
        ...(d.byName ? [`- \`${d.byName.arg}\` instead of \`${d.byName.into}\`: the ${d.byName.noun} of exactly that name is found with \`${d.byName.list.operation}\` first; none or several fail with a \`ConditionError\` listing the candidates' names and ids.`] : []),
        ...(resource ? [`- Dynamic provider module: \`pulumi-cloudreads/provider/dynamic/${n.dynamicModule}\`; type token \`pulumi-nodejs:dynamic/cloudreads:${n.token}\`.`] : []),
        "",
        "## Example usage",
        "",
        ...(resource
            ? [
                  "As a resource (read at `pulumi up`, again at `pulumi refresh`; unknown during preview):",
                  "",
                  "```ts",
                  importLine(r),
                  "",
                  `const ${n.camel} = new ${q(n.name)}(${JSON.stringify(d.docs.example.name)}, ${ex});`,
                  exportLine(r, n.camel, false),
                  "```",
                  "",
              ]
            : []),
        `As a function (read during preview too${secret ? "; the whole result is a secret Output" : ""}):`,
        "",
        "```ts",
        importLine(r),
        "",
        `const ${exampleVar(r)} = ${q(`${n.fn}Output`)}(${ex});`,
        exportLine(r, exampleVar(r), true),
        "```",
        "",
        "## Inputs",
        "",
        "| Name | Type | Required | Description |",
        "|---|---|---|---|",
        ...Object.entries(d.args).map(([name, a]) => `| \`${name}\` | \`${cell(withoutComments(a.sdk.plain))}\` | ${a.required ? "yes" : (d.oneOf ?? []).some((g) => g.includes(name)) ? "one of " + (d.oneOf ?? []).find((g) => g.includes(name))!.map((x) => `\`${x}\``).join(", ") : "no"} | ${cell(a.doc)}${resource ? ` ${a.identifying ? "Changing it replaces the resource." : "Changing it updates the resource in place (it reads again)."}` : ""} |`),
        "",
        `Every ${resource ? "resource and " : ""}function also takes Pulumi's options; \`getXOutput\` honours \`dependsOn\` and refuses \`provider\`.`,
        "",
        "## Outputs",
        "",
        "| Name | Type | Secret | Description |",
        "|---|---|---|---|",
        ...Object.entries(d.fields).map(([name, f]) => `| \`${name}\` | \`${cell(f.sdkType)}${f.optional ? " \\| undefined" : ""}\` | ${f.secret ? "**secret**" : "no"} | ${cell(f.doc)} |`),
        "",
        ...vendorValues(d),
        ...(resource
            ? ["## Resource id", "", `\`${idShape}\`, e.g. \`${exampleId}\`. Adopt an existing object with \`${q(n.name)}.get("name", "${exampleId}")\`: the arguments are taken from the id.`, ""]
            : []),
        "## Errors",
        "",
        "Every error names the resource type or function first, and never holds a credential or a secret value.",
        "",
        "| Class | When |",
        "|---|---|",
        `| \`InputError\` | An argument is missing or malformed; before any request is sent. Names the property, what was expected and how the value falls short. |`,
        `| \`ConfigurationError\` | A setting is missing or invalid (credentials, region, endpoint${d.vendor === "astracontrol" ? ", url, account id" : ", project id"}). |`,
        resource
            ? `| \`NotFoundError\` | ${serviceNotFound(d)}. \`pulumi up\` and the functions fail, naming the ids; \`pulumi refresh\` drops the resource from the stack. ${notTheService(d)}: \`pulumi refresh\` fails naming the endpoint, and the resource stays. |`
            : `| \`NotFoundError\` | ${serviceNotFound(d)}, for the list itself (e.g. an unknown instance); an empty match is an empty list, not an error. ${notTheService(d)}. |`,
        ...(paging || d.byName || d.gate || d.wait ? ["| `ConditionError` | A condition of the read fails: " + [paging ? "the list is longer than the cap" : "", d.byName ? `no or several ${d.byName.noun}s of the name given` : "", d.gate ? "the gate its arguments set" : "", d.wait ? "the task ended failed, or `waitFor` timed out" : ""].filter(Boolean).join("; ") + ". |"] : []),
        "| `AuthError` | HTTP 401 or 403, with a hint at the setting to check. |",
        `| \`ApiError\` | Any other non-2xx answer: names ${d.serviceName}, \`${d.api.operation}\`, the HTTP status, the vendor error code and the request id. Retried only for 429, 502, 503, 504 and the vendor's documented transient codes. |`,
        "| `ResponseDecodeError` | A 2xx body that does not match the documented shape, or answers for another object. |",
        "| `TransportError` | Connection failure, timeout, or the overall deadline. |",
        "",
    ].join("\n");
}

/** The "Vendor values" section: each enumerated field's values, with the page that lists them and the date read. */
function vendorValues(d: Read["d"]): string[] {
    const entries = Object.entries(d.values ?? {});
    if (!entries.length) return [];
    return [
        "## Vendor values",
        "",
        "The values the vendor's pages list for these fields, as those pages spell them. Other values pass through as sent." + (d.wait ? " `waitFor` compares phases trimmed and upper-cased." : ""),
        "",
        "| Field | Values | Page | Read | Notes |",
        "|---|---|---|---|---|",
        ...entries.map(([name, v]) => {
            const page = v.url ? `[${v.page}](${v.url})` : `"${v.page}"`;
            const values = v.values.length ? v.values.map((x) => `\`${x}\``).join(", ") : "(the page lists none)";
            const notes = [v.updated ? `The page was updated ${v.updated}.` : "", v.seen?.length ? `Its examples also send ${v.seen.map((x) => `\`${x}\``).join(", ")}.` : "", v.note ?? ""].filter(Boolean).join(" ");
            return `| \`${name}\` | ${values} | ${page} | ${v.read} | ${cell(notes)} |`;
        }),
        ...(d.wait ? ["", `\`waitFor\` ends at ${d.wait.terminal.map((x) => `\`${x}\``).join(", ")}; ${d.wait.failed.map((x) => `\`${x}\``).join(", ")} fail the read unless \`waitFor.phase\` names them. A phase not listed above, seen twice in a row, gets one warning naming it.`] : []),
        "",
    ];
}

/** What the service answers when the object read does not exist (the rule of provider/vendors/<vendor>). */
function serviceNotFound(d: Read["d"]): string {
    if (d.service === "astra") return "HTTP 404 problem 2, the documented answer for a missing object";
    const prefix = SERVICE_CODE_PREFIXES[d.service] ?? "";
    const roma = d.service === "roma" ? `, or ROMA's documented 500 \`${ROMA_INSTANCE_MISSING}\` (the instance does not exist)` : "";
    return `The service's own not-found answer: HTTP 404 with an error code of ${d.serviceName} (any code starting \`${prefix}\`)${roma}`;
}

/** The 404s that say nothing about the object: an ApiError. */
function notTheService(d: Read["d"]): string {
    return d.service === "astra"
        ? "A 404 with problem 1 (what any unknown URI gets: a wrong URL or path) or without a problem is an `ApiError`"
        : "A 404 of the API gateway (`APIGW.*`, e.g. `APIGW.0101`: a wrong endpoint or path), without an error code, or with another service's code is an `ApiError`";
}

/** `docs/reference/README.md`: the list of reads. */
export function renderReferenceIndex(reads: readonly Read[]): string {
    return [
        "# Reference",
        "",
        "One page per read, generated by `npm run generate` from the read's description in `provider/operations/`.",
        "",
        "| Read | Resource | Functions | What it reads |",
        "|---|---|---|---|",
        ...reads.map((r) => `| [${r.names.token}](${r.names.token}.md) | ${hasResource(r) ? `\`${r.names.module}.${r.names.name}\`` : "(functions only)"} | \`${r.names.fn}\`, \`${r.names.fn}Output\` | ${cell(capitalized(r.d.docs.summary))}${Object.values(r.d.fields).some((f) => f.secret) ? " (**secret**)" : ""} |`),
        "",
    ].join("\n");
}
