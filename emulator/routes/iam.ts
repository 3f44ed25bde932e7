import { nonEmptyString, secretString, strictObject } from "../fixture-codec";
import { fixtureCollection } from "../fixture-collection";
import type { HuaweiCredential, HuaweiDomain, HuaweiProject } from "../fixture-types";
import { jsonResponse, HUAWEI_JSON } from "../responses";
import type { RequestContext, SuccessSample } from "../types";
import { huaweiService } from "./huawei-service";

/** Accepted `X-Auth-Token` values. */
const tokens = fixtureCollection<string>("huawei.tokens", secretString);
/** Accepted AK/SK pairs (every Huawei service authenticates with them). */
const credentials = fixtureCollection<HuaweiCredential>(
  "huawei.credentials",
  strictObject("a Huawei AK/SK credential", { accessKey: nonEmptyString, secretKey: secretString }, { securityToken: secretString }),
  { unique: { field: "accessKey", key: (c) => c.accessKey } },
);
const domains = fixtureCollection<HuaweiDomain>("huawei.domains", strictObject("a Huawei domain", { id: nonEmptyString, name: nonEmptyString }, {}));
const projects = fixtureCollection<HuaweiProject>(
  "huawei.projects",
  strictObject("a Huawei project", { id: nonEmptyString, name: nonEmptyString, domainId: nonEmptyString }, {}),
  {
    unique: { field: "id", key: (p) => p.id },
    unreachable: (p, data) => (data.huawei.domains.some((d) => d.id === p.domainId) ? undefined : { field: "domainId", problem: "names no domain in huawei.domains" }),
  },
);

function projectsBody(ctx: RequestContext) {
  const name = ctx.query.get("name");
  const queryAt = ctx.target.indexOf("?");
  const query = queryAt < 0 ? "" : ctx.target.slice(queryAt);
  return {
    projects: ctx.data.huawei.projects
      .filter((p) => name === null || p.name === name)
      .map((p) => ({
        id: p.id,
        name: p.name,
        domain_id: p.domainId,
        enabled: true,
        description: "",
        // IAM reports the account (domain) as the parent of a region's built-in project.
        parent_id: p.domainId,
        is_domain: false,
        links: { self: `${ctx.endpoint}/v3/projects/${p.id}` },
      })),
    links: { self: `${ctx.endpoint}/v3/projects${query}`, next: null, previous: null },
  };
}

function domainsBody(ctx: RequestContext) {
  return {
    domains: ctx.data.huawei.domains.map((d) => ({
      id: d.id,
      name: d.name,
      enabled: true,
      description: "",
      links: { self: `${ctx.endpoint}/v3/domains/${d.id}` },
    })),
  };
}

/**
 * IAM, for the two look-ups a client needs: the project id of a region
 * (`GET /v3/projects?name={region}`, an empty list for an unknown region) and the
 * account id (`GET /v3/auth/domains`). IAM is global and is how a client finds its
 * domain id, so AK/SK requests need no extra signed header here.
 */
export const iamService = huaweiService(
  "iam",
  [
    {
      method: "GET",
      pattern: ["v3", "projects"],
      handle: (ctx) => jsonResponse(200, projectsBody(ctx)),
      sample: (ctx): SuccessSample => ({ contentType: HUAWEI_JSON, body: projectsBody(ctx), required: ["projects"] }),
    },
    {
      method: "GET",
      pattern: ["v3", "auth", "domains"],
      handle: (ctx) => jsonResponse(200, domainsBody(ctx)),
      sample: (ctx): SuccessSample => ({ contentType: HUAWEI_JSON, body: domainsBody(ctx), required: ["domains"] }),
    },
  ],
  [],
  [tokens, credentials, domains, projects],
);

/** Whether a Huawei project of the fixtures has `id` (records of other services name one). */
export const hasProject = (data: { huawei: { projects: readonly { id: string }[] } }, id: string): boolean => data.huawei.projects.some((p) => p.id === id);
