/*
 * What reads of one vendor or service share: where they are served, their connection overrides,
 * and the SMS task id argument.
 */
import type * as t from "io-ts";
import { BaseUrl, ConnectionName, idSegment, Region, WaitForCodec } from "../core/input-codecs";
import { type ListPaging, optionalArg, type Query, requiredArg } from "./describe";

/**
 * Per-call connection overrides every Huawei read takes: `region` and `endpoint`. A change takes
 * effect at the next read and does not replace the resource.
 */
export function huaweiOverrides(service: string, serviceName: string) {
    return {
        region: optionalArg(Region, "Region (e.g. `cn-north-4`). Default: `huaweicloud:region`; can also be set with `HW_REGION_NAME` (or `OS_REGION_NAME`)." ),
        endpoint: optionalArg(BaseUrl, `Base URL of ${serviceName}, overriding the derived host. Default: \`huaweicloud:endpoints.${service}\`, else derived from the region.` ),
        connection: connectionArg("huaweicloud"),
    };
}

/** The per-call connection override every Astra read takes: `url`. */
export function astraOverrides() {
    return {
        url: optionalArg(
            BaseUrl,
            "Base URL of your Astra Control Center. Default: `astracontrol:url`, else `ASTRA_CONTROL_URL`; one of them is required (the certificate API exists only in Astra Control Center, not at `astra.netapp.io`).",
        ),
        connection: connectionArg("astracontrol"),
    };
}

/** The `connection` argument: which named connection of the vendor's stack config to read through. */
function connectionArg(namespace: string) {
    return optionalArg(
        ConnectionName,
        `Name of a connection in stack config, \`${namespace}:connections.<name>\` (its own credentials, region, endpoints...; nothing is inherited from the top-level \`${namespace}:\` settings or env vars). Default: the top-level settings.`,
    );
}

/** Where a read is served: the vendor, the endpoint key and the service's name in messages. */
export const SERVICES = {
    sms: { vendor: "huaweicloud", service: "sms", serviceName: "Huawei Cloud SMS" },
    roma: { vendor: "huaweicloud", service: "roma", serviceName: "Huawei Cloud ROMA Connect" },
    kps: { vendor: "huaweicloud", service: "kms", serviceName: "Huawei Cloud KPS" },
    astra: { vendor: "astracontrol", service: "astra", serviceName: "NetApp Astra Control" },
} as const;

/** The `taskId` argument of every SMS read: a migration task id, 1 to 36 characters. */
export const smsTaskIdArg = requiredArg(idSegment(1, 36), "Migration task id (1 to 36 characters).");

/** The `waitFor` argument of a read of a task whose phases are `phases` (its terminal ones in `terminal`). */
export function waitForArg(phases: string, terminal: string) {
    return optionalArg(
        WaitForCodec,
        `Wait until the task reaches one of \`phase\` (${phases}), or a final phase (${terminal}), polling with backoff and jitter; \`timeout\` in seconds, default 600. A task that ends failed fails the read with its status and error; a timeout fails it naming the last status seen. While it waits, the status shows in \`pulumi preview\`/\`up\`.`,
        { identifying: false, sdk: { plain: "{ readonly phase?: string | readonly string[]; /** Whole seconds, 1 to 86400. @integer */ readonly timeout?: number }" } },
    );
}

/**
 * Paging by `limit` and `offset` (SMS, ROMA): pages of `pageSize` with the vendor's filters
 * (`filters` maps an argument to its query parameter), until the vendor's total of matches
 * (`totalKey`) has come, or a page comes back empty (also how a body without a total ends). The
 * merged body keeps the first page's fields and every page's items (`key`). `_page`, the page
 * codec, only fixes the body type `B`.
 */
export function offsetPaging<B>(
    _page: t.Decoder<unknown, B>,
    o: {
        readonly key: keyof B & string;
        readonly totalKey: keyof B & string;
        readonly pageSize: number;
        readonly filters: Readonly<Record<string, string>>;
        readonly maxItems: number;
        readonly noun: string;
    },
): ListPaging<B, Readonly<Record<string, unknown>>> {
    const items = (page: B): readonly unknown[] => page[o.key] as readonly unknown[];
    const total = (page: B): number => (typeof page[o.totalKey] === "number" ? (page[o.totalKey] as number) : Infinity);
    const query = (a: Readonly<Record<string, unknown>>, offset: number): Query => {
        const q: Record<string, string> = {};
        for (const [arg, param] of Object.entries(o.filters)) if (a[arg] !== undefined) q[param] = String(a[arg]);
        return { ...q, limit: String(o.pageSize), offset: String(offset) };
    };
    return {
        first: (a) => query(a, 0),
        next: (page, fetched, a) => (items(page).length > 0 && fetched < total(page) ? query(a, fetched) : undefined),
        items,
        merge: (pages) => ({ ...(pages[0] ?? {}), [o.key]: pages.flatMap(items) }) as B,
        maxItems: o.maxItems,
        noun: o.noun,
        narrowBy: Object.keys(o.filters),
    };
}
