import * as t from "io-ts";
import { idSegment, ProductId } from "../core/input-codecs";
import { type ReadOperation, type Scope } from "./operation";
import { HUAWEI_OVERRIDE_NAMES, HuaweiOverrides } from "./overrides";

/** Arguments of the ROMA product authentication read. */
export const ProductAuthenticationArgs = t.intersection([
    t.type({ instanceId: idSegment(1, 36, "or the literal default"), productId: ProductId }),
    t.partial({ projectId: idSegment(1, 32, "or the literal default") }),
    HuaweiOverrides,
]);
export type ProductAuthenticationArgs = t.TypeOf<typeof ProductAuthenticationArgs>;

/** Success body of `GET .../products/{product_id}/authentication`. */
export const ProductAuthenticationBody = t.type({ user_name: t.string, password: t.string }, "ProductAuthenticationBody");
export type ProductAuthenticationBody = t.TypeOf<typeof ProductAuthenticationBody>;

/** The ROMA product authentication read's result. */
export interface ProductAuthenticationResult {
    /** The project of the ROMA Connect instance (the argument, `huaweicloud:projectId`, or the IAM look-up). */
    readonly projectId: string;
    /** The instance id read (or `default`). */
    readonly instanceId: string;
    /** The product id as a digit string, exactly as sent (it may exceed 2^53). */
    readonly productId: string;
    /** The device user name of the product's authentication. */
    readonly userName: string;
    /** The device password (secret: resource outputs and getProductAuthenticationOutput keep it secret). */
    readonly password: string;
}

const project = (s: Scope): string => s.projectId ?? "";

/** Huawei Cloud ROMA Connect `ShowProductAuthentication`: a product's device username and password. */
export const romaProductAuthentication: ReadOperation<ProductAuthenticationArgs, ProductAuthenticationBody, ProductAuthenticationResult> = {
    token: "huaweicloud.roma.ProductAuthentication",
    vendor: "huaweicloud",
    service: "roma",
    serviceName: "Huawei Cloud ROMA Connect",
    operation: "ShowProductAuthentication",
    args: ProductAuthenticationArgs,
    argNames: ["instanceId", "productId", "projectId", ...HUAWEI_OVERRIDE_NAMES],
    scope: "project",
    path: (a, s) => ["v2", project(s), "link", "instances", a.instanceId, "products", a.productId, "authentication"],
    accept: "application/json",
    response: ProductAuthenticationBody,
    result: (body, a, s) => ({ projectId: project(s), instanceId: a.instanceId, productId: a.productId, userName: body.user_name, password: body.password }),
    resultNames: ["projectId", "instanceId", "productId", "userName", "password"],
    secretFields: ["password"],
    id: (a, s) => `${project(s)}/${a.instanceId}/${a.productId}`,
    idNames: ["projectId", "instanceId", "productId"],
    idExample: "0123456789abcdef0123456789abcdef/7c3e0e8a-0000-4000-8000-000000000001/1024",
    target: (a, s) => `projectId ${JSON.stringify(project(s))}, instanceId ${JSON.stringify(a.instanceId)}, productId ${a.productId}`,
};
