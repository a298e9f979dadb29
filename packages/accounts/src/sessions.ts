import { createHash, randomBytes } from "node:crypto";
import { type Db, memberships, sessions, users } from "@isoloir/db";
import { and, eq, gt, lt, ne } from "drizzle-orm";
import { z } from "zod";
import { AccountError } from "./errors";
import { limiterKey, purgeStaleThrottles, refundAll, reserveAll, signInLimits } from "./limits";
import { type PasswordQueue, passwordQueue } from "./password-queue";
import { hashPassword, verifyPassword } from "./passwords";

const sessionLifetimeMs = 7 * 24 * 3600 * 1000;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

export const Credentials = z
  .object({ email: z.string().trim().toLowerCase().max(320), password: z.string().min(1).max(200) })
  .strict();
export type Credentials = z.input<typeof Credentials>;

/** The email as sign-in compares it (trimmed, lower case), e.g. to check a device cookie against it. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

// Verified against when the account does not exist, so both paths cost one argon2 verification.
let decoyHash: Promise<string> | undefined;

export interface SignInOptions {
  now?: Date;
  /** the client's IP address: its own budget across accounts */
  ip?: string;
  /** the device id of a valid device cookie for this account (`deviceIdFor`): its own budget */
  deviceId?: string;
  /** the password verifier (tests count calls) */
  verify?: (passwordHash: string, password: string) => Promise<boolean>;
  /** the queue bounding concurrent hashing (tests pass their own) */
  queue?: PasswordQueue;
}

/**
 * Checks the password (argon2id) and opens a session. A sign-in first gets a slot in the password queue
 * (or `throttled` when it is full), then reserves its check, atomically, on the client IP's budget and on
 * the account's (or this device's) budget, so concurrent guesses cannot all be checked; a refused
 * reservation throws `throttled` without hashing. A successful sign-in gives its reservations back; a
 * wrong password keeps them. No transaction or row lock is held while hashing.
 */
export async function signIn(db: Db, input: Credentials, options: SignInOptions = {}) {
  const { email, password } = Credentials.parse(input);
  const now = options.now ?? new Date();
  const budgets: [string, number][] = [];
  if (options.ip) budgets.push([limiterKey("ip", options.ip), signInLimits.perIp]);
  budgets.push(
    options.deviceId
      ? [limiterKey("device", email, options.deviceId), signInLimits.perDevice]
      : [limiterKey("account", email), signInLimits.perAccount],
  );
  // The queue admits a few sign-ins at a time, before any database work or hashing: a flood is refused
  // here at once (429) instead of queueing every statement and hash ahead of a legitimate sign-in.
  return (options.queue ?? passwordQueue).run(async () => {
    const reserved = await reserveAll(db, budgets, now);
    let user: typeof users.$inferSelect | undefined;
    let ok: boolean;
    try {
      [user] = await db.select().from(users).where(eq(users.email, email));
      decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
      const passwordHash = user?.passwordHash ?? (await decoyHash);
      ok = await (options.verify ?? verifyPassword)(passwordHash, password);
    } catch (error) {
      // the password was not checked (a failed read): the attempt costs nothing
      await refundAll(db, reserved);
      throw error;
    }
    if (!user || !ok) throw new AccountError("invalid_credentials", "wrong email or password");
    await refundAll(db, reserved);
    const session = await openSession(db, user.id, now);
    return { ...session, userId: user.id, email };
  });
}

export async function openSession(db: Db, userId: string, now = new Date()) {
  const token = randomBytes(32).toString("base64url");
  const [first] = await db
    .select({ orgId: memberships.orgId })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .limit(1);
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId,
    orgId: first?.orgId ?? null,
    csrfToken: randomBytes(24).toString("base64url"),
    expiresAt: new Date(now.getTime() + sessionLifetimeMs),
  });
  return { token };
}

/** The live session behind a cookie token, with its user; undefined when absent or expired. */
export async function findSession(db: Db, token: string, now = new Date()) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, now)));
  return row;
}

export async function signOut(db: Db, token: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

export async function switchOrganisation(db: Db, token: string, userId: string, orgId: string) {
  const [member] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId)));
  if (!member) throw new AccountError("not_found", "organisation not found");
  await db
    .update(sessions)
    .set({ orgId })
    .where(eq(sessions.tokenHash, sha256(token)));
}

/**
 * Changes a user's password after checking the current one (reserved on its own budget, like a sign-in)
 * and ends every other session of that user: whoever else held one must sign in with the new password.
 */
export async function changePassword(
  db: Db,
  userId: string,
  current: string,
  next: string,
  options: { keepToken?: string; now?: Date; queue?: PasswordQueue } = {},
) {
  const parsedNext = z.string().min(10, "the new password needs at least 10 characters").max(200).parse(next);
  const now = options.now ?? new Date();
  const queue = options.queue ?? passwordQueue;
  const reserved = await reserveAll(
    db,
    [[limiterKey("change", userId), signInLimits.perPasswordChange]],
    now,
  );
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  let ok: boolean;
  try {
    ok = !!user && (await queue.run(() => verifyPassword(user.passwordHash, current)));
  } catch (error) {
    await refundAll(db, reserved);
    throw error;
  }
  if (!ok) throw new AccountError("invalid_credentials", "the current password is wrong");
  await refundAll(db, reserved);
  const passwordHash = await queue.run(() => hashPassword(parsedNext));
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, userId));
    const others = options.keepToken
      ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, sha256(options.keepToken)))
      : eq(sessions.userId, userId);
    await tx.delete(sessions).where(others);
  });
}

/** Deletes expired sessions and the sign-in counters whose window ended. */
export async function purgeExpiredSessions(db: Db, now = new Date()) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
  await purgeStaleThrottles(db, now);
}
