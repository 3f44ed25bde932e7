/**
 * `npm run emulator [-- --port N] [-- --fixtures file.json]`: serves the emulator on
 * 127.0.0.1, prints its URL on the first line, then the stack config and environment
 * variables that point a Pulumi program at it (Huawei and Astra). Stops on SIGINT/SIGTERM; `npm run
 * emulator` execs this process, so a SIGTERM to npm reaches it.
 * The port can also be set with `EMULATOR_PORT`; 0 (the default) picks a free one.
 */
import * as fs from "node:fs";
import { loadDefaultFixtures, type FixtureData } from "./fixtures";
import { startEmulator, type Emulator } from "./server";

interface CliOptions {
  port: number;
  fixtures: FixtureData;
}

function optionValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) return argv[i + 1];
    if (argv[i].startsWith(`${name}=`)) return argv[i].slice(name.length + 1);
  }
  return undefined;
}

function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions {
  const rawPort = optionValue(argv, "--port") ?? env.EMULATOR_PORT ?? "0";
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535) throw new Error(`invalid port "${rawPort}": expected an integer from 0 to 65535`);
  const fixturesFile = optionValue(argv, "--fixtures");
  const fixtures = fixturesFile === undefined ? loadDefaultFixtures() : (JSON.parse(fs.readFileSync(fixturesFile, "utf8")) as FixtureData);
  return { port, fixtures };
}

/** The lines a user would run to point a stack (or a shell) at the emulator. */
export function connectionInstructions(emulator: Emulator): string[] {
  const { huawei, astra } = emulator.data;
  const project = huawei.projects.find((p) => p.name === "cn-north-4") ?? huawei.projects[0];
  const astraToken = astra.tokens[0];
  const credential = huawei.credentials.find((c) => c.securityToken === undefined);
  const { astra: astraUrl, ...huaweiEndpoints } = emulator.endpoints;
  const lines = [
    "",
    "# Pulumi stack config that points a program at this emulator (fake credentials):",
    `pulumi config set huaweicloud:endpoints '${JSON.stringify(huaweiEndpoints)}'`,
  ];
  if (project) {
    lines.push(`pulumi config set huaweicloud:region ${project.name}`, `pulumi config set huaweicloud:projectId ${project.id}`);
    lines.push(`pulumi config set huaweicloud:domainId ${project.domainId}`);
  }
  if (huawei.tokens[0] !== undefined) lines.push(`pulumi config set --secret huaweicloud:token ${huawei.tokens[0]}`);
  lines.push(`pulumi config set astracontrol:url ${astraUrl}`);
  if (astraToken) {
    lines.push(`pulumi config set --secret astracontrol:apiToken ${astraToken.token}`);
    if (astraToken.accounts[0] !== undefined) lines.push(`pulumi config set astracontrol:accountId ${astraToken.accounts[0]}`);
  }
  lines.push("", "# Or environment variables:");
  lines.push(`export HW_ENDPOINTS='${JSON.stringify(huaweiEndpoints)}'`);
  if (project) lines.push(`export HW_REGION_NAME=${project.name}`, `export HW_PROJECT_ID=${project.id}`, `export HW_DOMAIN_ID=${project.domainId}`);
  if (huawei.tokens[0] !== undefined) lines.push(`export HW_AUTH_TOKEN=${huawei.tokens[0]}`);
  lines.push(`export ASTRA_CONTROL_URL=${astraUrl}`);
  if (astraToken) {
    lines.push(`export ASTRA_CONTROL_API_TOKEN=${astraToken.token}`);
    if (astraToken.accounts[0] !== undefined) lines.push(`export ASTRA_CONTROL_ACCOUNT_ID=${astraToken.accounts[0]}`);
  }
  if (credential) {
    lines.push("", "# AK/SK instead of a token (SDK-HMAC-SHA256 signing):");
    lines.push(`export HW_ACCESS_KEY=${credential.accessKey}`, `export HW_SECRET_KEY=${credential.secretKey}`);
  }
  lines.push("", "# Ctrl-C stops the emulator.");
  return lines;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const emulator = await startEmulator(options);
  process.stdout.write(`${emulator.url}\n${connectionInstructions(emulator).join("\n")}\n`);
  // Ends the process even while clients hold keep-alive connections open.
  const stop = (): void => {
    const force = setTimeout(() => process.exit(0), 1000);
    void emulator.close().then(() => {
      clearTimeout(force);
      process.exit(0);
    });
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
