import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import type { Read } from "./model";

/**
 * Pulumi schema types from the TypeScript types the descriptions give their arguments and fields
 * (`readonly string[]`, `readonly Label[]`, `{ readonly phase?: ... }`): the interfaces they name are
 * read from the description's own file, and `GetXResult` is the result of the read `X`.
 */

/** A Pulumi schema type spec. */
export type TypeSpec =
    | { readonly type: "string" | "number" | "integer" | "boolean" }
    | { readonly type: "array"; readonly items: TypeSpec }
    | { readonly type: "object"; readonly additionalProperties: TypeSpec }
    | { readonly $ref: string }
    | { readonly oneOf: readonly TypeSpec[] };

/** A property of a schema object type, resource or function. */
export interface PropertySpec {
    readonly description?: string;
    readonly secret?: boolean;
    readonly [key: string]: unknown;
}

/** An object type of the schema. */
export interface ObjectTypeSpec {
    readonly type: "object";
    readonly description: string;
    readonly properties: Record<string, PropertySpec>;
    readonly required: string[];
}

/** Where a type name is looked up, and where new object types go. */
export interface TypeContext {
    readonly read: Read;
    readonly reads: readonly Read[];
    /** The schema module of the read, e.g. `huaweicloud/sms`. */
    readonly module: string;
    /** Object types by token, filled as they are met. */
    readonly types: Map<string, ObjectTypeSpec>;
    /** The result object type of a read (`GetTaskResult` in an SDK), by its schema token. */
    resultType(r: Read): string;
    /** The name of an anonymous object type at this place (an argument's name). */
    readonly anonymousName: string;
}

const sources = new Map<string, ts.SourceFile>();

function sourceOf(r: Read): ts.SourceFile {
    const file = path.join(__dirname, "..", "..", "provider", "operations", `${r.names.descriptionFile}.ts`);
    let sf = sources.get(file);
    if (!sf) sources.set(file, (sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true)));
    return sf;
}

function docOf(node: ts.Node): string {
    const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc ?? [];
    return docs.map((d) => (typeof d.comment === "string" ? d.comment : ts.getTextOfJSDocComment(d.comment) ?? "")).join("\n").trim();
}

/**
 * The schema type of the TypeScript type text `text` (e.g. `readonly TrustStateTransition[]`);
 * `integer` when the description says the number is whole (an argument's `sdk.integer`, a
 * field's `field.integer`).
 */
export function schemaType(text: string, ctx: TypeContext, integer = false): TypeSpec {
    // A TSDoc comment is a member's only when it starts a line (else it trails the member before).
    const sf = ts.createSourceFile("type.ts", `type T = ${text.replace(/\/\*\*/g, "\n/**")};`, ts.ScriptTarget.Latest, true);
    const alias = sf.statements[0] as ts.TypeAliasDeclaration;
    return wholeIf(integer, fromNode(alias.type, ctx));
}

/** `integer` for `number` when `whole`: TypeScript has one number type, the schema two. */
function wholeIf(whole: boolean, spec: TypeSpec): TypeSpec {
    if (!whole) return spec;
    if ("type" in spec && spec.type === "number") return { type: "integer" };
    throw new Error(`generate schema: only a number can be an integer, not ${JSON.stringify(spec)}`);
}

/** Whether a member's TSDoc has the tag `@integer` (a `number` that is always whole). */
function taggedInteger(node: ts.Node): boolean {
    return ts.getJSDocTags(node).some((t) => t.tagName.text === "integer");
}

function fromNode(node: ts.TypeNode, ctx: TypeContext): TypeSpec {
    switch (node.kind) {
        case ts.SyntaxKind.StringKeyword:
            return { type: "string" };
        case ts.SyntaxKind.NumberKeyword:
            return { type: "number" };
        case ts.SyntaxKind.BooleanKeyword:
            return { type: "boolean" };
        case ts.SyntaxKind.UnknownKeyword:
            return { $ref: "pulumi.json#/Any" };
    }
    if (ts.isTypeOperatorNode(node)) return fromNode(node.type, ctx);
    if (ts.isParenthesizedTypeNode(node)) return fromNode(node.type, ctx);
    if (ts.isArrayTypeNode(node)) return { type: "array", items: fromNode(node.elementType, ctx) };
    if (ts.isUnionTypeNode(node)) return { oneOf: node.types.map((t) => fromNode(t, ctx)) };
    if (ts.isTypeLiteralNode(node)) return objectType(ctx.anonymousName, "", node.members, ctx, ctx.read);
    if (ts.isTypeReferenceNode(node)) return named(node.typeName.getText(), ctx);
    throw new Error(`generate schema: ${ctx.read.names.token}: no schema type for \`${node.getText()}\``);
}

function named(name: string, ctx: TypeContext): TypeSpec {
    // A type parameter (ROMA's productId): its plain constraint.
    const param = ctx.read.d.sdkTypeParam;
    if (param && name === param.name) return productIdLike(param.plain, ctx);
    // `ProductIdArgument<P>` and the like: the hand-written SDK types of the type parameter.
    if (param?.imports.names.includes(name)) return productIdLike(param.plain, ctx);
    // `GetXResult` of another read: that read's result type.
    const m = /^Get([A-Za-z0-9]+)Result$/.exec(name);
    const other = m && ctx.reads.find((r) => r.names.name === m[1] && r.names.module === ctx.read.names.module);
    if (other) return { $ref: `#/types/${ctx.resultType(other)}` };
    // An interface of the description's own file.
    if (ctx.read.d.publicTypes?.includes(name)) {
        const decl = sourceOf(ctx.read).statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
        if (!decl) throw new Error(`generate schema: ${ctx.read.names.token}: public type ${name} is not an interface of ${ctx.read.names.descriptionFile}.ts`);
        return objectType(name, docOf(decl), decl.members, ctx, ctx.read);
    }
    throw new Error(`generate schema: ${ctx.read.names.token}: type ${name} is neither a public type of its description nor a GetXResult`);
}

/** A value the SDK types as `string | number` for exactness checks: a digit string in the schema (numbers are accepted too). */
function productIdLike(_plain: string, _ctx: TypeContext): TypeSpec {
    return { type: "string" };
}

function objectType(name: string, description: string, members: ts.NodeArray<ts.TypeElement>, ctx: TypeContext, read: Read): TypeSpec {
    const token = `cloudreads:${ctx.module}:${name}`;
    if (!ctx.types.has(token)) {
        const properties: Record<string, PropertySpec> = {};
        const required: string[] = [];
        for (const m of members) {
            if (!ts.isPropertySignature(m) || !m.type) throw new Error(`generate schema: ${read.names.token}: ${name} has a member that is not a property`);
            const prop = m.name.getText();
            const inner: TypeContext = { ...ctx, anonymousName: `${name}${prop[0]!.toUpperCase()}${prop.slice(1)}` };
            properties[prop] = { ...wholeIf(taggedInteger(m), fromNode(m.type, inner)), ...(docOf(m) ? { description: docOf(m) } : {}) };
            if (!m.questionToken) required.push(prop);
        }
        ctx.types.set(token, { type: "object", description: description || `${name} of ${read.names.token}.`, properties, required });
    }
    return { $ref: `#/types/${token}` };
}
