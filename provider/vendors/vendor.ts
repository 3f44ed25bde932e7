import type * as t from "io-ts";
import type { HttpPolicy } from "../core/http";
import type { TlsSettings } from "../core/tls-agents";
import type { VendorErrorFields } from "../core/response-error";
import type { SettingName, SettingSources } from "../core/settings";

/** The vendors this package reads from; also their stack config namespaces. */
export type VendorName = "huaweicloud" | "astracontrol";

/** The scope a read resolves before its request: ids that come from settings when not given. */
export interface Scope {
    /** Huawei project id (KPS, ROMA). */
    readonly projectId?: string;
    /** Astra account id. */
    readonly accountId?: string;
}

/** What a vendor needs to know about the read it connects for. */
export interface ReadTarget {
    /** Resource type name, e.g. `huaweicloud.kps.KeypairTask`. */
    readonly token: string;
    /** Which endpoint serves it (Huawei service name, or `astra`). */
    readonly service: string;
    /** Which scope id the request needs from settings when the args lack it. */
    readonly scope: "project" | "domain" | "account";
    /** Every argument the read accepts, for validating a scope id taken from settings. */
    readonly args: t.Decoder<unknown, object>;
    readonly argNames: readonly string[];
}

/** Everything needed to send one read: where, as whom, with which limits. */
export interface Connection {
    /** Stack config namespace of the vendor, for hints in messages. */
    readonly namespace: string;
    /** Base URL of the service, without a trailing slash. */
    readonly baseUrl: string;
    /** Which setting chose that URL, for messages about reaching it. */
    readonly hostFrom?: string;
    /** Resolved scope ids (project, account). */
    readonly scope: Scope;
    readonly policy: HttpPolicy;
    readonly tls: TlsSettings;
    /** Headers for one attempt at `url` (authentication included). */
    headers(url: URL, accept: string): Record<string, string>;
}

export type { VendorErrorFields };

/** What differs between vendors: settings, authentication and error bodies. */
export interface Vendor {
    /** The limits of a read (timeouts, retries, deadline), resolved before anything else. */
    policy(sources: SettingSources): HttpPolicy;
    /**
     * Resolves settings and credentials; `subject` (the resource type or function name) leads every
     * message; `policy`, when the caller resolved it already, is not resolved again.
     */
    connect(op: ReadTarget, args: Readonly<Record<string, unknown>>, sources: SettingSources, subject?: string, policy?: HttpPolicy): Promise<Connection>;
    /** Pulls the documented error fields out of an error response; ignores everything else. */
    errorFields(status: number, headers: Readonly<Record<string, string | string[] | undefined>>, body: string): VendorErrorFields;
    /** Whether a non-2xx response is worth retrying (on top of 429/502/503/504). */
    isTransient(status: number, body: string): boolean;
    /**
     * Whether an error response means the object does not exist: the service's own not-found
     * answer (a refresh drops the resource), never the gateway's or one without a code.
     * `service` is the read's endpoint key (`sms`, `roma`, `kms`, `astra`).
     */
    isNotFound(status: number, vendorCode: string | undefined, service: string): boolean;
    /** Extra advice for an error, e.g. clock skew. */
    hint(status: number, vendorCode: string | undefined): string | undefined;
    /** Every key the vendor's namespace takes (`region`, `token`, `requestTimeout`...): what a named connection may set. */
    readonly settingKeys: readonly string[];
    /** The setting behind each scope id an argument may leave out (`projectId` -> `huaweicloud:projectId`), for diffs. */
    readonly scopeSettings: Readonly<Record<string, SettingName>>;
}

