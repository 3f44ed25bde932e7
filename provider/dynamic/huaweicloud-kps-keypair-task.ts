import { providerFor } from "./provider-for";

/** Dynamic provider of `huaweicloud.kps.KeypairTask`; old state requires this path, so it is stable API. */
export = providerFor("huaweicloud.kps.KeypairTask");
