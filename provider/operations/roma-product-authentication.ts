import * as t from "io-ts";
import { idSegment, NameText, ProductId } from "../core/input-codecs";
import { defineRead, field, optionalArg, requiredArg } from "./describe";
import { type ProductPage, romaProducts } from "./roma-products";
import { huaweiOverrides, SERVICES } from "./services";

/** Success body of `GET .../products/{product_id}/authentication`. */
const ProductAuthenticationBody = t.type({ user_name: t.string, password: t.string }, "ProductAuthenticationBody");

/** Huawei Cloud ROMA Connect `ShowProductAuthentication`: a product's device user name and password. */
export const romaProductAuthentication = defineRead({
    token: "huaweicloud.roma.ProductAuthentication",
    ...SERVICES.roma,
    api: { operation: "ShowProductAuthentication", path: "/v2/{projectId}/link/instances/{instanceId}/products/{productId}/authentication", scope: "project", page: "Querying Product Authentication Information", read: "2026-12-07" },
    args: {
        instanceId: requiredArg(idSegment(1, 36, "or the literal default"), "ROMA Connect instance id (up to 36 characters, or `default`)."),
        productId: optionalArg(
            ProductId,
            "Product id, 0 to 99999999999999999: pass a digit string above 2^53-1 (a number literal above it is a compile-time error). Give it or `productName`.",
            { sdk: { plain: "ProductIdArgument<P>", input: "ProductIdInput<P>" } },
        ),
        productName: optionalArg(
            NameText(64),
            "Product name, instead of `productId`: the product of exactly this name is found with ROMA's `ListProducts` first. None or several of that name fail the read, listing the candidates' names and ids.",
        ),
        projectId: optionalArg(
            idSegment(1, 32, "or the literal default"),
            "Project id (up to 32 characters, or `default`). Default: `huaweicloud:projectId`; can also be set with `HW_PROJECT_ID`; with AK/SK, looked up from IAM for the region.",
        ),
        ...huaweiOverrides("roma", "ROMA Connect"),
    },
    response: ProductAuthenticationBody,
    oneOf: [["productId", "productName"]],
    byName: {
        arg: "productName",
        into: "productId",
        list: romaProducts,
        // The list takes the same instance, project and connection; not the product arguments.
        listArgs: ({ productId: _id, productName: _name, ...rest }, name) => ({ ...rest, name }),
        // The merged body of romaProducts, decoded by its codec.
        candidates: (body) => (body as ProductPage).items.map((p) => ({ name: p.name ?? "", id: p.id })),
        noun: "product",
    },
    // `productId` is set by then: given, or found by `productName`.
    result: (body, a, s) => ({ projectId: s.projectId ?? "", instanceId: a.instanceId, productId: a.productId ?? "", userName: body.user_name, password: body.password }),
    fields: {
        projectId: field.string("The project of the ROMA Connect instance (the argument, `huaweicloud:projectId`, or the IAM look-up)."),
        instanceId: field.string("The instance id read (or `default`)."),
        productId: field.string("The product id as a digit string, exactly as sent (it may exceed 2^53)."),
        userName: field.string("The device user name of the product's one-model-one-secret authentication."),
        password: field.string("The device password.", { secret: true }),
    },
    id: ["projectId", "instanceId", "productId"],
    docs: {
        summary: "a Huawei Cloud ROMA Connect product's one-model-one-secret device user name and password",
        details: "Feed them to the IoT device configuration.",
        example: { name: "device-auth", output: "password" },
    },
    examples: { args: { instanceId: "7c3e0e8a-0000-4000-8000-000000000001", productId: "99999999999999999", projectId: "0123456789abcdef0123456789abcdef" }, missing: { instanceId: "7c3e0e8a-0000-4000-8000-000000000001", productId: "4242", projectId: "0123456789abcdef0123456789abcdef" } },
    sdkTypeParam: {
        name: "P",
        plain: "string | number",
        input: "pulumi.Input<string | number>",
        doc: "inferred from `productId`: a number literal above 2^53-1 is a compile-time error ({@link ProductIdNumberTooLarge}).",
        imports: { from: "sdk/nodejs/types/product-id", names: ["ProductIdArgument", "ProductIdInput", "ProductIdNumberTooLarge"] },
    },
});

/** The ROMA product authentication read's result. */
export type ProductAuthenticationResult = ReturnType<typeof romaProductAuthentication.result>;
