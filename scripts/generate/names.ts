import type { AnyReadOperation } from "../../provider/operations/operation";

/** Where each generated artifact of a read lives, and what it is called, all derived from its token. */
export interface ReadNames {
    readonly token: string;
    /** `huaweicloud.sms` or `astracontrol`. */
    readonly module: string;
    /** `TaskPassphrase`. */
    readonly name: string;
    /** `taskPassphrase` (also the resource's file name). */
    readonly camel: string;
    /** `getTaskPassphrase`. */
    readonly fn: string;
    /** `sdk/nodejs/huaweicloud/sms`. */
    readonly sdkDir: string;
    /** `huaweicloud-sms-task-passphrase`: the dynamic provider's module, which stored state requires. */
    readonly dynamicModule: string;
    /** Relative path from {@link sdkDir} to the repository root, e.g. `../../..`. */
    readonly toRoot: string;
    /** Relative path from {@link sdkDir} to `sdk/nodejs/`, e.g. `../..`. */
    readonly toSdk: string;
    /** `sms-task-passphrase`: the description's file, without `.ts`. */
    readonly descriptionFile: string;
    /** The description's exported constant, e.g. `smsTaskPassphrase`. */
    readonly descriptionExport: string;
}

const kebab = (s: string): string => s.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/** The names of a read described in `provider/operations/<file>.ts` as `exportName`. */
export function namesOf(op: AnyReadOperation, descriptionFile: string, descriptionExport: string): ReadNames {
    const parts = op.token.split(".");
    const name = parts[parts.length - 1]!;
    const modules = parts.slice(0, -1);
    return {
        token: op.token,
        module: modules.join("."),
        name,
        camel: name[0]!.toLowerCase() + name.slice(1),
        fn: `get${name}`,
        sdkDir: `sdk/nodejs/${modules.join("/")}`,
        dynamicModule: `${modules.join("-")}-${kebab(name)}`,
        toRoot: Array(modules.length + 2).fill("..").join("/"),
        toSdk: Array(modules.length).fill("..").join("/"),
        descriptionFile,
        descriptionExport,
    };
}
