import type { IncomingMessage, ServerResponse } from "node:http";
import { AccountError, findSession } from "@isoloir/accounts";
import type { Db, Driver, Keys } from "@isoloir/db";
import type { JobQueue } from "@isoloir/jobs";
import { TRPCError } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import type { TRPCRequestInfo } from "@trpc/server/http";
import { parse, serialize } from "cookie";
import type { Context } from "./context";
import { isOwnOrigin, requestEdge, type TrustedProxies } from "./edge";
import { appRouter } from "./root";

export const sessionCookie = "isoloir_session";
export const deviceCookie = "isoloir_device";
export const csrfHeader = "x-isoloir-csrf";

/** The API's request limits (see the README). */
export const apiLimits = {
  /** bytes of a request body to /trpc; more answers 413 */
  maxBodyBytes: 1024 * 1024,
  /** calls in one batched request; more answers 400 */
  maxBatchSize: 20,
} as const;

/** Procedures that check a password: never batched, so one request checks at most one password. */
export const unbatchable = new Set(["auth.signIn", "auth.changePassword"]);

export interface HttpDeps {
  db: Db;
  driver: Driver;
  keys: Keys;
  /** set the Secure attribute (behind HTTPS) and send HSTS, whatever the request says */
  secureCookies?: boolean;
  /** proxies whose X-Forwarded-For/-Proto/-Host are believed (`parseTrustedProxies`) */
  trustedProxies?: TrustedProxies;
  /** the job queue long work goes to (enrichment, switch-off deletions); absent, such procedures refuse */
  jobs?: JobQueue;
}

/** The request is HTTPS for cookies and HSTS: a TLS socket, a trusted proxy saying so, or configuration. */
export function isHttps(deps: Pick<HttpDeps, "secureCookies" | "trustedProxies">, req: IncomingMessage) {
  return (deps.secureCookies ?? false) || requestEdge(req, deps.trustedProxies).https;
}

/**
 * Builds a procedure context from an HTTP request: session from the httpOnly cookie, CSRF from a header,
 * the client IP (from the socket unless the peer is a trusted proxy), the device cookie, and whether a
 * present `Origin` header is someone else's.
 */
export async function createHttpContext(
  deps: HttpDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<Context> {
  const cookies = parse(req.headers.cookie ?? "");
  const token = cookies[sessionCookie];
  const session = token ? await findSession(deps.db, token) : undefined;
  const header = req.headers[csrfHeader];
  const edge = requestEdge(req, deps.trustedProxies);
  const secure = (deps.secureCookies ?? false) || edge.https;
  const setCookie = (name: string, value: string | null, maxAge: number) =>
    res.appendHeader(
      "Set-Cookie",
      serialize(name, value ?? "", {
        httpOnly: true,
        sameSite: "strict",
        secure,
        path: "/",
        maxAge: value ? maxAge : 0,
      }),
    );
  return {
    db: deps.db,
    driver: deps.driver,
    keys: deps.keys,
    jobs: deps.jobs,
    token: session ? token : undefined,
    session,
    csrfHeader: typeof header === "string" ? header : undefined,
    ip: edge.ip,
    deviceCookie: cookies[deviceCookie],
    foreignOrigin: !isOwnOrigin(req.headers.origin, edge, secure),
    setSessionCookie: (value) => setCookie(sessionCookie, value, 7 * 24 * 3600),
    setDeviceCookie: (value) => setCookie(deviceCookie, value, 365 * 24 * 3600),
  };
}

/** Refuses a batch of more than one call that includes a password check. */
export function refuseBatchedPasswordChecks(info: Pick<TRPCRequestInfo, "calls">) {
  const checked = info.calls.find((call) => unbatchable.has(call.path));
  if (checked && info.calls.length > 1) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `${checked.path} cannot be batched with other calls: send it alone`,
    });
  }
}

/** Seconds to wait before retrying, from a refusal that says so (a throttled sign-in, a busy server). */
function retryAfter(errors: TRPCError[]): number | undefined {
  const waits = errors.flatMap((error) =>
    error.code === "TOO_MANY_REQUESTS" && error.cause instanceof AccountError && error.cause.retryAfterSeconds
      ? [error.cause.retryAfterSeconds]
      : [],
  );
  return waits.length ? Math.max(...waits) : undefined;
}

type ContextFactory = (deps: HttpDeps, req: IncomingMessage, res: ServerResponse) => Promise<Context>;

/**
 * The /trpc handler: body and batch limits, password checks never batched, Retry-After on 429 and
 * `Cache-Control: no-store` on every answer. `createContext` is replaceable for fault-injection tests.
 */
export function createApiHandler(deps: HttpDeps, options: { createContext?: ContextFactory } = {}) {
  const contextFor = options.createContext ?? createHttpContext;
  return createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    maxBodySize: apiLimits.maxBodyBytes,
    maxBatchSize: apiLimits.maxBatchSize,
    createContext: ({ req, res, info }) => {
      refuseBatchedPasswordChecks(info);
      return contextFor(deps, req, res);
    },
    responseMeta: ({ errors }) => {
      const headers: Record<string, string> = { "cache-control": "no-store" };
      const seconds = retryAfter(errors);
      if (seconds !== undefined) headers["retry-after"] = String(seconds);
      return { headers };
    },
  });
}
