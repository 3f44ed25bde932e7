/**
 * pulumi-cloudreads: Pulumi resources and data-source functions that read Huawei Cloud
 * (SMS, ROMA Connect, KPS) and NetApp Astra Control values, with secrets kept secret.
 *
 * @example
 * ```ts
 * import { huaweicloud, astracontrol } from "pulumi-cloudreads";
 *
 * const task = huaweicloud.kps.getKeypairTaskOutput({ taskId: "aee8d2fe-5484-4753-9177-5a38dc15546c" });
 * const ca = astracontrol.getCertificateOutput({ certificateId: "a26cbed4-2183-58ce-aa19-e37ca8b0531a" });
 * ```
 */
import { warnUnsupportedNode } from "./internal/runtime-check";

// Below the supported Node.js: one warning on stderr, once per process (see the README).
warnUnsupportedNode();

export * as astracontrol from "./astracontrol";
export * as huaweicloud from "./huaweicloud";
export {
    ApiError,
    AuthError,
    CloudReadsError,
    ConditionError,
    ConfigurationError,
    InputError,
    NotFoundError,
    ResponseDecodeError,
    TransportError,
} from "../../provider/core/errors";
export type { ApiErrorDetails, InputFailure } from "../../provider/core/errors";
