import * as t from "io-ts";
import { nonEmptyString, secretString, shownString, strictObject, wholeNumber } from "../fixture-codec";
import { fixtureCollection } from "../fixture-collection";
import type { RomaInstance, RomaProduct } from "../fixture-types";
import { integerParam, pageSize } from "../paging";
import { jsonResponse, HUAWEI_JSON } from "../responses";
import type { EmulatorResponse, RequestContext, RouteParams, SuccessSample } from "../types";
import { huaweiErrorEntry, romaError, romaInstanceMissing } from "../vendor-errors";
import { huaweiService } from "./huawei-service";
import { hasProject } from "./iam";
import { projectScopeError } from "./project-scope";

/**
 * ROMA Connect product ids are Integers up to 99999999999999999 (17 digits), above
 * 2^53: they are compared as BigInt, never through Number, so "99999999999999999"
 * cannot match its rounded neighbour 100000000000000000.
 */
const PRODUCT_ID = /^[0-9]{1,17}$/;

/** ROMA's documented maximum length of a product description. */
const MAX_ROMA_DESCRIPTION = 200;

/** ROMA Connect instances; `isDefault` marks the one the literal `default` stands for. */
const instances = fixtureCollection<RomaInstance>(
  "huawei.roma.instances",
  strictObject("a ROMA instance", { projectId: nonEmptyString, instanceId: nonEmptyString }, { isDefault: t.boolean }),
  { unreachable: (i, data) => (hasProject(data, i.projectId) ? undefined : { field: "projectId", problem: "names no project in huawei.projects (every read would be 403)" }) },
);

/** ROMA Connect products: ListProducts lists them, the authentication route serves their credentials. */
const products = fixtureCollection<RomaProduct>(
  "huawei.roma.products",
  strictObject(
    "a ROMA product",
    // Product ids are 0 to 99999999999999999, kept as digit strings (above 2^53).
    { projectId: nonEmptyString, instanceId: nonEmptyString, productId: shownString("a string of 1 to 17 digits", (s) => PRODUCT_ID.test(s)), userName: nonEmptyString, password: secretString },
    {
      name: nonEmptyString,
      productSerial: nonEmptyString,
      manufacturerName: t.string,
      model: t.string,
      description: shownString(`a string of at most ${MAX_ROMA_DESCRIPTION} characters`, (s) => s.length <= MAX_ROMA_DESCRIPTION),
      productType: wholeNumber("0 (a common product) or 1 (a gateway)", 0, 1) as unknown as t.Type<0 | 1, 0 | 1, unknown>,
      protocolType: wholeNumber("a whole number from 0 to 10", 0, 10),
      deviceType: nonEmptyString,
    },
  ),
  {
    unique: { field: "productId", key: (p) => `${p.projectId}/${p.instanceId}/${BigInt(p.productId)}` },
    unreachable: (p, data) =>
      data.huawei.roma.instances.some((i) => i.projectId === p.projectId && i.instanceId === p.instanceId)
        ? undefined
        : { field: "instanceId", problem: `names no instance of project ${p.projectId} in huawei.roma.instances` },
  },
);

/** The literal project or instance id that ROMA 20.0 compatibility allows. */
const DEFAULT_SEGMENT = "default";

function defaultInstance(ctx: RequestContext, projectId?: string) {
  const candidates = instances.in(ctx.data).filter((i) => projectId === undefined || i.projectId === projectId);
  return candidates.find((i) => i.isDefault) ?? candidates[0];
}

function resolveProject(ctx: RequestContext, projectId: string): string | undefined {
  return projectId === DEFAULT_SEGMENT ? defaultInstance(ctx)?.projectId : projectId;
}

function resolveInstance(ctx: RequestContext, projectId: string, instanceId: string) {
  if (instanceId === DEFAULT_SEGMENT) return defaultInstance(ctx, projectId);
  return instances.in(ctx.data).find((i) => i.projectId === projectId && i.instanceId === instanceId);
}

