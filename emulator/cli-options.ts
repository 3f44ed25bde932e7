import { decodeFault, decodeService } from "./fault-codec";
import type { FaultInjection } from "./fault-types";

/** What `cloudreads-emulator` prints after it starts. */
export type OutputFormat = "both" | "config" | "env";

/** Parsed command line of `cloudreads-emulator`. */
export interface CliOptions {
  port: number;
  fixturesFile?: string;
  faults: FaultInjection[];
  format: OutputFormat;
  help: boolean;
  /** `--list-fixtures`: print the fixtures' ids, names, CNs and trust states, and exit without serving. */
  listFixtures: boolean;
  /** `--max-page-size N`: the most items any list page holds (see `StartEmulatorOptions.maxPageSize`). */
  maxPageSize?: number;
}

/** A command line that cannot be run: the bin prints the message and exits with code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const USAGE = `Usage: cloudreads-emulator [--port N] [--fixtures FILE] [--fault SPEC]... [--max-page-size N] [--format both|config|env | --env]
       cloudreads-emulator --list-fixtures [--fixtures FILE]

Serves the Huawei Cloud (SMS, ROMA Connect, KPS, IAM) and NetApp Astra Control emulator on
127.0.0.1 until SIGINT or SIGTERM, and prints its URL, then what points a stack at it.

  --port N          TCP port (default 0: a free one; also EMULATOR_PORT)
  --fixtures FILE   JSON fixtures merged onto the defaults, list by list (validated)
  --fault SPEC      SERVICE:KIND[=VALUE][:times=N|always][:retryAfter=S][:problem=N][:code=C], repeatable;
                    SERVICE is sms, roma, kms, iam, astra or '*', e.g. kms:status=503:times=2,
                    'astra:status=409:problem=164', kms:status=404:code=KPS.0404 (code= for none),
                    sms:delay=2000, roma:reset, iam:hang
  --max-page-size N no list page (SMS ListTasks, ROMA ListProducts, Astra certificates)
                    holds more than N items, whatever limit asks (N >= 1; default: no cap)
  --format F        both (default): URL, pulumi config set lines, export lines;
                    config: URL, then pulumi config set lines;
                    env: export lines only, CLOUDREADS_EMULATOR_URL first (a script to source)
  --env             the same as --format env
  --list-fixtures   print what a stack can read (project, task, instance, product and
                    certificate ids, names, states, CNs, trust states) and exit
`;

/** Options after the kind (`:key=value`), recognised from the right so a redirect URL may hold colons. */
const OPTION = /^(times|retryAfter|problem|status|code|message)=[^:]*$/;
const NUMBER = /^[0-9]+$/;

function valueOf(raw: string): string | number {
  return NUMBER.test(raw) ? Number(raw) : raw;
}

/**
 * `kms:status=503:times=2` → `{ service: "kms", fault: { kind: "status", status: 503 }, times: 2 }`.
 * The kind's value is `status` for status, `ms` for delay, `bytes` for oversize, `location` for redirect.
 */
export function parseFaultSpec(spec: string): FaultInjection {
  const segments = spec.split(":");
  const service = segments.shift() ?? "";
  const options: string[] = [];
  while (segments.length > 1 && OPTION.test(segments[segments.length - 1] ?? "")) options.unshift(segments.pop() ?? "");
  const body = segments.join(":");
  const eq = body.indexOf("=");
  const kind = eq < 0 ? body : body.slice(0, eq);
  const value = eq < 0 ? undefined : body.slice(eq + 1);
  const fault: Record<string, unknown> = { kind };
  const valueKey: Record<string, string> = { status: "status", delay: "ms", oversize: "bytes", redirect: "location" };
  if (value !== undefined) fault[valueKey[kind] ?? "value"] = kind === "redirect" ? value : valueOf(value);
  let times: number | undefined;
  for (const option of options) {
    const [key = "", raw = ""] = option.split("=");
    if (key === "times") {
      if (raw !== "always" && !(NUMBER.test(raw) && Number(raw) >= 1)) throw new UsageError(`--fault ${spec}: times: expected a positive integer or "always"`);
      times = raw === "always" ? Infinity : Number(raw);
    } else {
      fault[key] = key === "retryAfter" || key === "code" || key === "message" ? raw : valueOf(raw);
    }
  }
  const checkedService = decodeService(service, "SERVICE");
  const checkedFault = decodeFault(fault, "fault");
  if (!checkedService.ok || !checkedFault.ok) {
    const problems = [...(checkedService.ok ? [] : checkedService.problems), ...(checkedFault.ok ? [] : checkedFault.problems)];
    throw new UsageError(`--fault ${spec}: ${problems.join("; ")}`);
  }
  return { service: checkedService.value, fault: checkedFault.value, times };
}

function portOf(raw: string): number {
  const port = Number(raw);
  if (!NUMBER.test(raw) || port > 65535) throw new UsageError(`--port: expected an integer from 0 to 65535, got ${JSON.stringify(raw.slice(0, 20))}`);
  return port;
}

/** Parses `argv` (without node and the script); throws {@link UsageError}. */
export function parseCliOptions(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions {
  const options: CliOptions = { port: portOf(env.EMULATOR_PORT ?? "0"), faults: [], format: "both", help: false, listFixtures: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith("--") && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      return next;
    };
    switch (name) {
      case "--port":
        options.port = portOf(value());
        break;
      case "--fixtures":
        options.fixturesFile = value();
        break;
      case "--fault":
        options.faults.push(parseFaultSpec(value()));
        break;
      case "--max-page-size": {
        const raw = value();
        if (!NUMBER.test(raw) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) {
          throw new UsageError(`--max-page-size: expected a whole number of at least 1, got ${JSON.stringify(raw.slice(0, 20))}`);
        }
        options.maxPageSize = Number(raw);
        break;
      }
      case "--format": {
        const format = value();
        if (format !== "both" && format !== "config" && format !== "env") throw new UsageError(`--format: expected both, config or env, got ${JSON.stringify(format.slice(0, 20))}`);
        options.format = format;
        break;
      }
      case "--env":
        options.format = "env";
        break;
      case "--list-fixtures":
        options.listFixtures = true;
        break;
      case "--help":
      case "-h":
        options.help = true;
        break;
      default:
        throw new UsageError(`unknown argument ${JSON.stringify(arg.slice(0, 40))}`);
    }
  }
  return options;
}
