import { jsonResponse, HUAWEI_JSON } from "../responses";
import type { RequestContext, RouteParams, SuccessSample } from "../types";
import { huaweiErrorEntry, romaError, romaInstanceMissing } from "../vendor-errors";
import { huaweiService } from "./huawei-service";
import { projectScopeError } from "./project-scope";

/**
 * ROMA Connect product ids are Integers up to 99999999999999999 (17 digits), above
 * 2^53: they are compared as BigInt, never through Number, so "99999999999999999"
 * cannot match its rounded neighbour 100000000000000000.
 */
const PRODUCT_ID = /^[0-9]{1,17}$/;

/** The literal project or instance id that ROMA 20.0 compatibility allows. */
const DEFAULT_SEGMENT = "default";

function defaultInstance(ctx: RequestContext, projectId?: string) {
  const candidates = ctx.data.huawei.roma.instances.filter((i) => projectId === undefined || i.projectId === projectId);
  return candidates.find((i) => i.isDefault) ?? candidates[0];
}

function resolveProject(ctx: RequestContext, projectId: string): string | undefined {
  return projectId === DEFAULT_SEGMENT ? defaultInstance(ctx)?.projectId : projectId;
}

function resolveInstance(ctx: RequestContext, projectId: string, instanceId: string) {
  if (instanceId === DEFAULT_SEGMENT) return defaultInstance(ctx, projectId);
  return ctx.data.huawei.roma.instances.find((i) => i.projectId === projectId && i.instanceId === instanceId);
}

function findProduct(ctx: RequestContext, projectId: string, instanceId: string, productId: string) {
  if (!PRODUCT_ID.test(productId)) return undefined;
  const wanted = BigInt(productId);
  return ctx.data.huawei.roma.products.find(
    (p) => p.projectId === projectId && p.instanceId === instanceId && PRODUCT_ID.test(p.productId) && BigInt(p.productId) === wanted,
  );
}

/**
 * ROMA Connect LINK: `GET /v2/{project_id}/link/instances/{instance_id}/products/{product_id}/authentication`.
 * Errors in the documented order of checks: a malformed product id is 400
 * `SCB.00000000`, an unknown instance the documented (non-transient) 500
 * `ROMA.00110002`, an unknown product 404 `ROMA.00110006`.
 */
export const romaService = huaweiService(
  "roma",
  [
    {
      method: "GET",
      pattern: ["v2", ":project_id", "link", "instances", ":instance_id", "products", ":product_id", "authentication"],
      handle(ctx, params) {
        if (!PRODUCT_ID.test(params.product_id)) {
          const [code, message] = huaweiErrorEntry("roma", 400);
          return romaError(ctx, 400, code, message);
        }
        const forbidden = () => {
          const [code, message] = huaweiErrorEntry("roma", 403);
          return romaError(ctx, 403, code, message);
        };
        const projectId = resolveProject(ctx, params.project_id);
        if (projectId === undefined) return forbidden();
        const scopeError = projectScopeError(ctx, projectId, forbidden);
        if (scopeError) return scopeError;
        const instance = resolveInstance(ctx, projectId, params.instance_id);
        if (!instance) return romaInstanceMissing(ctx, projectId, params.instance_id);
        const product = findProduct(ctx, projectId, instance.instanceId, params.product_id);
        if (!product) {
          return romaError(ctx, 404, "ROMA.00110006", `The resource does not exist. Check whether the resource ID ${params.product_id} is correct.`);
        }
        return jsonResponse(200, { user_name: product.userName, password: product.password });
      },
      sample(ctx: RequestContext, params: RouteParams): SuccessSample {
        const projectId = resolveProject(ctx, params.project_id ?? "") ?? "";
        const instance = resolveInstance(ctx, projectId, params.instance_id ?? "");
        const product = instance ? findProduct(ctx, projectId, instance.instanceId, params.product_id ?? "") : undefined;
        return {
          contentType: HUAWEI_JSON,
          body: { user_name: product?.userName ?? "emulatorSampleUser", password: product?.password ?? "Emulator-Sample-0!" },
          required: ["password"],
        };
      },
    },
  ],
  ["x-project-id"],
);