function findProduct(ctx: RequestContext, projectId: string, instanceId: string, productId: string) {
  if (!PRODUCT_ID.test(productId)) return undefined;
  const wanted = BigInt(productId);
  return products.in(ctx.data).find(
    (p) => p.projectId === projectId && p.instanceId === instanceId && PRODUCT_ID.test(p.productId) && BigInt(p.productId) === wanted,
  );
}

/** ListProducts' documented `limit` (0 to 999999, default 10; more than 999 answers 999) and `offset` (0 to 999999, default 0). */
const LIST_LIMIT = { min: 0, max: 999_999, default: 10, served: 999 } as const;
const LIST_OFFSET = { min: 0, max: 999_999, default: 0 } as const;

/** Values ListProducts shows that the fixture format does not carry: the same for every product. */
const LISTED_DEFAULTS = {
  app_id: "emulator-app-0001",
  app_name: "emulator-app",
  manufacturer_id: "emulator-manufacturer-0001",
  version: "1.0",
  status: 0,
  created_datetime: 1764316800000,
  last_updated_datetime: 1764316800000,
} as const;

/** A ListProducts item without its `id` (which is written by hand: it may exceed 2^53). Never the password or user name. */
function listedFields(product: RomaProduct): Record<string, unknown> {
  return {
    name: product.name ?? `product-${product.productId}`,
    product_serial: product.productSerial ?? `emulator-serial-${product.productId}`,
    app_id: LISTED_DEFAULTS.app_id,
    app_name: LISTED_DEFAULTS.app_name,
    manufacturer_id: LISTED_DEFAULTS.manufacturer_id,
    manufacturer_name: product.manufacturerName ?? "emulator-manufacturer",
    model: product.model ?? "emulator-model",
    product_type: product.productType ?? 0,
    description: product.description ?? "",
    protocol_type: product.protocolType ?? 0,
    device_type: product.deviceType ?? "Default",
    version: LISTED_DEFAULTS.version,
    status: LISTED_DEFAULTS.status,
    created_datetime: LISTED_DEFAULTS.created_datetime,
    last_updated_datetime: LISTED_DEFAULTS.last_updated_datetime,
  };
}

/**
 * The JSON text of one ListProducts item. `id` is ROMA's Integer, up to 99999999999999999:
 * JSON.stringify of a Number would round it, so its digits (leading zeros dropped, as a JSON
 * number must) are written as a raw number literal in front of the other fields.
 */
function listedItemText(product: RomaProduct): string {
  const rest = JSON.stringify(listedFields(product));
  return `{"id":${BigInt(product.productId).toString()},${rest.slice(1)}`;
}

/** The products of an instance a ListProducts query matches (`name` a substring, `id` exact as an integer), in fixture order. */
function matchingProducts(ctx: RequestContext, instance: RomaInstance): RomaProduct[] {
  const name = ctx.query.get("name");
  const id = ctx.query.get("id");
  return products.in(ctx.data).filter((p) => {
    if (p.projectId !== instance.projectId || p.instanceId !== instance.instanceId) return false;
    if (name !== null && name !== "" && !(p.name ?? `product-${p.productId}`).includes(name)) return false;
    if (id !== null && id !== "") {
      if (!PRODUCT_ID.test(id) || !PRODUCT_ID.test(p.productId) || BigInt(id) !== BigInt(p.productId)) return false;
    }
    return true;
  });
}

/** ROMA's documented 400 for a bad parameter, in the shape the authentication route's example gives. */
function invalidParameter(ctx: RequestContext, name: string): EmulatorResponse {
  return romaError(
    ctx,
    400,
    "SCB.00000000",
    `Parameter is not valid for operation [romalink.link-product.listProducts]. Parameter is [${name}]. Processor is [query].`,
  );
}

