import * as pulumi from "@pulumi/pulumi";
import { ProductAuthenticationResult, romaProductAuthentication } from "../../../provider/operations/roma-product-authentication";
import { invokeRead, invokeReadOutput } from "../../internal/program";
import type { ProductIdArgument, ProductIdInput, ProductIdNumberTooLarge } from "./product-id";

/**
 * Arguments of {@link getProductAuthentication}.
 *
 * @example
 * ```ts
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const args: huaweicloud.roma.GetProductAuthenticationArgs = { instanceId: "default", productId: 1024 };
 * ```
 */
export interface GetProductAuthenticationArgs<P extends string | number = string | number> {
    /** ROMA Connect instance id (up to 36 characters, or `default`). */
    readonly instanceId: string;
    /** Product id, 0 to 99999999999999999: pass a digit string above 2^53-1 (a number literal above it is a compile-time error). */
    readonly productId: ProductIdArgument<P>;
    /** Project id. Default: `huaweicloud:projectId`; can also be set with `HW_PROJECT_ID`; with AK/SK, looked up from IAM. */
    readonly projectId?: string;
    /** Region. Default: `huaweicloud:region`; can also be set with `HW_REGION_NAME`. */
    readonly region?: string;
    /** Base URL of ROMA Connect. Default: `huaweicloud:endpoints.roma`, else derived. */
    readonly endpoint?: string;
}

/**
 * Arguments of {@link getProductAuthenticationOutput}: as {@link GetProductAuthenticationArgs}, each an Input.
 *
 * @example
 * ```ts
 * import * as pulumi from "@pulumi/pulumi";
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const args: huaweicloud.roma.GetProductAuthenticationOutputArgs = { instanceId: pulumi.output("default"), productId: "99999999999999999" };
 * ```
 */
export interface GetProductAuthenticationOutputArgs<P extends pulumi.Input<string | number> = pulumi.Input<string | number>> {
    readonly instanceId: pulumi.Input<string>;
    readonly productId: ProductIdInput<P>;
    readonly projectId?: pulumi.Input<string>;
    readonly region?: pulumi.Input<string>;
    readonly endpoint?: pulumi.Input<string>;
}

/**
 * Result of {@link getProductAuthentication}.
 *
 * @example
 * ```ts
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const r: huaweicloud.roma.GetProductAuthenticationResult = await huaweicloud.roma.getProductAuthentication({ instanceId: "default", productId: "1024" });
 * ```
 */
export type GetProductAuthenticationResult = ProductAuthenticationResult;

/**
 * Reads a ROMA Connect product's device user name and password in the program process.
 * Returns **plain** values: `password` is not marked secret; prefer
 * {@link getProductAuthenticationOutput}.
 *
 * @typeParam P - inferred from `productId`: a number literal above 2^53-1 is a compile-time error ({@link ProductIdNumberTooLarge}).
 *
 * ## Example Usage
 * ```ts
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const auth = await huaweicloud.roma.getProductAuthentication({ instanceId: "default", productId: "99999999999999999" });
 * ```
 */
export function getProductAuthentication<P extends string | number>(args: GetProductAuthenticationArgs<P>, opts?: pulumi.InvokeOptions): Promise<GetProductAuthenticationResult> {
    return invokeRead<GetProductAuthenticationResult>(romaProductAuthentication, args, opts);
}

/**
 * Reads a ROMA Connect product's device credentials as a secret Output (known during preview).
 * `userName` taken from it is secret too; use `pulumi.unsecret` where it need not be.
 *
 * @typeParam P - inferred from `productId`: a number literal above 2^53-1 is a compile-time error ({@link ProductIdNumberTooLarge}).
 *
 * ## Example Usage
 * ```ts
 * import { huaweicloud } from "pulumi-cloudreads";
 *
 * const auth = huaweicloud.roma.getProductAuthenticationOutput({ instanceId: "default", productId: "99999999999999999" });
 * export const password = auth.password; // [secret]
 * ```
 */
export function getProductAuthenticationOutput<P extends pulumi.Input<string | number>>(args: GetProductAuthenticationOutputArgs<P>, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetProductAuthenticationResult> {
    return invokeReadOutput<GetProductAuthenticationResult>(romaProductAuthentication, args, opts);
}
