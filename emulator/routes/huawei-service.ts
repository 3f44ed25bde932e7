import { authenticateHuawei } from "../huawei-auth";
import type { AnyFixtureCollection } from "../fixture-collection";
import type { EmulatedService } from "../types";
import { GATEWAY_MESSAGES, gatewayError } from "../vendor-errors";
import type { Route, ServiceDefinition } from "./route";

/**
 * A Huawei service behind the API gateway: the gateway answers unknown paths
 * (`APIGW.0101`) and authentication failures before the service sees the request.
 *
 * The real gateway answers a wrong method with 404 `APIGW.0101` "The API does not
 * exist."; the emulator keeps that code and message but sends 405 with `Allow`, so a
 * client bug (wrong verb) is told apart from a wrong path in tests.
 */
export function huaweiService(
  service: Exclude<EmulatedService, "astra">,
  routes: readonly Route[],
  requiredSignedHeaders: readonly string[],
  fixtures: readonly AnyFixtureCollection[],
): ServiceDefinition {
  return {
    service,
    routes,
    fixtures,
    authenticate(ctx) {
      const result = authenticateHuawei(ctx, requiredSignedHeaders);
      if ("denied" in result) return result.denied;
      ctx.principal = result.principal;
      return undefined;
    },
    notFound: (ctx) => gatewayError(ctx, 404, "APIGW.0101", GATEWAY_MESSAGES.notFound),
    methodNotAllowed: (ctx, allowed) =>
      gatewayError(ctx, 405, "APIGW.0101", GATEWAY_MESSAGES.methodNotFound, { Allow: allowed.join(", ") }),
  };
}
