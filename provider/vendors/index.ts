import { astracontrol } from "./astracontrol";
import { huaweicloud } from "./huaweicloud";
import type { Vendor, VendorName } from "./vendor";

/** Every vendor's adapter, by name: a vendor without one does not compile. */
const VENDORS: { readonly [N in VendorName]: Vendor } = { huaweicloud, astracontrol };

/** The adapter for a vendor. */
export function vendorFor(name: VendorName): Vendor {
    return VENDORS[name];
}
