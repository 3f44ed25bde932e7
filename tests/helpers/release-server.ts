import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";

/** The GitHub organization and repository of the schema's `pluginDownloadURL` (`github://api.github.com/pulumi-cloudreads`). */
export const RELEASE_ORG = "pulumi-cloudreads";
export const RELEASE_REPO = "pulumi-cloudreads";

/** What {@link serveRelease} serves, and how it misbehaves when asked to. */
export interface ReleaseServerOptions {
    /** Answer 404 to every request, as a mirror that lacks the release does. */
    notFound?: boolean;
    /** Bytes to serve instead of a file, by asset name (a tampered or truncated tarball). */
    replace?: Record<string, Buffer>;
}

/** A release folder served on 127.0.0.1 in the layout of GitHub release downloads. */
export interface ReleaseServer {
    /** `http://127.0.0.1:<port>`. */
    readonly url: string;
    /** Where the assets of release `v<version>` are: `<url>/<org>/<repo>/releases/download/v<version>`. */
    releaseUrl(version: string): string;
    /**
     * The environment that sends the CLI's downloads of the cloudreads plugin here:
     * `PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES` maps the schema's `github://api.github.com/pulumi-cloudreads`
     * (and Pulumi's default `github://api.github.com/pulumi/pulumi-cloudreads`) to this server, with
     * `${VERSION}` filled in by the CLI. Automatic plugin acquisition must not be disabled alongside.
     */
    readonly env: { PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES: string };
    /** Every request so far, as `<status> <path>`. */
    readonly requests: string[];
    close(): Promise<void>;
}

/**
 * Serves the files of `folder` (a release folder from `npm run release`, or one holding only
 * the tarballs a test needs) at `/<org>/<repo>/releases/download/v<version>/<file>`, where
 * `<version>` is whatever the request names: the folder is the release. Anything else is a 404.
 *
 * @example
 * ```ts
 * const server = await serveRelease("release/v0.1.0");
 * const cli = new PulumiCli(pulumiCliDir(), { cwd: dir, env: { ...server.env } });
 * await cli.ok(["plugin", "install", "resource", "cloudreads", "0.1.0", "--server", "github://api.github.com/pulumi-cloudreads"]);
 * await server.close();
 * ```
 */
export async function serveRelease(folder: string, options: ReleaseServerOptions = {}): Promise<ReleaseServer> {
    const requests: string[] = [];
    const prefix = `/${RELEASE_ORG}/${RELEASE_REPO}/releases/download/`;
    const server = http.createServer((req, res) => {
        const url = req.url ?? "/";
        const answer = (status: number, body?: Buffer): void => {
            requests.push(`${status} ${url}`);
            res.writeHead(status, body ? { "content-type": "application/octet-stream", "content-length": body.length } : { "content-type": "text/plain" });
            res.end(body ?? "Not Found");
        };
        const rest = url.startsWith(prefix) ? url.slice(prefix.length).split("/") : [];
        const asset = rest.length === 2 && /^v[0-9A-Za-z.+-]+$/.test(rest[0]) ? decodeURIComponent(rest[1]) : undefined;
        if (options.notFound || req.method !== "GET" || !asset || asset.includes("/") || asset.startsWith(".")) return answer(404);
        const replaced = options.replace?.[asset];
        if (replaced) return answer(200, replaced);
        const file = path.join(folder, asset);
        if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return answer(404);
        answer(200, fs.readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const target = `${url}${prefix}v\${VERSION}`;
    return {
        url,
        releaseUrl: (version) => `${url}${prefix}v${version}`,
        env: { PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES: `^github://api\\.github\\.com/(pulumi/)?pulumi-cloudreads(/pulumi-cloudreads)?$=${target}` },
        requests,
        close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
}
