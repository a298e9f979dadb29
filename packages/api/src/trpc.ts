import { type Capability, can } from "@isoloir/accounts";
import { pseudonym } from "@isoloir/audit";
import { type Db, memberships, organisations, withTenant } from "@isoloir/db";
import { initTRPC, TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { ZodError } from "zod";
import type { Context } from "./context";
import { toTrpcError } from "./errors";

const internalMessage = "something went wrong on our side";

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    // never send a stack trace to a client, nor the message of an error we did not word ourselves: an
    // unexpected error (a driver's, from createContext or a middleware) can carry SQL and personal data
    const { stack: _stack, ...data } = shape.data;
    const message = error.code === "INTERNAL_SERVER_ERROR" ? internalMessage : shape.message;
    return { ...shape, message, data };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Domain errors are mapped once, here, for every procedure. tRPC's own refusals of a malformed request
 * (bad JSON, a body too large) keep their client-error code; malformed JSON gets a clear message.
 */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const { error } = result;
  if (error.code === "BAD_REQUEST" && error.cause instanceof SyntaxError) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "the request is not valid JSON" });
  }
  if (error.code !== "INTERNAL_SERVER_ERROR" && !(error.cause instanceof ZodError)) throw error;
  throw toTrpcError(error.cause ?? error);
});

/** Whether a parsed JSON input holds a NUL character in any string or key (PostgreSQL text cannot). */
function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (depth > 200 || value === null || typeof value !== "object") return false;
  return Object.entries(value).some(([key, item]) => key.includes("\u0000") || holdsNul(item, depth + 1));
}

/** Input carrying NUL characters is the client's error (400), not the database's (500). */
const noNul = t.middleware(async ({ getRawInput, next }) => {
  if (holdsNul(await getRawInput())) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "text may not contain NUL characters (\\u0000)" });
  }
  return next();
});

/**
 * Mutations must carry the session's CSRF token in a header (a cross-site form cannot set one), and a
 * present `Origin` header must be the server's own (a request without one is judged by the token alone).
 */
const csrf = t.middleware(({ ctx, type, next }) => {
  if (type === "mutation") {
    if (ctx.foreignOrigin)
      throw new TRPCError({ code: "FORBIDDEN", message: "cross-origin request refused" });
    const expected = ctx.session?.session.csrfToken;
    const ok = expected ? ctx.csrfHeader === expected : ctx.csrfHeader !== undefined;
    if (!ok)
      throw new TRPCError({ code: "FORBIDDEN", message: "missing or wrong CSRF token: reload the page" });
  }
  return next();
});

export const publicProcedure = t.procedure.use(mapErrors).use(noNul).use(csrf);

/** What a user who must change their password may still do (besides the public `auth.me`). */
const beforePasswordChange = new Set(["auth.changePassword", "auth.signOut"]);

export const authedProcedure = publicProcedure.use(({ ctx, path, next }) => {
  if (!ctx.session || !ctx.token) throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in first" });
  if (ctx.session.user.mustChangePassword && !beforePasswordChange.has(path)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "change your password first" });
  }
  return next({ ctx: { ...ctx, session: ctx.session, token: ctx.token, user: ctx.session.user } });
});

/** The caller's membership of the session's organisation, or FORBIDDEN. */
async function membershipOf(db: Db, orgId: string | null, userId: string) {
  if (!orgId) throw new TRPCError({ code: "FORBIDDEN", message: "you are not a member of any organisation" });
  const [row] = await db
    .select({ org: organisations, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  if (!row)
    throw new TRPCError({ code: "FORBIDDEN", message: "you are no longer a member of this organisation" });
  return row;
}

/**
 * A member's procedure that runs outside the tenant transaction, for talking to the job queue (the
 * embedded queue shares PGlite's one session, so it cannot run inside a transaction). Handlers read
 * tenant data through `withTenant` themselves and scope job access by org id.
 */
export function queueProcedure(capability: Capability) {
  return authedProcedure.use(async ({ ctx, next }) => {
    const row = await membershipOf(ctx.db, ctx.session.session.orgId, ctx.user.id);
    if (!can(row.role, capability)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `your role (${row.role}) may not do this` });
    }
    const jobs = ctx.jobs;
    if (!jobs) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "this server runs no job queue" });
    const actor = pseudonym(ctx.keys.hmacKey, row.org.id, "user", ctx.user.id);
    return next({ ctx: { ...ctx, jobs, org: row.org, member: { role: row.role, actor } } });
  });
}

/** Narrows the context to a member of the session's organisation: `org` and `member` are never null. */
export const orgProcedure = authedProcedure.use(async ({ ctx, next }) => {
  const row = await membershipOf(ctx.db, ctx.session.session.orgId, ctx.user.id);
  const actor = pseudonym(ctx.keys.hmacKey, row.org.id, "user", ctx.user.id);
  const org = row.org;
  const committed: AfterCommit[] = [];
  const afterCommit = (task: AfterCommit) => void committed.push(task);
  // Runs the handler as the restricted tenant role, so row-level security backs up every org_id filter;
  // a failed handler rolls its transaction back.
  const runNext = (tx: Db) =>
    next({ ctx: { ...ctx, db: tx, org, member: { role: row.role, actor }, afterCommit } });
  let outcome: Awaited<ReturnType<typeof runNext>> | undefined;
  try {
    await withTenant(ctx.db, org.id, async (tx) => {
      outcome = await runNext(tx);
      if (!outcome.ok) throw rollBack;
    });
  } catch (error) {
    if (error !== rollBack) throw error;
  }
  if (!outcome)
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "the request did not complete" });
  for (const task of committed) await task(ctx.db);
  return outcome;
});

/**
 * Work that must only happen once the handler's transaction committed, outside it: queueing a job
 * (the embedded queue shares PGlite's one session, so it cannot run inside the tenant transaction).
 * It gets the database outside the tenant transaction and must scope every query by org id itself.
 */
export type AfterCommit = (db: Db) => Promise<void>;

const rollBack = Symbol("roll back the tenant transaction");

/** An org procedure that also requires one capability of the role table. */
export function capable(capability: Capability) {
  return orgProcedure.use(({ ctx, next }) => {
    if (!can(ctx.member.role, capability)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `your role (${ctx.member.role}) may not do this` });
    }
    return next();
  });
}
