import * as pulumi from "@pulumi/pulumi";
import { astraCertificate, CertificateResult } from "../../provider/operations/astra-certificate";
import { invokeRead, invokeReadOutput } from "../internal/program";

export type { Label, TrustStateDetail, TrustStateTransition } from "../../provider/operations/astra-certificate";

/**
 * Arguments of {@link getCertificate}.
 *
 * @example
 * ```ts
 * import { astracontrol } from "pulumi-cloudreads";
 *
 * const args: astracontrol.GetCertificateArgs = { certificateId: "a26cbed4-2183-58ce-aa19-e37ca8b0531a", url: "https://astra.example.com" };
 * ```
 */
export interface GetCertificateArgs {
    /** Certificate id (a UUID). */
    readonly certificateId: string;
    /** Account id (a UUID). Default: `astracontrol:accountId`; can also be set with `ASTRA_CONTROL_ACCOUNT_ID`. */
    readonly accountId?: string;
    /** Base URL of your Astra Control Center. Default: `astracontrol:url`, else `ASTRA_CONTROL_URL`; one of them is required (the certificate API exists only in Astra Control Center, not at `astra.netapp.io`). */
    readonly url?: string;
}

/**
 * Arguments of {@link getCertificateOutput}: as {@link GetCertificateArgs}, each an Input.
 *
 * @example
 * ```ts
 * import * as pulumi from "@pulumi/pulumi";
 * import { astracontrol } from "pulumi-cloudreads";
 *
 * const args: astracontrol.GetCertificateOutputArgs = { certificateId: pulumi.output("a26cbed4-2183-58ce-aa19-e37ca8b0531a") };
 * ```
 */
export interface GetCertificateOutputArgs {
    readonly certificateId: pulumi.Input<string>;
    readonly accountId?: pulumi.Input<string>;
    readonly url?: pulumi.Input<string>;
}

/**
 * Result of {@link getCertificate}.
 *
 * @example
 * ```ts
 * import { astracontrol } from "pulumi-cloudreads";
 *
 * const r: astracontrol.GetCertificateResult = await astracontrol.getCertificate({ certificateId: "a26cbed4-2183-58ce-aa19-e37ca8b0531a" });
 * ```
 */
export type GetCertificateResult = CertificateResult;

/**
 * Reads an Astra Control certificate in the program process.
 *
 * ## Example Usage
 * ```ts
 * import { astracontrol } from "pulumi-cloudreads";
 *
 * const ca = await astracontrol.getCertificate({ certificateId: "a26cbed4-2183-58ce-aa19-e37ca8b0531a" });
 * console.log(ca.cn, ca.expiryTimestamp);
 * ```
 */
export function getCertificate(args: GetCertificateArgs, opts?: pulumi.InvokeOptions): Promise<GetCertificateResult> {
    return invokeRead<GetCertificateResult>(astraCertificate, args, opts);
}

/**
 * Reads an Astra Control certificate as an Output (known during preview).
 *
 * ## Example Usage
 * ```ts
 * import { astracontrol } from "pulumi-cloudreads";
 *
 * const ca = astracontrol.getCertificateOutput({ certificateId: "a26cbed4-2183-58ce-aa19-e37ca8b0531a" });
 * export const caPem = ca.pem;
 * ```
 */
export function getCertificateOutput(args: GetCertificateOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetCertificateResult> {
    return invokeReadOutput<GetCertificateResult>(astraCertificate, args, opts);
}
