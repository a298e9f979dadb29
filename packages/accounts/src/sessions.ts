import { createHash, randomBytes } from "node:crypto";
import { type Db, memberships, sessions, signInThrottle, users } from "@isoloir/db";
import { and, eq, gt, lt } from "drizzle-orm";
import { z } from "zod";
import { AccountError } from "./errors";
import { hashPassword, verifyPassword } from "./passwords";

const sessionLifetimeMs = 7 * 24 * 3600 * 1000;
const throttleWindowMs = 15 * 60 * 1000;
const freeFailures = 5;
const maxLockMs = 15 * 60 * 1000;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

export const Credentials = z
  .object({ email: z.string().trim().toLowerCase().max(320), password: z.string().min(1).max(200) })
  .strict();
export type Credentials = z.input<typeof Credentials>;

// Verified against when the account does not exist, so both paths cost one argon2 verification.
let decoyHash: Promise<string> | undefined;

async function checkThrottle(db: Db, keyHash: string, now: Date) {
  const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.keyHash, keyHash));
  if (row?.lockedUntil && row.lockedUntil > now) {
    const seconds = Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000);
    throw new AccountError("throttled", `too many failed sign-ins: try again in ${seconds} s`, seconds);
  }
  return row;
}

async function recordFailure(
  db: Db,
  keyHash: string,
  previous: typeof signInThrottle.$inferSelect | undefined,
  now: Date,
) {
  const fresh = !previous || now.getTime() - previous.windowStart.getTime() > throttleWindowMs;
  const failures = fresh ? 1 : previous.failures + 1;
  const lockMs = failures >= freeFailures ? Math.min(maxLockMs, 30_000 * 2 ** (failures - freeFailures)) : 0;
  const values = {
    keyHash,
    failures,
    windowStart: fresh ? now : previous.windowStart,
    lockedUntil: lockMs ? new Date(now.getTime() + lockMs) : null,
  };
  await db
    .insert(signInThrottle)
    .values(values)
    .onConflictDoUpdate({ target: signInThrottle.keyHash, set: values });
}

/** Checks the password (argon2id), throttles repeated failures per account, and opens a session. */
export async function signIn(db: Db, input: Credentials, now = new Date()) {
  const { email, password } = Credentials.parse(input);
  const keyHash = sha256(`sign-in:${email}`);
  const throttle = await checkThrottle(db, keyHash, now);
  const [user] = await db.select().from(users).where(eq(users.email, email));
  decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
  if (!user || !ok) {
    await recordFailure(db, keyHash, throttle, now);
    throw new AccountError("invalid_credentials", "wrong email or password");
  }
  await db.delete(signInThrottle).where(eq(signInThrottle.keyHash, keyHash));
  return openSession(db, user.id, now);
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

export async function changePassword(db: Db, userId: string, current: string, next: string) {
  const parsedNext = z.string().min(10, "the new password needs at least 10 characters").max(200).parse(next);
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || !(await verifyPassword(user.passwordHash, current))) {
    throw new AccountError("invalid_credentials", "the current password is wrong");
  }
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(parsedNext), mustChangePassword: false })
    .where(eq(users.id, userId));
}

export async function purgeExpiredSessions(db: Db, now = new Date()) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
