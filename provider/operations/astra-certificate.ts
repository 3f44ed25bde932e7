import * as t from "io-ts";
import { certificateToPem } from "../core/certificate-pem";
import { certificateInsights, commonName } from "../core/certificate-insights";
import { DayCount, Uuid } from "../core/input-codecs";
import { defineRead, field, optionalArg, requiredArg } from "./describe";
import type { Scope } from "./operation";
import { astraOverrides, SERVICES } from "./services";
import { type VendorValues, withValues } from "./vendor-values";

const ASTRA_PAGE = {
    page: "Retrieve a certificate",
    url: "https://docs.netapp.com/us-en/astra-automation/reference/certificate_overview.html",
    read: "2026-12-07",
    note: "The copy of the page read (zh-TW) names the field and its example value but lost its lists of defined values; the values are those of NetApp's OpenAPI definition of the Certificate resource (`reference/astra.json` in NetAppDocs/astra-automation, API 24.02).",
} as const;

/**
 * What an Astra certificate is for (`certUse`).
 *
 * @example
 * ```ts
 * ASTRA_CERT_USES.values; // ["rootCA", "intermediateCA"]
 * ```
 */
export const ASTRA_CERT_USES: VendorValues = { values: ["rootCA", "intermediateCA"], ...ASTRA_PAGE };

/**
 * Whether Astra trusts a certificate (`trustState`).
 *
 * @example
 * ```ts
 * ASTRA_TRUST_STATES.values; // ["untrusted", "trusted", "expired"]
 * ```
 */
export const ASTRA_TRUST_STATES: VendorValues = { values: ["untrusted", "trusted", "expired"], ...ASTRA_PAGE };

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
    /**
     * Astra's free-form JSON, as sent; present only when Astra sends it. A response in which any
     * object holds Pulumi's signature key (`4dabf18193072939515e22adb298388d`) is refused, so this
     * can never become an asset, an archive, a secret or a resource reference.
     */
    readonly additionalDetails?: unknown;
}

/** A metadata label. */
export interface Label {
    /** The label's name. */
    readonly name: string;
    /** Its value. */
    readonly value: string;
}

const account = (s: Scope): string => s.accountId ?? "";

/**
 * NetApp Astra Control "Retrieve a certificate", `GET /accounts/{account_id}/core/v1/certificates/{certificate_id}`:
 * NetApp publishes no SDK with a name for it, so messages use the title of its API reference page.
 */
