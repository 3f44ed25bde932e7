/**
 * Run as a child process by tests/process-exit.test.ts: two reads (token, AK/SK) against each hostile
 * transport whose URL is in argv[2] (JSON, case name to URL), one after another, every failure caught. Prints
 * one JSON line per read, then `last read done`, and then does nothing: the process must exit on
 * its own, with no timer, socket or other handle left behind by the reads.
 */
import { performRead } from "../../provider/runtime/execute";
import { operations } from "../../provider/operations";
import { akskLookups, huaweiAt } from "./hostile-servers";
import { FIXTURE, sources } from "./stack";

async function main(): Promise<void> {
    const urls = JSON.parse(process.argv[2] ?? "{}") as Record<string, string>;
    // Attempts may last longer than the read's 2 s deadline: the deadline must end them all.
    const limits = { "huaweicloud:requestTimeout": "30", "huaweicloud:deadline": "2", "huaweicloud:maxRetries": "2", "cloudreads:retryBaseDelayMs": "20" };
    for (const [name, url] of Object.entries(urls)) {
        // With a token, the GET meets the transport; with AK/SK, the IAM project look-up does first.
        for (const [credentials, extra] of [["token", {}], ["AK/SK", akskLookups()]] as const) {
            let outcome: string;
            try {
                await performRead(operations["huaweicloud.kps.KeypairTask"], { taskId: FIXTURE.kpsTaskId }, sources(huaweiAt(url, { ...limits, ...extra })));
                outcome = "succeeded";
            } catch (e) {
                outcome = `${(e as Error).name}: ${(e as Error).message}`;
            }
            process.stdout.write(`${JSON.stringify({ name, credentials, outcome })}\n`);
        }
    }
    process.stdout.write("last read done\n");
}

void main();
