import { providerFor } from "./provider-for";

/** Dynamic provider of `huaweicloud.roma.ProductAuthentication`; old state requires this path, so it is stable API. */
export = providerFor("huaweicloud.roma.ProductAuthentication");
