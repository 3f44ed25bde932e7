/**
 * What the plugin says on stderr about its command line. The engine starts a provider plugin as
 * `pulumi-resource-cloudreads [--logtostderr] [--logflow] [-v=N] [--tracing ENDPOINT] <engine address>`;
 * the plugin serves whatever it is given, and names what it ignores or misses.
 */

const ENGINE_FLAGS = /^(--logtostderr|--logflow|-v=\d+|--tracing=.*)$/;
const ADDRESS = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/;

/**
 * The notes for `args` (the plugin's arguments): one per argument it ignores, and one when no
 * engine address is among them. Empty for the engine's own command lines.
 *
 * @example
 * ```ts
 * argumentNotes(["127.0.0.1:50051"]); // []
 * argumentNotes([]); // ["no engine address in the arguments: serving anyway; messages go to stderr"]
 * ```
 */
export function argumentNotes(args: readonly string[]): string[] {
    const notes: string[] = [];
    let address = false;
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === "--tracing") i++;
        else if (ENGINE_FLAGS.test(a)) continue;
        else if (ADDRESS.test(a)) address = true;
        else notes.push(`ignoring unexpected argument ${JSON.stringify(a.slice(0, 80))}`);
    }
    if (!address) notes.push("no engine address in the arguments: serving anyway; messages go to stderr");
    return notes;
}
