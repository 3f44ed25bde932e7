/**
 * Run as a child process: registers every resource of the package under Pulumi's mocks and
 * prints, as JSON on stdout, what each registration carried (type, inputs, additional secret
 * outputs). A child process keeps the mock runtime out of the test process.
 */
import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { examplesOf, RESOURCE_READS, sdkEntry } from "./reads";

interface Registration {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
    additionalSecretOutputs: string[];
}

interface RegisterRequest {
    getAdditionalsecretoutputsList(): string[];
    getType(): string;
    getName(): string;
}

const registrations: Registration[] = [];

class RecordingMonitor extends MockMonitor {
    override async registerResource(req: RegisterRequest, callback: (err: unknown, res: unknown) => void): Promise<void> {
        const secrets = req.getAdditionalsecretoutputsList();
        return super.registerResource(req, (err, res) => {
            const last = registrations.find((r) => r.type === req.getType() && r.name === req.getName());
            if (last) last.additionalSecretOutputs = secrets;
            callback(err, res);
        });
    }
}

async function main(): Promise<void> {
    const monitor = new RecordingMonitor({
        newResource: (args) => {
            registrations.push({ type: args.type, name: args.name, inputs: args.inputs as Record<string, unknown>, additionalSecretOutputs: [] });
            return { id: `${args.name}-id`, state: args.inputs };
        },
        call: (args) => args.inputs,
    });
    pulumi.runtime.setMockOptions(monitor, "mockproj", "mockstack", false);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk = require(process.argv[2] ?? "../../sdk/nodejs") as typeof import("../../sdk/nodejs");
    const res = [
        new sdk.huaweicloud.sms.TaskPassphrase("pass", { taskId: "d7fa81b9-c174-4c0a-a475-51a54c8af8a4", region: "cn-north-4" }),
        new sdk.huaweicloud.roma.ProductAuthentication("auth", { instanceId: "default", productId: "99999999999999999" }),
        new sdk.huaweicloud.kps.KeypairTask("task", { taskId: "aee8d2fe-5484-4753-9177-5a38dc15546c" }),
        new sdk.astracontrol.Certificate("ca", { certificateId: "a26cbed4-2183-58ce-aa19-e37ca8b0531a" }),
        // And every read, from its description's example.
        ...RESOURCE_READS.map((token) => new (sdkEntry(sdk, token).Resource)(`example-${token}`, examplesOf(token).args)),
    ];
    await Promise.all(res.map((r) => new Promise((resolve) => (r.urn as pulumi.Output<string>).apply(resolve))));
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.stdout.write(JSON.stringify(registrations));
}

main().catch((e: unknown) => {
    process.stderr.write(String(e));
    process.exit(1);
});
