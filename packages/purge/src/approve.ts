import { appendAudit } from "@isoloir/audit";
import { type Db, memberships, organisations, purgePlans } from "@isoloir/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import {
  type FourEyesBar,
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

/** What four eyes reads of a would-be approver's membership. */
export interface ApproverGrant {
  userId: string;
  /** who added (invited) them to the organisation; null when not recorded */
  addedBy: string | null;
  /** who granted their current role, and when */
  roleGrantedBy: string | null;
  roleGrantedAt: Date;
}

const HOUR = 3_600_000;

/**
 * The four-eyes rule, the one place that decides (the approval itself and the admin's approval view call
 * it). While it is on, a member may not approve a plan when they planned it (`own_plan`); when the planner
 * added them or granted their current role (`granted_by_planner`), so that one person cannot make the
 * second pair of eyes; or when their role was granted less than `coolingOffHours` before the plan was
 * created (`recent_grant`), so that a grant made for the occasion cannot approve it. `null`: not barred.
 */
export function barredByFourEyes(
  fourEyes: { on: boolean; coolingOffHours: number },
  plan: { plannedBy: string; plannedAt: Date },
  approver: ApproverGrant,
): FourEyesBar | null {
  if (!fourEyes.on) return null;
  if (plan.plannedBy === approver.userId) return "own_plan";
  if (approver.addedBy === plan.plannedBy || approver.roleGrantedBy === plan.plannedBy)
    return "granted_by_planner";
  if (approver.roleGrantedAt.getTime() > plan.plannedAt.getTime() - fourEyes.coolingOffHours * HOUR)
    return "recent_grant";
  return null;
}

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
      .select({
        fourEyes: organisations.fourEyesPurgeApproval,
        coolingOffHours: organisations.fourEyesCoolingOffHours,
      })
      .from(organisations)
      .where(eq(organisations.id, acting.orgId));
    const [grant] = await tx
      .select({
        userId: memberships.userId,
        addedBy: memberships.addedBy,
        roleGrantedBy: memberships.roleGrantedBy,
        roleGrantedAt: memberships.roleGrantedAt,
      })
      .from(memberships)
      .where(and(eq(memberships.orgId, acting.orgId), eq(memberships.userId, acting.userId)));
    const fourEyes = { on: org?.fourEyes !== false, coolingOffHours: org?.coolingOffHours ?? 24 };
    const bar = grant ? barredByFourEyes(fourEyes, plan, grant) : "recent_grant";
    if (bar) throw new FourEyesError(plan.id, bar, fourEyes.coolingOffHours);
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

export const CoolingOffInput = z.object({ hours: z.number().int().min(0).max(720) }).strict();

/**
 * Sets how long an approver must have held the compliance role before a plan was created (default 24 h).
 * Owner only; audited with the old and new values.
 */
export async function setFourEyesCoolingOff(
  db: Db,
  ctx: PurgeContext,
  rawInput: z.input<typeof CoolingOffInput>,
): Promise<number> {
  const { hours } = parseInput(CoolingOffInput, rawInput);
  const { ctx: acting, actor, role } = await requireCapability(db, ctx, "turnOffFourEyes");
  if (role !== "owner") throw new PurgeForbiddenError("turnOffFourEyes", role);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ hours: organisations.fourEyesCoolingOffHours })
      .from(organisations)
      .where(eq(organisations.id, acting.orgId))
      .for("update");
    await tx
      .update(organisations)
      .set({ fourEyesCoolingOffHours: hours })
      .where(eq(organisations.id, acting.orgId));
    await appendAudit(tx, {
      orgId: acting.orgId,
      action: "purge.four_eyes_cooling_off_changed",
      actor,
      details: { hours, was: before?.hours ?? 24 },
    });
    return hours;
  });
}

export type { FourEyesBar };

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
