import * as t from "io-ts";
import { idSegment, NameText } from "../core/input-codecs";
import { defineRead, field, optionalArg, requiredArg } from "./describe";
import { huaweiOverrides, offsetPaging, SERVICES } from "./services";
import type { VendorValues } from "./vendor-values";

const ROMA_PRODUCT_MODEL = {
    page: "Querying Products",
    url: "https://support.huaweicloud.com/intl/en-us/api-roma/ListProducts.html",
    read: "2026-12-07",
    note: "The page's copy could not be read here: the values are those of Huawei's SDK models of a ROMA product (`huaweicloud-sdk-go-v3` `roma/v2/model`, `Product`), generated from the same API definition.",
} as const;

/**
 * A ROMA product's `product_type`: 0 a common product (no sub-devices), 1 a gateway.
 *
 * @example
 * ```ts
 * ROMA_PRODUCT_TYPES.values; // ["0", "1"]
 * ```
 */
export const ROMA_PRODUCT_TYPES: VendorValues = { values: ["0", "1"], ...ROMA_PRODUCT_MODEL };

/**
 * A ROMA product's `protocol_type`: 0 MQTT, 2 Modbus, 4 OPC UA.
 *
 * @example
 * ```ts
 * ROMA_PROTOCOL_TYPES.values; // ["0", "2", "4"]
 * ```
 */
export const ROMA_PROTOCOL_TYPES: VendorValues = { values: ["0", "2", "4"], ...ROMA_PRODUCT_MODEL };

/** A product id as ROMA sends it: an Integer up to 17 digits, which arrives as a digit string when above 15 digits. */
const ProductIdValue = new t.Type<string, string, unknown>(
    "a whole number (the product id)",
    (u): u is string => typeof u === "string" && /^[0-9]{1,20}$/.test(u),
    (u, c) => (typeof u === "string" && /^[0-9]{1,20}$/.test(u) ? t.success(u) : typeof u === "number" && Number.isSafeInteger(u) && u >= 0 ? t.success(String(u)) : t.failure(u, c)),
    t.identity,
);

/** A small integer ROMA may also send as a digit string (its SDK accepts both). */
const SmallInt = new t.Type<number, number, unknown>(
    "a whole number (or its digits as a string)",
    (u): u is number => typeof u === "number" && Number.isSafeInteger(u),
    (u, c) => (typeof u === "number" && Number.isSafeInteger(u) ? t.success(u) : typeof u === "string" && /^-?[0-9]{1,9}$/.test(u) ? t.success(Number(u)) : t.failure(u, c)),
    t.identity,
);

const ProductItem = t.intersection([
    t.type({ id: ProductIdValue }),
    t.partial({
        name: t.string,
        product_serial: t.string,
        app_id: t.string,
        app_name: t.string,
        manufacturer_id: t.string,
        manufacturer_name: t.string,
        model: t.string,
        product_type: SmallInt,
        protocol_type: SmallInt,
        device_type: t.string,
        description: t.string,
        version: t.string,
        status: SmallInt,
    }),
], "Product");
type ProductItem = t.TypeOf<typeof ProductItem>;

/** One page of `ListProducts`: `total` is every match, whatever the page. */
export const ProductPage = t.intersection([t.type({ items: t.array(ProductItem, "Array<Product>") }), t.partial({ total: t.number, size: t.number })], "ProductListBody");
/** Decoded pages of `ListProducts`, merged. */
export type ProductPage = t.TypeOf<typeof ProductPage>;

/**
 * One ROMA Connect product, as `getProducts` lists it (no credential: `getProductAuthentication` reads those).
 *
 * @example
 * ```ts
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const { products } = await huaweicloud.roma.getProducts({ instanceId: "default", name: "meter-gateway" });
 * const gateway: huaweicloud.roma.Product | undefined = products[0];
 * ```
 */
