import type { AnyFixtureCollection } from "../fixture-collection";
import type { EmulatedService, EmulatorResponse, RequestContext, RouteParams, SuccessSample } from "../types";

/** One documented operation of an emulated API. */
export interface Route {
  method: string;
  /** Path segments after the service prefix; `:name` segments capture parameters. */
  pattern: readonly string[];
  /** Answers an authenticated request. */
  handle(ctx: RequestContext, params: RouteParams): EmulatorResponse;
  /** The success body this route would give, for faults that damage it (no auth check). */
  sample(ctx: RequestContext, params: RouteParams): SuccessSample;
}

/** How one emulated service routes, authenticates and reports routing errors. */
export interface ServiceDefinition {
  service: EmulatedService;
  routes: readonly Route[];
  /** The fixture records its routes serve (their lists in `fixtures/default.json`, their codecs, their secrets). */
  fixtures: readonly AnyFixtureCollection[];
  /** Runs after a route matched, before its handler; a response stops the request. */
  authenticate(ctx: RequestContext, params: RouteParams): EmulatorResponse | undefined;
  notFound(ctx: RequestContext): EmulatorResponse;
  methodNotAllowed(ctx: RequestContext, allowed: readonly string[]): EmulatorResponse;
}

/** The outcome of matching a request against a service's routes. */
export type RouteMatch =
  | { kind: "route"; route: Route; params: RouteParams }
  | { kind: "wrong-method"; allowed: string[] }
  | { kind: "none" };

/** Finds the route for `segments`; a path that only matches other methods is `wrong-method`. */
export function matchRoute(routes: readonly Route[], method: string, segments: readonly string[]): RouteMatch {
  const allowed: string[] = [];
  for (const route of routes) {
    const params = matchPattern(route.pattern, segments);
    if (!params) continue;
    if (route.method === method) return { kind: "route", route, params };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: "wrong-method", allowed } : { kind: "none" };
}

function matchPattern(pattern: readonly string[], segments: readonly string[]): RouteParams | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: RouteParams = {};
  for (let i = 0; i < pattern.length; i++) {
    const part = pattern[i];
    if (part.startsWith(":")) {
      if (segments[i] === "") return undefined;
      params[part.slice(1)] = segments[i];
    } else if (part !== segments[i]) {
      return undefined;
    }
  }
  return params;
}

/** Routes, authenticates and answers a request for one service. */
export function dispatch(definition: ServiceDefinition, ctx: RequestContext): EmulatorResponse {
  const match = matchRoute(definition.routes, ctx.method, ctx.segments);
  if (match.kind === "none") return definition.notFound(ctx);
  if (match.kind === "wrong-method") return definition.methodNotAllowed(ctx, match.allowed);
  return definition.authenticate(ctx, match.params) ?? match.route.handle(ctx, match.params);
}

/** The success sample for whatever route the request names (the first route if none). */
export function sampleFor(definition: ServiceDefinition, ctx: RequestContext): SuccessSample {
  for (const route of definition.routes) {
    const match = matchRoute([route], route.method, ctx.segments);
    if (match.kind === "route") return route.sample(ctx, match.params);
  }
  return definition.routes[0].sample(ctx, {});
}