export const astraCertificate = defineRead({
    token: "astracontrol.Certificate",
    ...SERVICES.astra,
    api: { operation: "Retrieve a certificate", path: "/accounts/{accountId}/core/v1/certificates/{certificateId}", scope: "account", page: "Retrieve a certificate (Astra Control Center API, Certificate resource 24.02)", url: ASTRA_PAGE.url, read: ASTRA_PAGE.read, accept: "application/astra-certificate+json" },
    args: {
        certificateId: requiredArg(Uuid, "Certificate id (a UUID)."),
        accountId: optionalArg(Uuid, "Account id (a UUID). Default: `astracontrol:accountId`; can also be set with `ASTRA_CONTROL_ACCOUNT_ID`."),
        minValidDays: optionalArg(
            DayCount,
            "Fail the read when the certificate expires in fewer than this many days (its `daysUntilExpiry`): at preview for the functions, at up and refresh for the resource. The error names the certificate, its `notAfter` and the days left.",
            { identifying: false, sdk: { plain: "number", integer: true } },
        ),
        ...astraOverrides(),
    },
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
        ...certificateInsights(certificateToPem(b.cert) ?? "", new Date()),
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
    fields: {
        accountId: field.string("The Astra account the certificate belongs to (the argument, or `astracontrol:accountId`)."),
        certificateId: field.string("The certificate id read; the same value as `id`, under the name the arguments use."),
        id: field.string("The certificate id as Astra returns it (for a resource, also its Pulumi id)."),
        type: field.optionalString("Astra's media type of the resource, e.g. `application/astra-certificate`, when sent."),
        version: field.optionalString("Astra's API version of the resource, e.g. `1.1`, when sent."),
        certUse: field.string(withValues("What the certificate is for.", ASTRA_CERT_USES)),
        cert: field.string("The certificate as Astra stores it: base64 of PEM text or of DER bytes."),
        pem: field.string("The certificate(s) as PEM text, whatever Astra holds; every block is a parsed X.509 certificate."),
        fingerprintSha256: field.string("SHA-256 fingerprint of the (first) certificate, colon-separated upper-case hex, as `openssl x509 -fingerprint -sha256` prints it."),
        fingerprintSha1: field.string("SHA-1 fingerprint, colon-separated upper-case hex."),
        serialNumber: field.string("Serial number, upper-case hex."),
        subject: field.string("Subject distinguished name (RFC 4514), from the certificate itself."),
        issuer: field.string("Issuer distinguished name (RFC 4514)."),
        subjectAltNames: field.of<readonly string[]>("readonly string[]", "Subject alternative names, e.g. `DNS:astra.example.com`, `IP Address:10.0.0.5`; empty when there are none."),
        notBefore: field.string("Start of validity (RFC 3339, UTC), from the certificate."),
        notAfter: field.string("End of validity (RFC 3339, UTC), from the certificate (Astra's `expiryTimestamp` is its own copy)."),
        isCa: field.boolean("Whether the certificate's basic constraints make it a CA."),
        keyAlgorithm: field.string("`RSA`, `RSA-PSS`, `EC`, `Ed25519`, `Ed448` or `DSA`."),
        keySize: field.integer("Key size in bits: the RSA modulus length, or the EC curve's size (256 for P-256)."),
        daysUntilExpiry: field.integer("Whole days from the read to `notAfter`; negative once expired. A resource's value is as of its last read (`pulumi refresh` updates it)."),
        chainPems: field.of<readonly string[]>("readonly string[]", "Every certificate the field holds, as PEM, in order; the insights above describe the first."),
        cn: field.string("The common name Astra reports."),
        expiryTimestamp: field.string("RFC 3339 with up to 9 fraction digits, kept as a string (a JS Date would drop precision)."),
        isSelfSigned: field.boolean("Whether Astra reports the certificate as self-signed (Astra sends the string \"true\"/\"false\")."),
        trustState: field.string(withValues("Whether Astra trusts the certificate.", ASTRA_TRUST_STATES)),
        trustStateDesired: field.optionalString("The trust state asked for, when one was set and differs from the current one."),
        trustStateTransitions: field.of<readonly TrustStateTransition[]>("readonly TrustStateTransition[]", "The trust state changes Astra allows from here."),
        trustStateDetails: field.of<readonly TrustStateDetail[]>("readonly TrustStateDetail[]", "Astra's explanations of the trust state; empty when there are none."),
        labels: field.of<readonly Label[]>("readonly Label[]", "Metadata labels."),
        creationTimestamp: field.string("When the certificate was added (RFC 3339)."),
        modificationTimestamp: field.string("When it last changed (RFC 3339)."),
        createdBy: field.string("The user or service that added it."),
        modifiedBy: field.optionalString("The user or service that last changed it, when Astra says."),
    },
    warnings: (b, r) => {
        const found: string[] = [];
        const cn = commonName(r.pem);
        if (cn !== undefined && cn !== b.cn) found.push(`certificate ${b.id}: Astra reports cn ${JSON.stringify(b.cn)}, but the certificate's subject CN is ${JSON.stringify(cn)}; the outputs from the certificate (subject, notAfter...) are the certificate's`);
        if (Math.floor(Date.parse(b.expiryTimestamp) / 1000) !== Math.floor(Date.parse(r.notAfter) / 1000)) {
            found.push(`certificate ${b.id}: Astra reports expiryTimestamp ${b.expiryTimestamp}, but the certificate's notAfter is ${r.notAfter}`);
        }
        return found;
    },
    gate: (r, a) =>
        a.minValidDays !== undefined && r.daysUntilExpiry < a.minValidDays
            ? `certificate ${r.certificateId} (subject ${r.subject}) ${r.daysUntilExpiry < 0 ? `expired ${-r.daysUntilExpiry} day(s) ago` : `has ${r.daysUntilExpiry} day(s) left`}: notAfter ${r.notAfter}, and minValidDays asks for at least ${a.minValidDays}`
            : undefined,
    values: { certUse: ASTRA_CERT_USES, trustState: ASTRA_TRUST_STATES },
    // The resource's own `id` output is the certificate id, which the body's `id` field repeats.
    id: ["certificateId"],
    docs: {
        summary: "a trusted certificate stored in NetApp Astra Control Center",
        details: "The resource's `id` is the certificate id. `pem` is the certificate as PEM text whether Astra holds PEM or DER, ready for a trust store.",
        example: { name: "vcenter-ca", output: "pem" },
    },
    examples: { args: { certificateId: "a26cbed4-2183-58ce-aa19-e37ca8b0531a", accountId: "3b5e2f0a-7c1d-4e8f-9a6b-000000000001" }, missing: { certificateId: "00000000-0000-4000-8000-00000000dead", accountId: "3b5e2f0a-7c1d-4e8f-9a6b-000000000001" } },
    publicTypes: ["TrustStateTransition", "TrustStateDetail", "Label"],
});

/** The Astra certificate read's result. */
export type CertificateResult = ReturnType<typeof astraCertificate.result>;
