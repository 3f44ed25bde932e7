/**
 * A failure the engine shows as the call's error (gRPC UNKNOWN, its message as the details); its
 * message never holds a secret. Its own module, so the server's start-up path has it without
 * loading the reads.
 *
 * @example
 * ```ts
 * throw new PluginError("cloudreads provider: no subpackage \"x\"");
 * ```
 */
export class PluginError extends Error {}
