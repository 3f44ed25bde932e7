/**
 * The scratch project `npm run bench:cli` drives: this package installed from its npm tarball,
 * beside a hand-written dynamic provider installed from its own tarball, so both `__provider`s
 * serialize as a short by-reference `require(...)`. Each program reads its count from `BENCH_N`.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { installPackages, packProject, runCommand } from "../../tests/helpers/installed-package";
import { FIXTURE } from "../../tests/helpers/stack";

const ROOT = path.join(__dirname, "..", "..");
const MINUTES = 60_000;

/** The programs the bench runs, by folder name inside the scratch project. */
export const PROGRAMS = ["ours-up", "theirs-up", "ours-preview", "theirs-preview", "each"] as const;
export type ProgramName = (typeof PROGRAMS)[number];

// The same KPS "Querying Task Information" GET our KeypairTask sends: token header, JSON body.
// What a user writes after the Pulumi docs: a provider object as a module's exports.
const HANDWRITTEN_INDEX = `"use strict";
// A hand-written dynamic provider for one KPS key pair task: the GET our KeypairTask sends.
let config;
module.exports = {
    async configure(req) {
        config = req.config;
    },
    async create(inputs) {
        const endpoints = JSON.parse(config.require("huaweicloud:endpoints"));
        const projectId = config.require("huaweicloud:projectId");
        const res = await fetch(\`\${endpoints.kms}/v3/\${projectId}/tasks/\${encodeURIComponent(inputs.taskId)}\`, {
            headers: { "X-Auth-Token": config.require("huaweicloud:token"), accept: "application/json" },
        });
        if (!res.ok) throw new Error(\`KPS answered \${res.status}\`);
        const body = await res.json();
        return { id: \`\${projectId}/\${inputs.taskId}\`, outs: { taskId: inputs.taskId, projectId, taskStatus: body.task_status, serverId: body.server_id ?? "" } };
    },
    async delete() {},
};
`;

const HANDWRITTEN_TYPES = `import type * as pulumi from "@pulumi/pulumi";
declare const provider: pulumi.dynamic.ResourceProvider;
export = provider;
`;

const COUNT = `const n = Number(process.env.BENCH_N ?? "0");`;
// In-program time of the preview's reads: from the first call until every value is known,
// appended to $BENCH_TIMING (without the CLI's and the program's start-up).
const START = "const t0 = performance.now();";
const STOP = `taskStatuses.apply(() => process.env.BENCH_TIMING && require("fs").appendFileSync(process.env.BENCH_TIMING, \`\${performance.now() - t0}\\n\`));`;

const SOURCES: Record<ProgramName, string> = {
    "ours-up": `import { huaweicloud } from "pulumi-cloudreads";
${COUNT}
for (let i = 0; i < n; i++) new huaweicloud.kps.KeypairTask(\`t\${i}\`, { taskId: "${FIXTURE.kpsTaskId}" });
`,
    "theirs-up": `import * as pulumi from "@pulumi/pulumi";
import provider = require("handwritten-kps");
${COUNT}
class KeypairTask extends pulumi.dynamic.Resource {
    declare readonly taskStatus: pulumi.Output<string>;
    constructor(name: string, args: { taskId: string }) {
        super(provider, name, { taskId: args.taskId, projectId: undefined, taskStatus: undefined, serverId: undefined }, {});
    }
}
for (let i = 0; i < n; i++) new KeypairTask(\`t\${i}\`, { taskId: "${FIXTURE.kpsTaskId}" });
`,
    "ours-preview": `import * as pulumi from "@pulumi/pulumi";
import { huaweicloud } from "pulumi-cloudreads";
${COUNT}
const statuses: pulumi.Output<string>[] = [];
${START}
for (let i = 0; i < n; i++) statuses.push(huaweicloud.kps.getKeypairTaskOutput({ taskId: "${FIXTURE.kpsTaskId}" }).taskStatus);
export const taskStatuses = pulumi.all(statuses);
${STOP}
`,
    // A user's own invoke: the token from config, one fetch per value, as an Output.
    "theirs-preview": `import * as pulumi from "@pulumi/pulumi";
${COUNT}
const hw = new pulumi.Config("huaweicloud");
const url = \`\${JSON.parse(hw.require("endpoints")).kms}/v3/\${hw.require("projectId")}/tasks/${FIXTURE.kpsTaskId}\`;
const statuses: pulumi.Output<string>[] = [];
${START}
for (let i = 0; i < n; i++) {
    statuses.push(hw.requireSecret("token").apply(async (token) => {
        const res = await fetch(url, { headers: { "X-Auth-Token": token, accept: "application/json" } });
        if (!res.ok) throw new Error(\`KPS answered \${res.status}\`);
        return ((await res.json()) as { task_status: string }).task_status;
    }));
}
export const taskStatuses = pulumi.all(statuses);
${STOP}
`,
    each: fs.readFileSync(path.join(ROOT, "examples", "quickstart", "index.ts"), "utf8"),
};

