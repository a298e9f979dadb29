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
  /** the client's IP address (from the socket, or a trusted proxy's X-Forwarded-For) */
  ip?: string;
  /** the device cookie the client sent, if any (valid only for the account it was issued for) */
  deviceCookie?: string;
  /** the request carries an `Origin` header that is not the server's own: mutations are refused */
  foreignOrigin?: boolean;
  /** sets or clears the session cookie (the HTTP layer decides its attributes) */
  setSessionCookie: (token: string | null) => void;
  /** sets the device cookie after a successful sign-in (absent outside HTTP) */
  setDeviceCookie?: (value: string) => void;
}
