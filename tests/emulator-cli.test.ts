import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as net from "node:net";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..");

function canConnect(port: number): Promise<boolean> {
    return new Promise((resolve) => {
        const socket = net.connect(port, "127.0.0.1");
        socket.once("connect", () => {
            socket.destroy();
            resolve(true);
        });
        socket.once("error", () => resolve(false));
    });
}

describe("npm run emulator", function () {
    this.timeout(60_000);

    it("prints the Huawei and Astra env lines, and a SIGTERM to npm stops the emulator too", async () => {
        const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
        const npm = spawn("npm", ["run", "--silent", "emulator"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        const exited = new Promise<number | null>((resolve) => npm.once("exit", (code) => resolve(code)));
        await new Promise<void>((resolve, reject) => {
            npm.stdout.on("data", (d: Buffer) => {
                out += d.toString();
                if (out.includes("Ctrl-C stops the emulator")) resolve();
            });
            npm.once("exit", () => reject(new Error(`npm run emulator exited early:\n${out}`)));
        });
        for (const name of ["HW_ENDPOINTS", "HW_AUTH_TOKEN", "ASTRA_CONTROL_URL", "ASTRA_CONTROL_API_TOKEN", "ASTRA_CONTROL_ACCOUNT_ID"]) {
            assert.match(out, new RegExp(`^export ${name}=`, "m"), name);
        }
        const port = Number(new URL(out.split("\n")[0]!.trim()).port);
        assert.equal(await canConnect(port), true);
        npm.kill("SIGTERM");
        await exited;
        // The emulator must be gone with npm, not left listening as an orphan.
        for (let i = 0; i < 40 && (await canConnect(port)); i++) await new Promise((r) => setTimeout(r, 100));
        assert.equal(await canConnect(port), false, "the emulator still listens after npm got SIGTERM");
    });
});
