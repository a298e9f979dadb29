import { appendAudit } from "@isoloir/audit";
import { type Db, purgePlans, purgeRuns } from "@isoloir/db";
import { policy as currentPolicy } from "@isoloir/policies";
import { and, eq, ne, sql } from "drizzle-orm";
import { expireIfDue } from "./approve";
import { PlanMismatchError, PlanNotFoundError, PlanStateError } from "./errors";
import type { PurgeContext } from "./members";
import { type PurgePlan, readPlan } from "./plan";

// A run's life outside its batches: opened (or found again after a crash), completed, or stopped.

export type PurgeRun = typeof purgeRuns.$inferSelect;

export interface OpenRunInput {
  planId: string;
  planHash?: string;
  now?: Date;
}

export async function planOf(db: Db, orgId: string, planId: string): Promise<PurgePlan> {
  const [plan] = await db
    .select()
    .from(purgePlans)
    .where(and(eq(purgePlans.orgId, orgId), eq(purgePlans.id, planId)));
  if (!plan) throw new PlanNotFoundError(planId);
  return readPlan(plan);
}

/** The plan's live or completed run (to resume after a crash), or a new one for an approved plan. */
export async function openRun(
  db: Db,
  ctx: PurgeContext,
  actor: string,
  input: OpenRunInput,
): Promise<PurgeRun> {
  const existing = await findRun(db, ctx.orgId, input.planId);
  if (existing) return existing;
  await expireIfDue(db, ctx.orgId, input.planId, input.now ?? new Date());
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .select()
      .from(purgePlans)
      .where(and(eq(purgePlans.orgId, ctx.orgId), eq(purgePlans.id, input.planId)))
      .for("update");
    if (!plan) throw new PlanNotFoundError(input.planId);
    const live = await findRun(tx, ctx.orgId, input.planId);
    if (live) return live;
    if (plan.state !== "approved")
      throw new PlanStateError(plan.id, plan.state, "only an approved plan can run");
    if (input.planHash && input.planHash !== plan.planHash)
      throw new PlanMismatchError(plan.id, input.planHash, plan.planHash);
    const [run] = await tx
      .insert(purgeRuns)
      .values({ orgId: ctx.orgId, planId: plan.id, runBy: ctx.userId })
      .returning();
    if (!run) throw new Error("insert purge run returned nothing");
    await tx
      .update(purgePlans)
      .set({ state: "running" })
      .where(and(eq(purgePlans.orgId, ctx.orgId), eq(purgePlans.id, plan.id)));
    await appendAudit(tx, {
      orgId: ctx.orgId,
      action: "purge.run_started",
      actor,
      target: `plan:${plan.id}`,
      details: { planId: plan.id, runId: run.id, planHash: plan.planHash },
    });
    const version = currentPolicy().policySetVersion;
    if (version !== plan.policyVersion) {
      return stop(
        tx,
        run,
        actor,
        `the rule set changed since planning (${plan.policyVersion} → ${version}): plan again`,
      );
    }
    return run;
  });
}

export async function findRun(db: Db, orgId: string, planId: string): Promise<PurgeRun | undefined> {
  const [run] = await db
    .select()
    .from(purgeRuns)
    .where(and(eq(purgeRuns.orgId, orgId), eq(purgeRuns.planId, planId), ne(purgeRuns.state, "stopped")));
  if (run) return run;
  const [stopped] = await db
    .select()
    .from(purgeRuns)
    .where(and(eq(purgeRuns.orgId, orgId), eq(purgeRuns.planId, planId)));
  return stopped;
}

export async function finish(tx: Db, run: PurgeRun, plan: PurgePlan, actor: string): Promise<PurgeRun> {
  const planned = plan.counts.targets;
  if (run.deleted + run.alreadyGone !== planned) {
    throw new Error(
      `purge fidelity broken: deleted ${run.deleted} + already gone ${run.alreadyGone} ≠ planned ${planned}`,
    );
  }
  const [done] = await tx
    .update(purgeRuns)
    .set({ state: "completed", finishedAt: new Date() })
    .where(and(eq(purgeRuns.orgId, run.orgId), eq(purgeRuns.id, run.id)))
    .returning();
  await tx
    .update(purgePlans)
    .set({ state: "completed" })
    .where(and(eq(purgePlans.orgId, run.orgId), eq(purgePlans.id, run.planId)));
  await appendAudit(tx, {
    orgId: run.orgId,
    action: "purge.run_completed",
    actor,
    target: `plan:${run.planId}`,
    details: {
      planId: run.planId,
      runId: run.id,
      batches: run.batches,
      planned,
      deleted: run.deleted,
      alreadyGone: run.alreadyGone,
    },
  });
  return done ?? run;
}

/** Stops for good: the plan no longer matches live data. Its remaining targets are dropped; plan again. */
export async function stop(tx: Db, run: PurgeRun, actor: string, reason: string): Promise<PurgeRun> {
  const [stopped] = await tx
    .update(purgeRuns)
    .set({ state: "stopped", stopReason: reason, finishedAt: new Date() })
    .where(and(eq(purgeRuns.orgId, run.orgId), eq(purgeRuns.id, run.id)))
    .returning();
  await tx
    .update(purgePlans)
    .set({ state: "stopped" })
    .where(and(eq(purgePlans.orgId, run.orgId), eq(purgePlans.id, run.planId)));
  await tx.execute(
    sql`delete from purge_targets where org_id = ${run.orgId}::uuid and plan_id = ${run.planId}::uuid`,
  );
  await appendAudit(tx, {
    orgId: run.orgId,
    action: "purge.run_stopped",
    actor,
    target: `plan:${run.planId}`,
    details: {
      planId: run.planId,
      runId: run.id,
      reason,
      batches: run.batches,
      deleted: run.deleted,
      alreadyGone: run.alreadyGone,
    },
  });
  return stopped ?? run;
}
