import { astraProblem } from "../astra-problems";
import { ASTRA_CERTIFICATE_JSON, jsonResponse } from "../responses";
import type { EmulatorResponse, RequestContext, RouteParams, SuccessSample } from "../types";
import type { ServiceDefinition } from "./route";

/** Accept values that admit `application/astra-certificate+json`. */
const ACCEPTABLE_MEDIA_RANGES = new Set([ASTRA_CERTIFICATE_JSON, "application/*", "*/*"]);

/** True when the Accept header is absent or admits the certificate media type. */
export function acceptsCertificate(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === "") return true;
  return accept.split(",").some((range) => {
    const [media, ...params] = range.split(";").map((p) => p.trim().toLowerCase());
    const refused = params.some((p) => /^q=0(\.0*)?$/.test(p));
    return !refused && ACCEPTABLE_MEDIA_RANGES.has(media);
  });
}

function findCertificate(ctx: RequestContext, accountId: string, certificateId: string) {
  return ctx.data.astra.certificates.find((c) => c.accountId === accountId && c.resource.id === certificateId);
}

function problem(ctx: RequestContext, number: number, options: Parameters<typeof astraProblem>[1] = {}): EmulatorResponse {
  return astraProblem(number, { ...options, correlationId: ctx.requestId });
}

/**
 * NetApp Astra Control: `GET /accounts/{account_id}/core/v1/certificates/{certificate_id}`.
 * Checks in order: bearer token present (401 problem 3) and known (401 problem 4),
 * token allowed for the account (403 problem 11), Accept (406), no query parameters
 * (400 problem 5, this operation takes none), then the lookup (404 problem 2).
 */
export const astraService: ServiceDefinition = {
  service: "astra",
  routes: [
    {
      method: "GET",
      pattern: ["accounts", ":account_id", "core", "v1", "certificates", ":certificate_id"],
      handle(ctx, params) {
        if (!acceptsCertificate(ctx.headers["accept"])) {
          return problem(ctx, 906, { detail: `Only ${ASTRA_CERTIFICATE_JSON} can be returned for this resource.` });
        }
        const queryNames = [...new Set(ctx.query.keys())];
        if (queryNames.length > 0) {
          return problem(ctx, 5, { invalidParams: queryNames.map((name) => ({ name, reason: "Unsupported query parameter" })) });
        }
        const certificate = findCertificate(ctx, params.account_id, params.certificate_id);
        if (!certificate) return problem(ctx, 2);
        return jsonResponse(200, certificate.resource, ASTRA_CERTIFICATE_JSON);
      },
      sample(ctx: RequestContext, params: RouteParams): SuccessSample {
        const certificate = findCertificate(ctx, params.account_id ?? "", params.certificate_id ?? "") ?? ctx.data.astra.certificates[0];
        return {
          contentType: ASTRA_CERTIFICATE_JSON,
          body: certificate ? { ...certificate.resource } : {},
          required: ["cert", "cn", "expiryTimestamp", "isSelfSigned"],
        };
      },
    },
  ],
  authenticate(ctx, params) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(ctx.headers["authorization"] ?? "");
    if (!match) return problem(ctx, 3);
    const token = ctx.data.astra.tokens.find((t) => t.token === match[1]);
    if (!token) return problem(ctx, 4);
    if (!token.accounts.includes(params.account_id)) return problem(ctx, 11);
    return undefined;
  },
  notFound: (ctx) => problem(ctx, 1),
  methodNotAllowed: (ctx, allowed) => problem(ctx, 905, { headers: { Allow: allowed.join(", ") } }),
};
