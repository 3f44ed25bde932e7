import * as t from "io-ts";
import { certificateToPem } from "../core/certificate-pem";
import { Uuid } from "../core/input-codecs";
import type { ReadOperation, Scope } from "./operation";
import { ASTRA_OVERRIDE_NAMES, AstraOverrides } from "./overrides";

/** Arguments of the Astra certificate read. */
export const CertificateArgs = t.intersection([t.type({ certificateId: Uuid }), t.partial({ accountId: Uuid }), AstraOverrides]);
export type CertificateArgs = t.TypeOf<typeof CertificateArgs>;

/** Astra's `isSelfSigned` is documented as the string "true"/"false"; a JSON boolean is accepted too. */
const BooleanString = new t.Type<boolean, string, unknown>(
    "\"true\" or \"false\"",
    (u): u is boolean => typeof u === "boolean",
    (u, c) => {
        if (typeof u === "boolean") return t.success(u);
        if (typeof u === "string" && /^(true|false)$/i.test(u)) return t.success(u.toLowerCase() === "true");
        return t.failure(u, c);
    },
    String,
);

/** A base64 certificate holding PEM or DER. */
const CertificateText = new t.Type<string, string, unknown>(
    "base64 of a PEM or DER certificate that an X.509 parser accepts",
    (u): u is string => typeof u === "string" && certificateToPem(u) !== undefined,
    (u, c) => (typeof u === "string" && certificateToPem(u) !== undefined ? t.success(u) : t.failure(u, c)),
    t.identity,
);

const Transition = t.type({ from: t.string, to: t.array(t.string) });
const Detail = t.intersection([t.type({ type: t.string, title: t.string, detail: t.string }), t.partial({ additionalDetails: t.unknown })]);
const Label = t.type({ name: t.string, value: t.string });
const Metadata = t.intersection([
    t.type({ creationTimestamp: t.string, modificationTimestamp: t.string, createdBy: t.string }),
    t.partial({ labels: t.array(Label), modifiedBy: t.string }),
]);

/** Success body: the Certificate resource (API 24.02). Enum-like fields stay open strings. */
export const CertificateBody = t.intersection([
    t.type({
        id: t.string,
        certUse: t.string,
        cert: CertificateText,
        cn: t.string,
        expiryTimestamp: t.string,
        isSelfSigned: BooleanString,
        trustState: t.string,
        trustStateTransitions: t.array(Transition),
        trustStateDetails: t.array(Detail),
        metadata: Metadata,
    }),
    t.partial({ type: t.string, version: t.string, trustStateDesired: t.string }),
], "CertificateBody");
export type CertificateBody = t.TypeOf<typeof CertificateBody>;

/** One allowed trust state transition. */
export interface TrustStateTransition {
    /** The state it leaves. */
    readonly from: string;
    /** The states it may go to. */
    readonly to: readonly string[];
}

/** One detail about the trust state. */
export interface TrustStateDetail {
    /** The detail's type URL. */
    readonly type: string;
    /** A short title. */
    readonly title: string;
    /** The explanation. */
    readonly detail: string;
    /** Present only when Astra sends it. */
    readonly additionalDetails?: unknown;
}

/** A metadata label. */
export interface Label {
    /** The label's name. */
    readonly name: string;
    /** Its value. */
    readonly value: string;
}

