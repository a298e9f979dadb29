export type { Context } from "./context";
export { toTrpcError } from "./errors";
export { createHttpContext, csrfHeader, type HttpDeps, sessionCookie } from "./http";
export { type AppRouter, appRouter } from "./root";
export { createCallerFactory } from "./trpc";
export { startJobWorkers } from "./workers";