export interface Product {
    /** The product id as a digit string, exact (it may exceed 2^53): what `productId` takes. */
    readonly productId: string;
    /** The product name, unique in the instance by ROMA's rules. */
    readonly name: string;
    /** The product's serial, which marks it in MQS topics; empty when not sent. */
    readonly productSerial: string;
    /** The integration application's id. */
    readonly appId: string;
    /** The integration application's name. */
    readonly appName: string;
    /** The manufacturer's id. */
    readonly manufacturerId: string;
    /** The manufacturer's name. */
    readonly manufacturerName: string;
    /** The product model. */
    readonly model: string;
    /** 0: a common product (no sub-devices), 1: a gateway, in the documented values; undefined when not sent. @integer */
    readonly productType?: number;
    /** 0: MQTT, 2: Modbus, 4: OPC UA, in the documented values (others pass through); undefined when not sent. @integer */
    readonly protocolType?: number;
    /** The device type, `Default` unless set. */
    readonly deviceType: string;
    /** The description (at most 200 characters). */
    readonly description: string;
    /** The product version. */
    readonly version: string;
    /** The product's status code, when sent. @integer */
    readonly status?: number;
}

const opt = <K extends string>(k: K, v: number | undefined): { [P in K]?: number } => (v === undefined ? {} : ({ [k]: v } as { [P in K]?: number }));

function productOf(p: ProductItem): Product {
    return {
        productId: p.id,
        name: p.name ?? "",
        productSerial: p.product_serial ?? "",
        appId: p.app_id ?? "",
        appName: p.app_name ?? "",
        manufacturerId: p.manufacturer_id ?? "",
        manufacturerName: p.manufacturer_name ?? "",
        model: p.model ?? "",
        ...opt("productType", p.product_type),
        ...opt("protocolType", p.protocol_type),
        deviceType: p.device_type ?? "",
        description: p.description ?? "",
        version: p.version ?? "",
        ...opt("status", p.status),
    };
}

/** Huawei Cloud ROMA Connect `ListProducts`, every page, narrowed by `name`. */
export const romaProducts = defineRead({
    token: "huaweicloud.roma.Products",
    ...SERVICES.roma,
    api: {
        operation: "ListProducts",
        path: "/v2/{projectId}/link/instances/{instanceId}/products",
        scope: "project",
        page: "Querying Products",
        url: "https://support.huaweicloud.com/intl/en-us/api-roma/ListProducts.html",
        read: ROMA_PRODUCT_MODEL.read,
        exactIntegers: true,
    },
    args: {
        instanceId: requiredArg(idSegment(1, 36, "or the literal default"), "ROMA Connect instance id (up to 36 characters, or `default`)."),
        name: optionalArg(NameText(64), "Keep only products with exactly this name (ROMA narrows the list by it; the match here is exact)."),
        projectId: optionalArg(
            idSegment(1, 32, "or the literal default"),
            "Project id (up to 32 characters, or `default`). Default: `huaweicloud:projectId`; can also be set with `HW_PROJECT_ID`; with AK/SK, looked up from IAM for the region.",
        ),
        ...huaweiOverrides("roma", "ROMA Connect"),
    },
    response: ProductPage,
    // ROMA returns at most 999 per page, whatever `limit` asks; its `offset` counts products.
    paging: offsetPaging(ProductPage, { key: "items", totalKey: "total", pageSize: 999, filters: { name: "name" }, maxItems: 5000, noun: "products" }),
    result: (b, a, s) => ({
        projectId: s.projectId ?? "",
        instanceId: a.instanceId,
        products: b.items.filter((p) => a.name === undefined || p.name === a.name).map(productOf),
    }),
    fields: {
        projectId: field.string("The project of the ROMA Connect instance (the argument, `huaweicloud:projectId`, or the IAM look-up)."),
        instanceId: field.string("The instance listed (or `default`)."),
        products: field.of<readonly Product[]>("readonly Product[]", "Every product of the instance that the filter keeps, in ROMA's order; empty when none matches."),
    },
    values: { "products.productType": ROMA_PRODUCT_TYPES, "products.protocolType": ROMA_PROTOCOL_TYPES },
    id: [],
    resource: false,
    docs: {
        summary: "the products of a Huawei Cloud ROMA Connect instance, looked up by `name`",
        details: "Every page is followed (up to 5,000 products; past that the read fails, asking to narrow it). Ids above 2^53 stay exact, as digit strings. `getProductAuthentication` also takes `productName` and does this look-up itself.",
        example: { name: "meter-products", output: "products" },
    },
    examples: {
        args: { instanceId: "7c3e0e8a-0000-4000-8000-000000000001", name: "meter-gateway", projectId: "0123456789abcdef0123456789abcdef" },
        missing: { instanceId: "7c3e0e8a-0000-4000-8000-000000000001", name: "no-such-product", projectId: "0123456789abcdef0123456789abcdef" },
    },
    publicTypes: ["Product"],
});
