import type { findSession } from "@isoloir/accounts";
import type { Db, Driver, Keys } from "@isoloir/db";
import type { JobQueue } from "@isoloir/jobs";

export type SessionWithUser = NonNullable<Awaited<ReturnType<typeof findSession>>>;

/** What every procedure gets: the database, the secrets, and who is calling. */
export interface Context {
  db: Db;
  driver: Driver;
  keys: Keys;
  /** the job queue (absent in contexts that start no long work) */
  jobs?: JobQueue;
  /** the raw session token from the cookie, if any */
  token?: string;
  session?: SessionWithUser;
  /** the CSRF token the client sent in its header, if any */
  csrfHeader?: string;
  /** sets or clears the session cookie (the HTTP layer decides its attributes) */
  setSessionCookie: (token: string | null) => void;
}
