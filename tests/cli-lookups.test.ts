import { strict as assert } from "node:assert";
import * as path from "node:path";
import { FIXTURE_SECRETS } from "../emulator";
import { useCliStack } from "./helpers/cli-stack";
import { diagnostics, exportedResources, previewSteps, stackOutputs } from "./helpers/pulumi-cli-results";

const PROJECT = path.join(__dirname, "cli-fixtures", "lookups");
const INSTANCE = "7c3e0e8a-0000-4000-8000-000000000001";
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/**
 * Look-ups by name through the real CLI, against an emulator serving pages of 2: functions at
 * preview and up, a ROMA resource found by `productName` (created, refreshed by the id it found,
 * replaced when the name changes), and a preview that fails on a name two products share.
 */
describe("real Pulumi CLI: look-ups by name and a resource found by productName", function () {
    this.timeout(300_000);
    const stack = useCliStack(
        PROJECT,
        "cli-lookups",
        () => ({
            "cloudreads-lookups:instanceId": INSTANCE,
            "cloudreads-lookups:productName": "meter-gateway",
            "cloudreads-lookups:functionProductName": "meter-gateway",
            "cloudreads-lookups:taskName": "web-01-migration",
            "cloudreads-lookups:cn": "dup.example.com",
        }),
        undefined,
        { maxPageSize: 2 },
    );
    const errorsOf = async (args: string[]): Promise<string> =>
        diagnostics(await stack.cli.events(args, true))
            .filter((d) => d.severity === "error")
            .map((d) => d.message)
            .join("\n");
    const productPages = (): number => stack.emu.requests.filter((r) => /\/roma\/v2\/[^/]+\/link\/instances\/[^/]+\/products\?/.test(r.path)).length;

    it("up: every list followed over its pages; exact matches only; the product found by name gives the resource its id and secret password", async () => {
        await stack.cli.ok(["up", "--yes", "--skip-preview"]);
        const out = await stackOutputs(stack.cli, true);
        assert.equal(out.resourceProductId, "2048");
        assert.equal(out.functionProductId, "2048");
        assert.deepEqual(out.listedProducts, ["2048:meter-gateway"]);
        assert.deepEqual(out.tasks, ["5e0c4b1d-0000-4000-8000-000000000003:READY", "5e0c4b1d-0000-4000-8000-000000000004:MIGRATE_SUCCESS"]);
        const certs = out.certificates as string[];
        assert.deepEqual(certs.map((c) => c.split(":")[0]), ["c0000000-0000-4000-8000-0000000000f1", "c0000000-0000-4000-8000-0000000000f2"]);
        assert.ok(certs.every((c) => /^[0-9a-f-]+:([0-9A-F]{2}:){31}[0-9A-F]{2}:-?\d+$/.test(c)));
        const password = stack.emu.data.huawei.roma.products.find((p) => p.productId === "2048")!.password;
        assert.equal(JSON.parse(String(out.deviceConfig)).password, password);
        const hidden = await stackOutputs(stack.cli, false);
        assert.equal(hidden.deviceConfig, "[secret]");
        const exported = (await stack.cli.ok(["stack", "export"])).stdout;
        for (const s of FIXTURE_SECRETS) assert.equal(exported.includes(s), false, "a fixture secret is in the state in clear");
        const r = exportedResources(exported).find((x) => x.type.endsWith(":huaweicloud.roma.ProductAuthentication"));
        assert.equal(r?.id, `0123456789abcdef0123456789abcdef/${INSTANCE}/2048`);
        assert.equal(r?.outputs.productName, "meter-gateway");
        assert.equal((r?.outputs.password as Record<string, unknown>)[SECRET_SIG], "1b47061264138c4ac30d75fd1eb44270");
    });

    it("refresh reads the product by the id found, even after a rename at the vendor; preview then shows no change", async () => {
        const product = stack.emu.data.huawei.roma.products.find((p) => p.productId === "2048")!;
        product.name = "meter-gateway-renamed";
        const before = stack.emu.requests.length;
        await stack.cli.ok(["refresh", "--yes", "--skip-preview"]);
        const refreshRequests = stack.emu.requests.slice(before).map((r) => r.path);
        assert.ok(refreshRequests.some((p) => p.endsWith("/products/2048/authentication")), refreshRequests.join("\n"));
        assert.equal(refreshRequests.some((p) => /\/products\?/.test(p)), false, "refresh listed products");
        product.name = "meter-gateway";
        await stack.cli.ok(["preview", "--expect-no-changes"]);
    });

    it("preview fails for a function whose name two products share, listing both ids, before any credential is read", async () => {
        await stack.cli.setConfig({ "cloudreads-lookups:functionProductName": "edge-sensor" });
        const before = stack.emu.requests.length;
        const errors = await errorsOf(["preview"]);
        assert.match(errors, /ConditionError: huaweicloud\.roma\.getProductAuthenticationOutput: 2 products are named "edge-sensor" in projectId "[0-9a-f]+", instanceId "7c3e0e8a-0000-4000-8000-000000000001": "edge-sensor" \(productId 2049\), "edge-sensor" \(productId 2050\); give productId instead of productName/);
        assert.equal(stack.emu.requests.slice(before).some((r) => /\/products\/(2049|2050)\/authentication/.test(r.path)), false);
        await stack.cli.setConfig({ "cloudreads-lookups:functionProductName": "meter-gateway" });
    });

    it("changing the resource's productName replaces it with the product of the new name", async () => {
        await stack.cli.setConfig({ "cloudreads-lookups:productName": "big-id-product" });
        const steps = previewSteps(await stack.cli.events(["preview"])).filter((s) => s.type.endsWith(":huaweicloud.roma.ProductAuthentication"));
        assert.deepEqual(steps.map((s) => s.op), ["create-replacement", "replace", "delete-replaced"]);
        const pagesBefore = productPages();
        await stack.cli.ok(["up", "--yes", "--skip-preview"]);
        assert.ok(productPages() > pagesBefore);
        const out = await stackOutputs(stack.cli, true);
        assert.equal(out.resourceProductId, "99999999999999997", "a 17-digit id above 2^53 stays exact");
        assert.deepEqual(out.listedProducts, ["99999999999999997:big-id-product"]);
    });
});
