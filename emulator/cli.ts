#!/usr/bin/env node
/**
 * `cloudreads-emulator` (and `npm run emulator` in this repository): serves the emulator on
 * 127.0.0.1, prints its URL on the first line, then the stack config and environment variables
 * that point a Pulumi program at it (Huawei and Astra); see `--help`. Stops on SIGINT/SIGTERM,
 * closing every connection, with exit code 0, and when its parent process exits (npx, a CI step);
 * `npm run emulator` execs this process, so a SIGTERM to npm reaches it. `--list-fixtures` prints
 * what the fixtures hold and exits without serving. Exit code 2: bad
 * arguments or fixtures; 1: it could not start.
 */
import { configLines, connectionSettings, envLines, type EmulatorConfigValue } from "./connection-settings";
import { parseCliOptions, UsageError, USAGE, type OutputFormat } from "./cli-options";
import { fixtureListing } from "./fixture-listing";
import { FixtureError, loadDefaultFixtures, loadFixtureFile } from "./fixtures";
import type { Emulator } from "./server";
import { startEmulator } from "./start-emulator";
import { flatName, PLUGIN_NAMESPACE } from "../provider/plugin/config-keys";

/** The dynamic form's config values as the plugin's keys (`huaweicloud:region` -> `cloudreads:huaweicloudRegion`). */
function pluginConfig(values: readonly EmulatorConfigValue[]): EmulatorConfigValue[] {
  return values.map((c) => ({ ...c, key: `${PLUGIN_NAMESPACE}:${flatName(c.key)}` }));
}

/** The lines printed after the URL line, for `format`. */
export function connectionInstructions(emulator: Emulator, format: OutputFormat = "both"): string[] {
  const settings = connectionSettings(emulator);
  const config = [
    "",
    "# Pulumi stack config that points a program at this emulator (fake credentials):",
    ...configLines(settings.config),
  ];
  if (settings.accessKeyConfig.length > 0) {
    config.push("# To sign with AK/SK instead of the token, run these in place of the huaweicloud:token line:", ...configLines(settings.accessKeyConfig, "# "));
  }
  config.push("", "# The same for the provider plugin (Pulumi YAML and other languages), whose keys are under cloudreads:", ...configLines(pluginConfig(settings.config)));
  const env = ["", "# Or environment variables:", ...envLines(settings.env)];
  if (Object.keys(settings.accessKeyEnv).length > 0) {
    env.push("# To sign with AK/SK instead of the token, use these in place of HW_AUTH_TOKEN:", ...envLines(settings.accessKeyEnv, "# "));
  }
  const stop = ["", "# Ctrl-C stops the emulator."];
  if (format === "config") return [...config, ...stop];
  if (format === "env") return [...env.slice(2), ...stop];
  return [...config, ...env, ...stop];
}

/** The first line: the URL, or for `env` an `export` of it, so the whole output is a script to source. */
function urlLine(emulator: Emulator, format: OutputFormat): string {
  return format === "env" ? `export CLOUDREADS_EMULATOR_URL=${emulator.url}` : emulator.url;
}

async function main(): Promise<void> {
  const options = parseCliOptions(process.argv.slice(2), process.env);
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (options.listFixtures) {
    const data = options.fixturesFile === undefined ? loadDefaultFixtures() : loadFixtureFile(options.fixturesFile);
    process.stdout.write(`${fixtureListing(data).join("\n")}\n`);
    return;
  }
  const emulator = await startEmulator({ port: options.port, fixturesFile: options.fixturesFile, faults: options.faults, maxPageSize: options.maxPageSize });
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    // close() destroys every open socket, hanging ones included; the timer is a last resort.
    setTimeout(() => process.exit(0), 2000).unref();
    void emulator.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  // `npx` runs a bin under `sh -c` and forwards a SIGTERM to that shell only: when the process
  // that started the emulator goes, this one is re-parented, and stops rather than live on orphaned.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 200).unref();
  process.stdout.write(`${urlLine(emulator, options.format)}\n${connectionInstructions(emulator, options.format).join("\n")}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const usage = error instanceof UsageError || error instanceof FixtureError;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`cloudreads-emulator: ${message}\n${error instanceof UsageError ? "Run cloudreads-emulator --help for the options.\n" : ""}`);
    process.exitCode = usage ? 2 : 1;
  });
}
