import { PLUGIN_NAMESPACE } from "./config-keys";

/**
 * The plugin's type tokens, from a read's token: `huaweicloud.sms.TaskPassphrase` is the resource
 * `cloudreads:huaweicloud/sms:TaskPassphrase` and the function
 * `cloudreads:huaweicloud/sms:getTaskPassphrase`; `astracontrol.Certificate` is
 * `cloudreads:astracontrol:Certificate` and `cloudreads:astracontrol:getCertificate`.
 */
export interface PluginTokens {
    /** The schema module, e.g. `huaweicloud/sms`. */
    readonly module: string;
    readonly resource: string;
    readonly function: string;
    /** The function's name in messages, as the Node SDK names it: `huaweicloud.sms.getTaskPassphrase`. */
    readonly functionSubject: string;
}

/**
 * The tokens of the read with token `token`.
 *
 * @example
 * ```ts
 * pluginTokens("huaweicloud.sms.TaskPassphrase").function; // "cloudreads:huaweicloud/sms:getTaskPassphrase"
 * ```
 */
export function pluginTokens(token: string): PluginTokens {
    const parts = token.split(".");
    const name = parts[parts.length - 1]!;
    const modules = parts.slice(0, -1);
    const module = modules.join("/");
    return {
        module,
        resource: `${PLUGIN_NAMESPACE}:${module}:${name}`,
        function: `${PLUGIN_NAMESPACE}:${module}:get${name}`,
        functionSubject: [...modules, `get${name}`].join("."),
    };
}
