import { providerFor } from "./provider-for";

/** Dynamic provider of `astracontrol.Certificate`; old state requires this path, so it is stable API. */
export = providerFor("astracontrol.Certificate");
