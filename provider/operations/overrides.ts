import * as t from "io-ts";
import { BaseUrl, Region } from "../core/input-codecs";

/** Per-call connection overrides every Huawei read takes. */
export const HuaweiOverrides = t.partial({ region: Region, endpoint: BaseUrl });
export type HuaweiOverrides = t.TypeOf<typeof HuaweiOverrides>;

/** Per-call connection override every Astra read takes. */
export const AstraOverrides = t.partial({ url: BaseUrl });
export type AstraOverrides = t.TypeOf<typeof AstraOverrides>;

/** Names of the override arguments, for unknown-property checks. */
export const HUAWEI_OVERRIDE_NAMES = ["region", "endpoint"] as const;
export const ASTRA_OVERRIDE_NAMES = ["url"] as const;