/** The Astra certificate read's result. */
export interface CertificateResult {
    /** The Astra account the certificate belongs to (the argument, or `astracontrol:accountId`). */
    readonly accountId: string;
    /** The certificate id read; the same value as `id`, under the name the arguments use. */
    readonly certificateId: string;
    /** The certificate id as Astra returns it (for a resource, also its Pulumi id). */
    readonly id: string;
    /** Astra's media type of the resource, e.g. `application/astra-certificate`, when sent. */
    readonly type?: string;
    /** Astra's API version of the resource, e.g. `1.1`, when sent. */
    readonly version?: string;
    /** What the certificate is for: `trustedCA` or `object` in the documented values. */
    readonly certUse: string;
    /** The certificate as Astra stores it: base64 of PEM text or of DER bytes. */
    readonly cert: string;
    /** The certificate(s) as PEM text, whatever Astra holds; every block is a parsed X.509 certificate. */
    readonly pem: string;
    /** The common name Astra reports. */
    readonly cn: string;
    /** RFC 3339 with up to 9 fraction digits, kept as a string (a JS Date would drop precision). */
    readonly expiryTimestamp: string;
    /** Whether Astra reports the certificate as self-signed. */
    readonly isSelfSigned: boolean;
    /** `trusted` or `untrusted` in the documented values. */
    readonly trustState: string;
    /** The trust state asked for, when one was set and differs from the current one. */
    readonly trustStateDesired?: string;
    /** The trust state changes Astra allows from here. */
    readonly trustStateTransitions: readonly TrustStateTransition[];
    /** Astra's explanations of the trust state. */
    readonly trustStateDetails: readonly TrustStateDetail[];
    /** Metadata labels. */
    readonly labels: readonly Label[];
    /** When the certificate was added (RFC 3339). */
    readonly creationTimestamp: string;
    /** When it last changed (RFC 3339). */
    readonly modificationTimestamp: string;
    /** The user or service that added it. */
    readonly createdBy: string;
    /** The user or service that last changed it, when Astra says. */
    readonly modifiedBy?: string;
}

const account = (s: Scope): string => s.accountId ?? "";

/**
 * NetApp Astra Control "Retrieve a certificate", `GET /accounts/{account_id}/core/v1/certificates/{certificate_id}`:
 * NetApp publishes no SDK with a name for it, so messages use the title of its API reference page.
 */
export const astraCertificate: ReadOperation<CertificateArgs, CertificateBody, CertificateResult> = {
    token: "astracontrol.Certificate",
    vendor: "astracontrol",
    service: "astra",
    serviceName: "NetApp Astra Control",
    operation: "Retrieve a certificate",
    args: CertificateArgs,
    argNames: ["certificateId", "accountId", ...ASTRA_OVERRIDE_NAMES],
    scope: "account",
    path: (a, s) => ["accounts", account(s), "core", "v1", "certificates", a.certificateId],
    accept: "application/astra-certificate+json",
    response: CertificateBody,
    mismatch: (b, a) =>
        b.id.toLowerCase() !== a.certificateId.toLowerCase() ? `id: the response is for certificate ${JSON.stringify(b.id)}, not the certificate asked for (${JSON.stringify(a.certificateId)})` : undefined,
    result: (b, a, s) => ({
        accountId: account(s),
        certificateId: a.certificateId,
        id: b.id,
        ...(b.type !== undefined ? { type: b.type } : {}),
        ...(b.version !== undefined ? { version: b.version } : {}),
        certUse: b.certUse,
        cert: b.cert,
        pem: certificateToPem(b.cert) ?? "",
        cn: b.cn,
        expiryTimestamp: b.expiryTimestamp,
        isSelfSigned: b.isSelfSigned,
        trustState: b.trustState,
        ...(b.trustStateDesired !== undefined ? { trustStateDesired: b.trustStateDesired } : {}),
        trustStateTransitions: b.trustStateTransitions.map((x) => ({ from: x.from, to: [...x.to] })),
        trustStateDetails: b.trustStateDetails.map((d) => ({
            type: d.type,
            title: d.title,
            detail: d.detail,
            ...(d.additionalDetails !== undefined ? { additionalDetails: d.additionalDetails } : {}),
        })),
        labels: (b.metadata.labels ?? []).map((l) => ({ name: l.name, value: l.value })),
        creationTimestamp: b.metadata.creationTimestamp,
        modificationTimestamp: b.metadata.modificationTimestamp,
        createdBy: b.metadata.createdBy,
        ...(b.metadata.modifiedBy !== undefined ? { modifiedBy: b.metadata.modifiedBy } : {}),
    }),
    resultNames: ["accountId", "certificateId", "id", "type", "version", "certUse", "cert", "pem", "cn", "expiryTimestamp", "isSelfSigned", "trustState", "trustStateDesired", "trustStateTransitions", "trustStateDetails", "labels", "creationTimestamp", "modificationTimestamp", "createdBy", "modifiedBy"],
    secretFields: [],
    // The resource's own `id` output is the certificate id, which the body's `id` field repeats.
    id: (a) => a.certificateId,
    idNames: ["certificateId"],
    idExample: "a26cbed4-2183-58ce-aa19-e37ca8b0531a",
    target: (a, s) => `accountId ${JSON.stringify(account(s))}, certificateId ${JSON.stringify(a.certificateId)}`,
};
