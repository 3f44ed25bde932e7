import { BaseUrl, Region } from "../core/input-codecs";
import { optionalArg } from "./describe";

/**
 * Per-call connection overrides every Huawei read takes: `region` and `endpoint`. A change takes
 * effect at the next read and does not replace the resource.
 */
export function huaweiOverrides(service: string, serviceName: string) {
    return {
        region: optionalArg(Region, "Region (e.g. `cn-north-4`). Default: `huaweicloud:region`; can also be set with `HW_REGION_NAME` (or `OS_REGION_NAME`).", { identifying: false }),
        endpoint: optionalArg(BaseUrl, `Base URL of ${serviceName}, overriding the derived host. Default: \`huaweicloud:endpoints.${service}\`, else derived from the region.`, { identifying: false }),
    };
}

/** The per-call connection override every Astra read takes: `url`. */
export function astraOverrides() {
    return {
        url: optionalArg(
            BaseUrl,
            "Base URL of your Astra Control Center. Default: `astracontrol:url`, else `ASTRA_CONTROL_URL`; one of them is required (the certificate API exists only in Astra Control Center, not at `astra.netapp.io`).",
            { identifying: false },
        ),
    };
}
