import type { Vendor } from "../core/connection";
import type { Vendor as VendorName } from "../operations/operation";
import { astracontrol } from "./astracontrol";
import { huaweicloud } from "./huaweicloud";

/** The adapter for a vendor. */
export function vendorFor(name: VendorName): Vendor {
    return name === "huaweicloud" ? huaweicloud : astracontrol;
}
