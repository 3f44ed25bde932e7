import * as pulumi from "@pulumi/pulumi";
import provider = require("../../provider/dynamic/astracontrol-certificate");
import { astraCertificate, Label, TrustStateDetail, TrustStateTransition } from "../../provider/operations/astra-certificate";
import { resourceOptions, resourceProps, TYPE_MODULE } from "../internal/program";

/**
 * Arguments of {@link Certificate}.
 *
 * @example
 * ```ts
 * import { astracontrol } from "pulumi-cloudreads";
 *
 * const args: astracontrol.CertificateArgs = { certificateId: "a26cbed4-2183-58ce-aa19-e37ca8b0531a" };
 * ```
 */
export interface CertificateArgs {
    /** Certificate id (a UUID). Changing it replaces the resource. */
    readonly certificateId: pulumi.Input<string>;
    /** Account id (a UUID). Default: `astracontrol:accountId`; can also be set with `ASTRA_CONTROL_ACCOUNT_ID`. */
    readonly accountId?: pulumi.Input<string>;
    /** Base URL of your Astra Control Center. Default: `astracontrol:url`, else `ASTRA_CONTROL_URL`; one of them is required (the certificate API exists only in Astra Control Center, not at `astra.netapp.io`). */
    readonly url?: pulumi.Input<string>;
}

/**
 * A trusted certificate stored in NetApp Astra Control
 * (`GET /accounts/{account_id}/core/v1/certificates/{certificate_id}`). The resource's `id`
 * is the certificate id. `pem` is the certificate as PEM text whether Astra holds PEM or DER.
 *
 * ## Example Usage
 * ```ts
 * import { astracontrol } from "pulumi-cloudreads";
 *
 * const ca = new astracontrol.Certificate("vcenter-ca", { certificateId: "a26cbed4-2183-58ce-aa19-e37ca8b0531a" });
 * export const caPem = ca.pem;
 * ```
 */
export class Certificate extends pulumi.dynamic.Resource {
    /** The account id read from. */
    declare readonly accountId: pulumi.Output<string>;
    /** `rootCA` or `intermediateCA` (other values pass through). */
    declare readonly certUse: pulumi.Output<string>;
    /** The certificate as Astra returns it (base64). */
    declare readonly cert: pulumi.Output<string>;
    /** The certificate(s) as PEM text. */
    declare readonly pem: pulumi.Output<string>;
    /** Common name taken from the certificate. */
    declare readonly cn: pulumi.Output<string>;
    /** RFC 3339, full precision, as a string. */
    declare readonly expiryTimestamp: pulumi.Output<string>;
    /** Whether the certificate is self-signed (Astra sends the string "true"/"false"). */
    declare readonly isSelfSigned: pulumi.Output<boolean>;
    /** `untrusted`, `trusted` or `expired` (other values pass through). */
    declare readonly trustState: pulumi.Output<string>;
    /** Absent when Astra does not send it. */
    declare readonly trustStateDesired: pulumi.Output<string | undefined>;
    /** Allowed trust state transitions. */
    declare readonly trustStateTransitions: pulumi.Output<TrustStateTransition[]>;
    /** Details about the trust state; empty when there are none. */
    declare readonly trustStateDetails: pulumi.Output<TrustStateDetail[]>;
    /** Metadata labels. */
    declare readonly labels: pulumi.Output<Label[]>;
    /** When the certificate was stored (RFC 3339). */
    declare readonly creationTimestamp: pulumi.Output<string>;
    /** When it last changed (RFC 3339). */
    declare readonly modificationTimestamp: pulumi.Output<string>;
    /** Who stored it (a user or service id). */
    declare readonly createdBy: pulumi.Output<string>;
    /** The user or service that last changed it, when Astra says. */
    declare readonly modifiedBy: pulumi.Output<string | undefined>;
    /** Astra's media type of the resource, e.g. `application/astra-certificate`, when sent. */
    declare readonly type: pulumi.Output<string | undefined>;
    /** Astra's API version of the resource, e.g. `1.1`, when sent. */
    declare readonly version: pulumi.Output<string | undefined>;
    /** The certificate id. */
    declare readonly certificateId: pulumi.Output<string>;
    /** The URL override, when given. */
    declare readonly url: pulumi.Output<string | undefined>;

    /**
     * Reads an existing object into the stack by its resource id, the certificate id (the account comes from `astracontrol:accountId`), as Pulumi's
     * `get` does: nothing is declared but the id, and the arguments are taken from it.
     *
     * @example
     * ```ts
     * import { astracontrol } from "pulumi-cloudreads";
     *
     * const existing = astracontrol.Certificate.get("vcenter-ca", "a26cbed4-2183-58ce-aa19-e37ca8b0531a");
     * ```
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): Certificate {
        // No arguments: the provider's read takes them from the id.
        return new Certificate(name, {} as CertificateArgs, { ...opts, id });
    }

    /**
     * @param name The unique name of the resource.
     * @param args The certificate to read.
     * @param opts Resource options.
     */
    constructor(name: string, args: CertificateArgs, opts?: pulumi.CustomResourceOptions) {
        super(provider, name, resourceProps(astraCertificate, args), resourceOptions(astraCertificate, opts), TYPE_MODULE, astraCertificate.token);
    }
}
