/**
 * The hand-written Go provider of bench/go-provider/ built with the machine's `go` (its own module,
 * sdk/v3 pinned in its go.mod) and packed as a plugin tarball, binary at the root, the way a Go
 * provider ships. Cached by the hash of its sources in
 * `${CLOUDREADS_CACHE_DIR:-~/.cache/pulumi-cloudreads}/go-provider/<hash>/`, so only a change to
 * them builds it again.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const SOURCE = path.join(__dirname, "..", "go-provider");
const BINARY = "pulumi-resource-cloudreads";

function cacheRoot(): string {
    return process.env.CLOUDREADS_CACHE_DIR ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "pulumi-cloudreads");
}

/** The Go provider's tarball (`pulumi-resource-cloudreads` at its root), built when its sources changed. */
export function goProviderTarball(): string {
    const hash = createHash("sha256");
    for (const f of fs.readdirSync(SOURCE).filter((f) => /\.(go|mod|sum|json)$/.test(f)).sort()) hash.update(f).update(fs.readFileSync(path.join(SOURCE, f)));
    const dir = path.join(cacheRoot(), "go-provider", hash.digest("hex").slice(0, 16));
    const tarball = path.join(dir, `${BINARY}-go-linux-amd64.tar.gz`);
    if (fs.existsSync(tarball)) return tarball;
    const stage = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-go-provider-"));
    try {
        process.stderr.write(`bench: building the Go provider (bench/go-provider) into ${dir}\n`);
        // -s -w: no symbol tables, as release builds of Go providers (goreleaser's default) ship.
        execFileSync("go", ["build", "-trimpath", "-ldflags=-s -w", "-o", path.join(stage, BINARY), "."], { cwd: SOURCE, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, CGO_ENABLED: "0", GOFLAGS: "-mod=readonly" } });
        fs.mkdirSync(dir, { recursive: true });
        execFileSync("bash", ["-c", `tar -C "$1" --owner=0 --group=0 --numeric-owner --mtime=@0 -cf - ${BINARY} | gzip -9n > "$2.tmp" && mv "$2.tmp" "$2"`, "bash", stage, tarball]);
        return tarball;
    } finally {
        fs.rmSync(stage, { recursive: true, force: true });
    }
}
