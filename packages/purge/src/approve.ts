import { appendAudit } from "@isoloir/audit";
import { type Db, organisations, purgePlans } from "@isoloir/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import {
  FourEyesError,
  PlanExpiredError,
  PlanMismatchError,
  PlanStateError,
  PurgeForbiddenError,
  parseInput,
} from "./errors";
import { type PurgeContext, requireCapability } from "./members";
import { type PurgePlan, readPlan } from "./plan";
import { getPlan } from "./plan-read";
import { PlanHash } from "./scope";

export const ApproveInput = z
  .object({
    planId: z.uuid(),
    /** the hash of the plan the approver reviewed: a different plan is refused */
    planHash: PlanHash.optional(),
    now: z.date().optional(),
  })
  .strict();
export type ApproveInput = z.input<typeof ApproveInput>;

/** The four-eyes rule: while it is on, the member who planned a plan may not approve it. */
export const barredByFourEyes = (fourEyes: boolean, plan: { plannedBy: string }, userId: string): boolean =>
  fourEyes && plan.plannedBy === userId;

/**
 * A compliance member approves a plan. Four eyes (on by default): not the planner. With four-eyes off
 * (only an owner may turn it off), a compliance member may approve their own plan.
 */
export async function approvePlan(db: Db, ctx: PurgeContext, rawInput: ApproveInput): Promise<PurgePlan> {
  const input = parseInput(ApproveInput, rawInput);
  const { ctx: acting, actor } = await requireCapability(db, ctx, "approvePurge");
  const now = input.now ?? new Date();
  await expireIfDue(db, acting.orgId, input.planId, now);
  return db.transaction(async (tx) => {
    const plan = await getPlan(tx, { orgId: acting.orgId, planId: input.planId });
    if (plan.state !== "planned")
      throw new PlanStateError(plan.id, plan.state, "only a plan waiting for approval can be approved");
    if (input.planHash && input.planHash !== plan.planHash)
      throw new PlanMismatchError(plan.id, input.planHash, plan.planHash);
    const [org] = await tx
      .select({ fourEyes: organisations.fourEyesPurgeApproval })
      .from(organisations)
      .where(eq(organisations.id, acting.orgId));
    if (barredByFourEyes(org?.fourEyes !== false, plan, acting.userId)) throw new FourEyesError(plan.id);
    const [approved] = await tx
      .update(purgePlans)
      .set({ state: "approved", approvedBy: acting.userId, approvedAt: now })
      .where(
        and(eq(purgePlans.orgId, plan.orgId), eq(purgePlans.id, plan.id), eq(purgePlans.state, "planned")),
      )
      .returning();
    if (!approved)
      throw new PlanStateError(plan.id, "no longer planned", "it was approved or expired meanwhile");
    await appendAudit(tx, {
      orgId: plan.orgId,
      action: "purge.approved",
      actor,
      target: `plan:${plan.id}`,
      details: { planId: plan.id, planHash: plan.planHash, fourEyes: org?.fourEyes !== false },
    });
    return readPlan(approved);
  });
}

/** A plan past its expiry that nobody ran is marked expired (and refused). */
export async function expireIfDue(db: Db, orgId: string, planId: string, now: Date): Promise<void> {
  const plan = await getPlan(db, { orgId, planId });
  if (plan.expiresAt > now || !["planned", "approved"].includes(plan.state)) return;
  await db
    .update(purgePlans)
    .set({ state: "expired" })
    .where(and(eq(purgePlans.orgId, orgId), eq(purgePlans.id, planId), eq(purgePlans.state, plan.state)));
  throw new PlanExpiredError(plan.id, plan.expiresAt);
}

export const FourEyesInput = z.object({ on: z.boolean() }).strict();

/** Turns four-eyes approval on or off. Only an owner may turn it off; either change is audited. */
export async function setFourEyes(
  db: Db,
  ctx: PurgeContext,
  rawInput: z.input<typeof FourEyesInput>,
): Promise<boolean> {
  const { on } = parseInput(FourEyesInput, rawInput);
  const {
    ctx: acting,
    actor,
    role,
  } = await requireCapability(db, ctx, on ? "manageOrgSettings" : "turnOffFourEyes");
  if (!on && role !== "owner") throw new PurgeForbiddenError("turnOffFourEyes", role);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ fourEyes: organisations.fourEyesPurgeApproval })
      .from(organisations)
      .where(eq(organisations.id, acting.orgId));
    await tx
      .update(organisations)
      .set({ fourEyesPurgeApproval: on })
      .where(eq(organisations.id, acting.orgId));
    await appendAudit(tx, {
      orgId: acting.orgId,
      action: "purge.four_eyes_changed",
      actor,
      details: { on, was: before?.fourEyes ?? true },
    });
    return on;
  });
}
