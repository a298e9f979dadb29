import { createHash } from "node:crypto";
import { type Db, signInThrottle } from "@isoloir/db";
import { and, eq, gt, lte, sql } from "drizzle-orm";
import { AccountError } from "./errors";

/** The sign-in limits (see "Sign-in limits" in the README). */
export const signInLimits = {
  /** the fixed window every budget below is counted in */
  windowMs: 15 * 60 * 1000,
  /** password checks per account for clients without that account's device cookie (all of them together) */
  perAccount: 10,
  /** password checks per account for one device cookie of that account (each device its own budget) */
  perDevice: 10,
  /** password checks per client IP, whatever the account */
  perIp: 50,
  /** password checks per signed-in user changing their password */
  perPasswordChange: 10,
} as const;

export const limiterKey = (kind: "ip" | "account" | "device" | "change", ...parts: string[]) =>
  createHash("sha256")
    .update(`sign-in:${kind}:${parts.join("\0")}`)
    .digest("hex");

export interface Reservation {
  keyHash: string;
  windowStart: Date;
}

const toTimestamp = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/**
 * Reserves one password check on `keyHash`, in one statement, before the password is hashed: the upsert
 * counts the attempt and decides whether it is allowed (under `limit` in the current window, or a window
 * that has ended and starts again). Nothing is locked past the statement. Refused, it throws `throttled`
 * with the seconds until the window ends.
 */
export async function reserve(db: Db, keyHash: string, limit: number, now: Date): Promise<Reservation> {
  const expired = sql`${signInThrottle.windowStart} <= ${toTimestamp(new Date(now.getTime() - signInLimits.windowMs))}`;
  const [row] = await db
    .insert(signInThrottle)
    .values({ keyHash, attempts: 1, windowStart: now })
    .onConflictDoUpdate({
      target: signInThrottle.keyHash,
      set: {
        attempts: sql`case when ${expired} then 1 else ${signInThrottle.attempts} + 1 end`,
        windowStart: sql`case when ${expired} then ${toTimestamp(now)} else ${signInThrottle.windowStart} end`,
      },
      setWhere: sql`${expired} or ${signInThrottle.attempts} < ${limit}`,
    })
    .returning({ windowStart: signInThrottle.windowStart });
  if (row) return { keyHash, windowStart: row.windowStart };
  const [current] = await db
    .select({ windowStart: signInThrottle.windowStart })
    .from(signInThrottle)
    .where(eq(signInThrottle.keyHash, keyHash));
  const ends = (current?.windowStart.getTime() ?? now.getTime()) + signInLimits.windowMs;
  const seconds = Math.max(1, Math.ceil((ends - now.getTime()) / 1000));
  throw new AccountError("throttled", `too many sign-in attempts: try again in ${seconds} s`, seconds);
}

/** Gives a reserved check back (a successful sign-in, or a check that never ran). */
export async function refund(db: Db, reservation: Reservation): Promise<void> {
  await db
    .update(signInThrottle)
    .set({ attempts: sql`${signInThrottle.attempts} - 1` })
    .where(
      and(
        eq(signInThrottle.keyHash, reservation.keyHash),
        eq(signInThrottle.windowStart, reservation.windowStart),
        gt(signInThrottle.attempts, 0),
      ),
    );
}

/** Reserves every key in order; when one is refused, gives back the ones already reserved. */
export async function reserveAll(db: Db, budgets: [keyHash: string, limit: number][], now: Date) {
  const reserved: Reservation[] = [];
  try {
    for (const [keyHash, limit] of budgets) reserved.push(await reserve(db, keyHash, limit, now));
  } catch (error) {
    await refundAll(db, reserved);
    throw error;
  }
  return reserved;
}

export async function refundAll(db: Db, reserved: Reservation[]) {
  for (const reservation of reserved) await refund(db, reservation);
}

/** Deletes the counters whose window ended (run with the expired-session purge). */
export async function purgeStaleThrottles(db: Db, now = new Date()) {
  await db
    .delete(signInThrottle)
    .where(lte(signInThrottle.windowStart, new Date(now.getTime() - signInLimits.windowMs)));
}
