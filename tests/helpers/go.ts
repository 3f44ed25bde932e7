/**
 * The environment of the tests' `go` commands on the committed Go SDK (sdk/go.mod) and the Go
 * program (examples/go): the CLI's build flags (scripts/pulumi-cli.sh: CGO_ENABLED=0, -trimpath,
 * tags osusergo,grpcnotrace), so the packages they share come from Go's build cache, and
 * GOWORK=off, so each module builds from its own go.mod, as a user's does.
 *
 * @example
 * ```ts
 * execFileSync("go", ["vet", "./..."], { cwd: "sdk", env: goEnv() });
 * ```
 */
export function goEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
    return { ...process.env, CGO_ENABLED: "0", GOFLAGS: "-trimpath -tags=osusergo,grpcnotrace -buildvcs=false", GOWORK: "off", ...extra };
}
