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
    if (!ok) throw new TRPCError({ code: "FORBIDDEN", message: "missing or wrong CSRF token: reload the page" });
  }
  return next();
});

export const publicProcedure = t.procedure.use(mapErrors).use(csrf);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session || !ctx.token) throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in first" });
  return next({ ctx: { ...ctx, session: ctx.session, token: ctx.token, user: ctx.session.user } });
});

/** Narrows the context to a member of the session's organisation: `org` and `member` are never null. */
export const orgProcedure = authedProcedure.use(async ({ ctx, next }) => {
  const orgId = ctx.session.session.orgId;
  if (!orgId) throw new TRPCError({ code: "FORBIDDEN", message: "you are not a member of any organisation" });
  const [row] = await ctx.db
    .select({ org: organisations, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, ctx.user.id)));
  if (!row) throw new TRPCError({ code: "FORBIDDEN", message: "you are no longer a member of this organisation" });
  const actor = pseudonym(ctx.keys.hmacKey, row.org.id, "user", ctx.user.id);
  const org = row.org;
  // Runs the handler as the restricted tenant role, so row-level security backs up every org_id filter;
  // a failed handler rolls its transaction back.
  const runNext = (tx: Db) => next({ ctx: { ...ctx, db: tx, org, member: { role: row.role, actor } } });
  let outcome: Awaited<ReturnType<typeof runNext>> | undefined;
  try {
    await withTenant(ctx.db, org.id, async (tx) => {
      outcome = await runNext(tx);
      if (!outcome.ok) throw rollBack;
    });
  } catch (error) {
    if (error !== rollBack) throw error;
  }
  if (!outcome) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "the request did not complete" });
  return outcome;
});

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