/** The instance the path names after the project checks, or the error response for it (as the authentication route answers). */
function instanceOrError(ctx: RequestContext, params: RouteParams): RomaInstance | EmulatorResponse {
  const forbidden = () => {
    const [code, message] = huaweiErrorEntry("roma", 403);
    return romaError(ctx, 403, code, message);
  };
  const projectId = resolveProject(ctx, params.project_id);
  if (projectId === undefined) return forbidden();
  const scopeError = projectScopeError(ctx, projectId, forbidden);
  if (scopeError) return scopeError;
  const instance = resolveInstance(ctx, projectId, params.instance_id);
  return instance ?? romaInstanceMissing(ctx, projectId, params.instance_id);
}

/**
 * ListProducts: `{total, size, items}`. `total` counts every matching product, `size` the items
 * of this page: from `offset`, at most `limit` (999 when more is asked; also at most the
 * emulator's `maxPageSize`). A `limit` or `offset` that is not a whole number from 0 to 999999
 * is the documented 400 `SCB.00000000` naming it. Other documented filters are accepted and ignored.
 */
function listProducts(ctx: RequestContext, params: RouteParams): EmulatorResponse {
  const limit = integerParam(ctx, "limit", LIST_LIMIT.min, LIST_LIMIT.max);
  if (limit.kind === "invalid") return invalidParameter(ctx, "limit");
  const offset = integerParam(ctx, "offset", LIST_OFFSET.min, LIST_OFFSET.max);
  if (offset.kind === "invalid") return invalidParameter(ctx, "offset");
  const instance = instanceOrError(ctx, params);
  if ("status" in instance) return instance;
  const products = matchingProducts(ctx, instance);
  const start = offset.kind === "value" ? offset.value : LIST_OFFSET.default;
  const asked = Math.min(limit.kind === "value" ? limit.value : LIST_LIMIT.default, LIST_LIMIT.served);
  const page = products.slice(start, start + pageSize(ctx, asked));
  const body = `{"total":${products.length},"size":${page.length},"items":[${page.map(listedItemText).join(",")}]}`;
  return { status: 200, headers: { "Content-Type": HUAWEI_JSON }, body };
}

/**
 * ROMA Connect LINK: `GET /v2/{project_id}/link/instances/{instance_id}/products` (ListProducts) and
 * `GET /v2/{project_id}/link/instances/{instance_id}/products/{product_id}/authentication`.
 * Errors in the documented order of checks: a malformed product id is 400
 * `SCB.00000000`, an unknown instance the documented (non-transient) 500
 * `ROMA.00110002`, an unknown product 404 `ROMA.00110006`.
 */
export const romaService = huaweiService(
  "roma",
  [
    {
      method: "GET",
      pattern: ["v2", ":project_id", "link", "instances", ":instance_id", "products"],
      handle: (ctx, params) => listProducts(ctx, params),
      sample(ctx: RequestContext, params: RouteParams): SuccessSample {
        // Damaged bodies are written with JSON.stringify, so here `id` is the digit string.
        const projectId = resolveProject(ctx, params.project_id ?? "") ?? "";
        const instance = resolveInstance(ctx, projectId, params.instance_id ?? "") ?? defaultInstance(ctx);
        const products = instance ? matchingProducts(ctx, instance) : [];
        const items = products.slice(0, LIST_LIMIT.default).map((p) => ({ id: p.productId, ...listedFields(p) }));
        return { contentType: HUAWEI_JSON, body: { total: products.length, size: items.length, items }, required: ["total", "items"] };
      },
    },
    {
      method: "GET",
      pattern: ["v2", ":project_id", "link", "instances", ":instance_id", "products", ":product_id", "authentication"],
      handle(ctx, params) {
        if (!PRODUCT_ID.test(params.product_id)) {
          const [code, message] = huaweiErrorEntry("roma", 400);
          return romaError(ctx, 400, code, message);
        }
        const instance = instanceOrError(ctx, params);
        if (!("instanceId" in instance)) return instance;
        const projectId = instance.projectId;
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
  [instances, products],
);
