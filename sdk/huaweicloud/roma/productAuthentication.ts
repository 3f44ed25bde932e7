import * as pulumi from "@pulumi/pulumi";
import provider = require("../../../provider/dynamic/huaweicloud-roma-product-authentication");
import { romaProductAuthentication } from "../../../provider/operations/roma-product-authentication";
import { resourceOptions, resourceProps, TYPE_MODULE } from "../../internal/program";
import type { ProductIdInput } from "./product-id";

/**
 * Arguments of {@link ProductAuthentication}.
 *
 * @example
 * ```ts
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const args: huaweicloud.roma.ProductAuthenticationArgs = { instanceId: "default", productId: "99999999999999999" };
 * ```
 */
export interface ProductAuthenticationArgs<P extends pulumi.Input<string | number> = pulumi.Input<string | number>> {
    /** ROMA Connect instance id (up to 36 characters, or `default`). Changing it replaces the resource. */
    readonly instanceId: pulumi.Input<string>;
    /** Product id, 0 to 99999999999999999: pass a digit string above 2^53-1 (a number literal above it is a compile-time error). Changing it replaces the resource. */
    readonly productId: ProductIdInput<P>;
    /** Project id (up to 32 characters, or `default`). Default: `huaweicloud:projectId`; can also be set with `HW_PROJECT_ID`; with AK/SK, looked up from IAM. */
    readonly projectId?: pulumi.Input<string>;
    /** Region. Default: `huaweicloud:region`; can also be set with `HW_REGION_NAME`. */
    readonly region?: pulumi.Input<string>;
    /** Base URL of ROMA Connect. Default: `huaweicloud:endpoints.roma`, else `https://roma.{region}.{cloud}`. */
    readonly endpoint?: pulumi.Input<string>;
}

/**
 * A ROMA Connect product's one-model-one-secret device credentials
 * (`GET /v2/{project_id}/link/instances/{instance_id}/products/{product_id}/authentication`).
 * Read-only; `password` is stored and shown as a secret.
 *
 * ## Example Usage
 * ```ts
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const auth = new huaweicloud.roma.ProductAuthentication("device-auth", {
 *     instanceId: "f3bb386a-23ec-47aa-9943-4c60ac658611",
 *     productId: "99999999999999999",
 * });
 * export const userName = auth.userName;
 * ```
 *
 * @typeParam P - inferred from `productId`; it only serves the compile-time refusal of a number literal above 2^53-1.
 */
export class ProductAuthentication<P extends pulumi.Input<string | number> = pulumi.Input<string | number>> extends pulumi.dynamic.Resource {
    /** The project id read from. */
    declare readonly projectId: pulumi.Output<string>;
    /** The instance id. */
    declare readonly instanceId: pulumi.Output<string>;
    /** The product id, as a digit string. */
    declare readonly productId: pulumi.Output<string>;
    /** The device user name. */
    declare readonly userName: pulumi.Output<string>;
    /** The device password (secret). */
    declare readonly password: pulumi.Output<string>;
    /** The region override, when given. */
    declare readonly region: pulumi.Output<string | undefined>;
    /** The endpoint override, when given. */
    declare readonly endpoint: pulumi.Output<string | undefined>;

    /**
     * Reads an existing object into the stack by its resource id, `{projectId}/{instanceId}/{productId}`, as Pulumi's
     * `get` does: nothing is declared but the id, and the arguments are taken from it.
     *
     * @example
     * ```ts
     * import { huaweicloud } from "pulumi-cloudreads";
     *
     * const existing = huaweicloud.roma.ProductAuthentication.get("device-auth", "0123456789abcdef0123456789abcdef/7c3e0e8a-0000-4000-8000-000000000001/99999999999999999");
     * ```
     */
    static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): ProductAuthentication {
        // No arguments: the provider's read takes them from the id.
        return new ProductAuthentication(name, {} as ProductAuthenticationArgs, { ...opts, id });
    }

    /**
     * @param name The unique name of the resource.
     * @param args The product to read; `P` is inferred from `productId`, so that a number literal above 2^53-1 is a compile-time error.
     * @param opts Resource options; `password` is added to `additionalSecretOutputs`.
     */
    constructor(name: string, args: ProductAuthenticationArgs<P>, opts?: pulumi.CustomResourceOptions) {
        super(provider, name, resourceProps(romaProductAuthentication, args), resourceOptions(romaProductAuthentication, opts), TYPE_MODULE, romaProductAuthentication.token);
    }
}
