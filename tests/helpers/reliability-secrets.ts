import { inspect } from "node:util";
import { FIXTURE_SECRETS } from "../../emulator/fixtures";

/**
 * Fixture secrets contained in anything a user could see of an error: its message and stack
 * (what the Pulumi host prints), `util.inspect` with hidden fields and the cause chain, and JSON.
 */
export function secretsIn(e: unknown): string[] {
    const texts = [String(e), e instanceof Error ? e.stack ?? "" : "", inspect(e, { depth: 5, showHidden: true }), safeJson(e)];
    return FIXTURE_SECRETS.filter((s) => texts.some((t) => t.includes(s)));
}

function safeJson(e: unknown): string {
    try {
        return JSON.stringify(e) ?? "";
    } catch {
        return "";
    }
}
