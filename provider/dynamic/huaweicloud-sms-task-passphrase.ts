import { providerFor } from "./provider-for";

/** Dynamic provider of `huaweicloud.sms.TaskPassphrase`; old state requires this path, so it is stable API. */
export = providerFor("huaweicloud.sms.TaskPassphrase");
