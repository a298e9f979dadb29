import type { IncomingMessage, ServerResponse } from "node:http";
import { findSession } from "@isoloir/accounts";
import type { Db, Driver, Keys } from "@isoloir/db";
import type { JobQueue } from "@isoloir/jobs";
import { parse, serialize } from "cookie";
import type { Context } from "./context";

export const sessionCookie = "isoloir_session";
export const csrfHeader = "x-isoloir-csrf";

export interface HttpDeps {
  db: Db;
  driver: Driver;
  keys: Keys;
  /** set the Secure attribute (behind HTTPS) */
  secureCookies?: boolean;
  /** the job queue long work goes to (enrichment, switch-off deletions); absent, such procedures refuse */
  jobs?: JobQueue;
}

/** Builds a procedure context from an HTTP request: session from the httpOnly cookie, CSRF from a header. */
export async function createHttpContext(
  deps: HttpDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<Context> {
  const token = parse(req.headers.cookie ?? "")[sessionCookie];
  const session = token ? await findSession(deps.db, token) : undefined;
  const header = req.headers[csrfHeader];
  return {
    db: deps.db,
    driver: deps.driver,
    keys: deps.keys,
    jobs: deps.jobs,
    token: session ? token : undefined,
    session,
    csrfHeader: typeof header === "string" ? header : undefined,
    setSessionCookie: (value) => {
      const cookie = serialize(sessionCookie, value ?? "", {
        httpOnly: true,
        sameSite: "strict",
        secure: deps.secureCookies ?? false,
        path: "/",
        maxAge: value ? 7 * 24 * 3600 : 0,
      });
      res.appendHeader("Set-Cookie", cookie);
    },
  };
}
