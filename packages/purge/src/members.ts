import { type Capability, can } from "@isoloir/accounts";
import { pseudonym, systemActor } from "@isoloir/audit";
import { type Db, memberships } from "@isoloir/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { PurgeForbiddenError, parseInput } from "./errors";

/** Who acts, in which organisation, with the HMAC key that makes their audit pseudonym. */
export const PurgeContext = z.object({
  orgId: z.uuid(),
  userId: z.uuid(),
  hmacKey: z.string().min(1),
});
export type PurgeContext = z.infer<typeof PurgeContext>;

/** The planner of nightly plans: no member; any compliance member may approve them. */
export const systemPlanner = "00000000-0000-0000-0000-000000000000";

/** The member's pseudonym, as every audit entry of the product names them. */
export const memberPseudonym = (hmacKey: string, orgId: string, userId: string): string =>
  userId === systemPlanner ? systemActor : pseudonym(hmacKey, orgId, "user", userId);

/**
 * The acting member's role, checked against the role table (docs/roles.md) in the
 * database itself, so the CLI, a job and a router all get the same answer.
 */
export async function requireCapability(db: Db, rawCtx: PurgeContext, capability: Capability) {
  const ctx = parseInput(PurgeContext, rawCtx);
  const [member] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, ctx.userId)));
  if (!member || !can(member.role, capability))
    throw new PurgeForbiddenError(capability, member?.role ?? null);
  return { ctx, role: member.role, actor: memberPseudonym(ctx.hmacKey, ctx.orgId, ctx.userId) };
}
