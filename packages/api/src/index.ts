export type { Context } from "./context";
export { isOwnOrigin, parseTrustedProxies, type RequestEdge, requestEdge, type TrustedProxies } from "./edge";
export { toTrpcError } from "./errors";
export {
  apiLimits,
  createApiHandler,
  createHttpContext,
  csrfHeader,
  deviceCookie,
  type HttpDeps,
  isHttps,
  sessionCookie,
} from "./http";
export { type AppRouter, appRouter } from "./root";
export { createCallerFactory } from "./trpc";
export { startJobWorkers } from "./workers";
