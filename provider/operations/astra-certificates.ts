import * as t from "io-ts";
import { NameText, StateName, Uuid } from "../core/input-codecs";
import { ASTRA_CERT_USES, ASTRA_TRUST_STATES, astraCertificate, CertificateBody, type CertificateResult } from "./astra-certificate";
import { defineRead, field, optionalArg } from "./describe";
import type { Scope } from "./operation";
import { astraOverrides, SERVICES } from "./services";
import { withValues } from "./vendor-values";

/** One page of "List all certificates": full certificate resources (no `include`), and the token of the next page. */
const CertificatePage = t.intersection([
    t.type({ items: t.array(CertificateBody) }),
    t.partial({ type: t.string, version: t.string, metadata: t.partial({ continue: t.string, count: t.number }) }),
], "CertificateListBody");
type CertificatePage = t.TypeOf<typeof CertificatePage>;

/** The certificates of one account that a look-up's filters keep. */
function matching(items: readonly CertificateBody[], a: { cn?: string; certUse?: string; trustState?: string }): readonly CertificateBody[] {
    return items.filter((c) => (a.cn === undefined || c.cn === a.cn) && (a.certUse === undefined || c.certUse === a.certUse) && (a.trustState === undefined || c.trustState === a.trustState));
}

const itemOf = (b: CertificateBody, s: Scope, accountId: string | undefined): CertificateResult =>
    astraCertificate.result(b, { certificateId: b.id, ...(accountId !== undefined ? { accountId } : {}) }, s);

/** Astra Control "List all certificates", every page, filtered by `cn`, `certUse` and `trustState`. */
export const astraCertificates = defineRead({
    token: "astracontrol.Certificates",
    ...SERVICES.astra,
    api: {
        operation: "List all certificates",
        path: "/accounts/{accountId}/core/v1/certificates",
        scope: "account",
        page: "List all certificates (Astra Control Center API)",
        url: "https://docs.netapp.com/us-en/astra-automation/reference/get-accounts-core-v1-certificates.html",
        read: "2026-12-07",
        accept: "application/astra-certificates+json",
    },
    args: {
        accountId: optionalArg(Uuid, "Account id (a UUID). Default: `astracontrol:accountId`; can also be set with `ASTRA_CONTROL_ACCOUNT_ID`."),
        cn: optionalArg(NameText(255), "Keep only certificates whose Astra `cn` is exactly this."),
        certUse: optionalArg(StateName, withValues("Keep only certificates with exactly this `certUse`.", ASTRA_CERT_USES)),
        trustState: optionalArg(StateName, withValues("Keep only certificates in exactly this `trustState`.", ASTRA_TRUST_STATES)),
        ...astraOverrides(),
    },
    response: CertificatePage,
    paging: {
        first: () => ({ limit: "100" }),
        next: (page) => (page.metadata?.continue ? { limit: "100", continue: page.metadata.continue } : undefined),
        items: (page) => page.items,
        merge: (pages) => ({ items: pages.flatMap((p) => p.items) }),
        maxItems: 2000,
        noun: "certificates",
        narrowBy: ["cn", "certUse", "trustState"],
    },
    result: (b, a, s) => ({
        accountId: s.accountId ?? "",
        certificates: matching(b.items, a).map((c) => itemOf(c, s, a.accountId)),
    }),
    warnings: (b, r) => matching(b.items, {}).flatMap((c) => {
        const item = r.certificates.find((x) => x.id === c.id);
        return item ? astraCertificate.warnings?.(c, item) ?? [] : [];
    }),
    fields: {
        accountId: field.string("The Astra account listed (the argument, or `astracontrol:accountId`)."),
        certificates: field.of<readonly CertificateResult[]>(
            "readonly GetCertificateResult[]",
            "Every certificate of the account that the filters keep, in Astra's order, each with every field `getCertificate` returns (insights included); empty when none matches.",
        ),
    },
    values: { certUse: ASTRA_CERT_USES, trustState: ASTRA_TRUST_STATES, "certificates.certUse": ASTRA_CERT_USES, "certificates.trustState": ASTRA_TRUST_STATES },
    id: [],
    resource: false,
    docs: {
        summary: "the certificates of a NetApp Astra Control Center account (trusted CAs and others), looked up by `cn`, `certUse` or `trustState`",
        details: "Every page of the list is followed (up to 2,000 certificates; past that the read fails, asking to narrow it). The filters match exactly, here rather than at Astra.",
        example: { name: "root-cas", output: "certificates" },
    },
    examples: {
        args: { accountId: "3b5e2f0a-7c1d-4e8f-9a6b-000000000001", certUse: "rootCA" },
        missing: { accountId: "3b5e2f0a-7c1d-4e8f-9a6b-000000000001", cn: "no-such-certificate.example.com" },
    },
    sdkImports: [{ from: "./getCertificate", names: ["GetCertificateResult"] }],
});