/**
 * This package's tarball: `BENCH_CLI_TARBALL` when set (e.g. one packed from a patched copy),
 * `git archive HEAD` packed when `BENCH_CLI_FROM=head` (the committed tree only), else the
 * working tree packed as a fresh clone would be (tests/helpers/installed-package.ts).
 */
async function ourTarball(work: string): Promise<string> {
    const given = process.env.BENCH_CLI_TARBALL;
    if (given) return path.resolve(given);
    const stage = path.join(work, "stage");
    const pack = path.join(work, "pack");
    if (process.env.BENCH_CLI_FROM !== "head") return packProject(ROOT, stage, pack, 10 * MINUTES);
    fs.mkdirSync(stage);
    fs.mkdirSync(pack);
    execFileSync("bash", ["-c", `git -C ${JSON.stringify(ROOT)} archive HEAD | tar -x -C ${JSON.stringify(stage)}`]);
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(stage, "node_modules"), "dir");
    await runCommand("npm", ["pack", "--pack-destination", pack], stage, 10 * MINUTES);
    const [tgz] = fs.readdirSync(pack).filter((f) => f.endsWith(".tgz"));
    if (!tgz) throw new Error(`npm pack left no tarball in ${pack}`);
    return path.join(pack, tgz);
}

/** The hand-written provider as its own npm tarball (installed, so it serializes by reference). */
async function handwrittenTarball(work: string): Promise<string> {
    const dir = path.join(work, "handwritten-kps");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ name: "handwritten-kps", version: "1.0.0", main: "index.js", types: "index.d.ts" }, null, 2)}\n`);
    fs.writeFileSync(path.join(dir, "index.js"), HANDWRITTEN_INDEX);
    fs.writeFileSync(path.join(dir, "index.d.ts"), HANDWRITTEN_TYPES);
    await runCommand("npm", ["pack", "--pack-destination", work], dir, 5 * MINUTES);
    return path.join(work, "handwritten-kps-1.0.0.tgz");
}

/**
 * Packs both providers, installs them with `@pulumi/pulumi` into `<work>/project`, and writes one
 * Pulumi project per program below it. Returns the folder of each program.
 */
export async function scratchProject(work: string): Promise<Record<ProgramName, string>> {
    const [ours, theirs] = [await ourTarball(work), await handwrittenTarball(work)];
    const project = path.join(work, "project");
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, "package.json"), `${JSON.stringify({ name: "cloudreads-bench-cli", private: true }, null, 2)}\n`);
    const pulumiVersion = (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8")) as { version: string }).version;
    await installPackages(project, [ours, theirs, `@pulumi/pulumi@${pulumiVersion}`, "typescript@5.9.3", "ts-node@10.9.2", "@types/node@22.19.3"], 10 * MINUTES);
    const dirs = {} as Record<ProgramName, string>;
    for (const name of PROGRAMS) {
        const dir = path.join(project, name);
        fs.mkdirSync(dir);
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: bench-${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n`);
        fs.writeFileSync(path.join(dir, "index.ts"), SOURCES[name]);
        dirs[name] = dir;
    }
    return dirs;
}
