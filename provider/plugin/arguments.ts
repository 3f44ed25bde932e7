/**
 * What the plugin says on stderr about its command line. The engine starts a provider plugin as
 * `pulumi-resource-cloudreads [--logtostderr] [--logflow] [-v=N] [--tracing ENDPOINT] <engine address>`;
 * the plugin serves whatever it is given, and names what it ignores or misses.
 */

const ENGINE_FLAGS = /^(--logtostderr|--logflow|-v=\d+|--tracing=.*)$/;
const ADDRESS = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/;

/**
 * The plugin's arguments `args` sorted: `kept`, the engine's flags and its address (what the server
 * is started with), and `notes`, one per argument ignored and one when no engine address is among
 * them. Nothing is ignored and no note is made for the engine's own command lines.
 *
 * @example
 * ```ts
 * readArguments(["--logtostderr", "127.0.0.1:50051"]); // { kept: ["--logtostderr", "127.0.0.1:50051"], notes: [] }
 * readArguments(["extra"]).notes; // ['ignoring unexpected argument "extra"', "no engine address in the arguments: ..."]
 * ```
 */
export function readArguments(args: readonly string[]): { kept: string[]; notes: string[] } {
    const kept: string[] = [];
    const notes: string[] = [];
    let address = false;
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === "--tracing" && i + 1 < args.length) kept.push(a, args[++i]);
        else if (ENGINE_FLAGS.test(a)) kept.push(a);
        else if (ADDRESS.test(a) && !address) {
            address = true;
            kept.push(a);
        } else notes.push(`ignoring unexpected argument ${JSON.stringify(a.slice(0, 80))}`);
    }
    if (!address) notes.push("no engine address in the arguments: serving anyway; messages go to stderr");
    return { kept, notes };
}
