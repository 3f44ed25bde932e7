import type { EmulatorResponse, RequestContext } from "../types";

/**
 * The project check a regional Huawei service makes. The emulator answers a project
 * the caller cannot use with 403 in the service's own error shape (not 404): an
 * IAM token or AK/SK is scoped to a project, and a mismatch is an authorization
 * failure, which is what a client must report ("wrong project"), not "no such task".
 * The path project must be a fixture project; with AK/SK, `X-Project-Id` must equal it.
 */
export function projectScopeError(
  ctx: RequestContext,
  projectId: string,
  forbidden: () => EmulatorResponse,
): EmulatorResponse | undefined {
  if (!ctx.data.huawei.projects.some((p) => p.id === projectId)) return forbidden();
  if (ctx.principal?.kind === "aksk" && ctx.headers["x-project-id"] !== projectId) return forbidden();
  return undefined;
}
