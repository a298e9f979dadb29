import { type Capability, can } from "@isoloir/accounts";
import { pseudonym } from "@isoloir/audit";
import { type Db, memberships, organisations, withTenant } from "@isoloir/db";
import { initTRPC, TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import type { Context } from "./context";
import { toTrpcError } from "./errors";

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape }) {
    // never send a stack trace to a client
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, data };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain errors are mapped once, here, for every procedure. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toTrpcError(result.error.cause ?? result.error);
  return result;
});

/** Mutations must carry the session's CSRF token in a header (a cross-site form cannot set one). */
const csrf = t.middleware(({ ctx, type, next }) => {
  if (type === "mutation") {
    const expected = ctx.session?.session.csrfToken;
    const ok = expected ? ctx.csrfHeader === expected : ctx.csrfHeader !== undefined;
    if (!ok)
      throw new TRPCError({ code: "FORBIDDEN", message: "missing or wrong CSRF token: reload the page" });
  }
  return next();
});

export const publicProcedure = t.procedure.use(mapErrors).use(csrf);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session || !ctx.token) throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in first" });
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
