import { appendAudit } from "@isoloir/audit";
import { type Db, erasureRecords, purgePlans, purgeRuns, purgeTargets } from "@isoloir/db";
import { and, asc, eq, gt, ne } from "drizzle-orm";
import { type BatchTarget, deleteTargets } from "./delete";
import { batchDigest, targetDigest } from "./digest";
import { PurgeError } from "./errors";
import { getPlan } from "./plans";

export interface RunOptions {
  batchSize?: number;
  runner: { userId: string; pseudonym: string };
  /**
   * Called inside each batch's transaction before anything is deleted: returns how many rows now
   * match the plan's reasons (as of the plan's time) outside the frozen set. Non-zero stops the run.
   */
  checkDrift?: (tx: Db, plan: Awaited<ReturnType<typeof getPlan>>) => Promise<number>;
  onProgress?: (progress: { done: number; total: number }) => void;
  /** test hook: called inside a batch's transaction after the deletes, before it commits */
  afterDeletes?: (batch: number) => Promise<void> | void;
}

export type RunResult = typeof purgeRuns.$inferSelect;

/** Finds the plan's live run (to resume after a crash) or starts one; a completed run is returned as is. */
async function openRun(db: Db, orgId: string, planId: string, runner: RunOptions["runner"]) {
  return db.transaction(async (tx) => {
    const [plan] = await tx.select().from(purgePlans).where(and(eq(purgePlans.orgId, orgId), eq(purgePlans.id, planId))).for("update");
    if (!plan) throw new PurgeError("not_found", `no purge plan ${planId} in this organisation`);
    const [live] = await tx.select().from(purgeRuns).where(and(eq(purgeRuns.orgId, orgId), eq(purgeRuns.planId, planId), ne(purgeRuns.state, "stopped")));
    if (live) return live;
    if (plan.state !== "approved" && plan.state !== "stopped") throw new PurgeError("not_approved", `plan ${planId} is ${plan.state}: it must be approved first`);
    const [run] = await tx.insert(purgeRuns).values({ orgId, planId, runBy: runner.userId }).returning();
    await tx.update(purgePlans).set({ state: "running" }).where(and(eq(purgePlans.orgId, orgId), eq(purgePlans.id, planId)));
    await appendAudit(tx, { orgId, action: "purge.run_started", actor: runner.pseudonym, details: { planId, runId: run?.id } });
    if (!run) throw new Error("insert purge run returned nothing");
    return run;
  });
}

/**
 * Runs (or resumes) an approved plan: batched transactions over the frozen targets in ordinal order.
 * Each batch deletes what is still there, records erasure digests, appends one audit entry committing to
 * the batch digest and moves the resume point — all or nothing, so a crash anywhere leaves no residue.
 */
export async function runPurge(db: Db, orgId: string, planId: string, options: RunOptions): Promise<RunResult> {
  let run = await openRun(db, orgId, planId, options.runner);
  const total = await db.$count(purgeTargets, and(eq(purgeTargets.orgId, orgId), eq(purgeTargets.planId, planId)));
  while (run.state === "running") {
    run = await runBatch(db, run, options);
    options.onProgress?.({ done: Math.min(total, run.deleted + run.alreadyGone), total });
  }
  return run;
}

async function runBatch(db: Db, current: RunResult, options: RunOptions): Promise<RunResult> {
  const { orgId, planId } = current;
  return db.transaction(async (tx) => {
    const [run] = await tx.select().from(purgeRuns).where(and(eq(purgeRuns.orgId, orgId), eq(purgeRuns.id, current.id))).for("update");
    if (!run || run.state !== "running") return run ?? current;
    const plan = await getPlan(tx, orgId, planId);
    const drift = options.checkDrift ? await options.checkDrift(tx, plan) : 0;
    if (drift > 0) return stop(tx, run, `${drift} rows now match the plan's reasons outside its frozen targets: plan again`, options);
    const batch = await tx
      .select()
      .from(purgeTargets)
      .where(and(eq(purgeTargets.orgId, orgId), eq(purgeTargets.planId, planId), gt(purgeTargets.ordinal, run.lastOrdinal)))
      .orderBy(asc(purgeTargets.ordinal))
      .limit(options.batchSize ?? 500);
    if (batch.length === 0) return finish(tx, run, options);
    const deleted = await deleteTargets(tx, orgId, batch as BatchTarget[]);
    const digests = batch.map((t) => targetDigest(planId, t.kind, t.targetId));
    const number = run.batches + 1;
    await tx
      .insert(erasureRecords)
      .values(batch.map((t, i) => ({ orgId, planId, digest: digests[i] ?? "", reason: t.reason, batch: number })))
      .onConflictDoNothing();
    await appendAudit(tx, {
      orgId,
      action: "purge.batch",
      actor: options.runner.pseudonym,
      details: { planId, runId: run.id, batch: number, digest: batchDigest(digests), deleted, alreadyGone: batch.length - deleted },
    });
    await options.afterDeletes?.(number);
    const [next] = await tx
      .update(purgeRuns)
      .set({
        lastOrdinal: batch[batch.length - 1]?.ordinal ?? run.lastOrdinal,
        batches: number,
        deleted: run.deleted + deleted,
        alreadyGone: run.alreadyGone + batch.length - deleted,
      })
      .where(and(eq(purgeRuns.orgId, orgId), eq(purgeRuns.id, run.id)))
      .returning();
    return next ?? run;
  });
}

async function finish(tx: Db, run: RunResult, options: RunOptions): Promise<RunResult> {
  const [done] = await tx.update(purgeRuns).set({ state: "completed", finishedAt: new Date() }).where(and(eq(purgeRuns.orgId, run.orgId), eq(purgeRuns.id, run.id))).returning();
  await tx.update(purgePlans).set({ state: "completed" }).where(and(eq(purgePlans.orgId, run.orgId), eq(purgePlans.id, run.planId)));
  await appendAudit(tx, {
    orgId: run.orgId,
    action: "purge.run_completed",
    actor: options.runner.pseudonym,
    details: { planId: run.planId, runId: run.id, batches: run.batches, deleted: run.deleted, alreadyGone: run.alreadyGone },
  });
  return done ?? run;
}

async function stop(tx: Db, run: RunResult, reason: string, options: RunOptions): Promise<RunResult> {
  const [stopped] = await tx.update(purgeRuns).set({ state: "stopped", stopReason: reason, finishedAt: new Date() }).where(and(eq(purgeRuns.orgId, run.orgId), eq(purgeRuns.id, run.id))).returning();
  await tx.update(purgePlans).set({ state: "stopped" }).where(and(eq(purgePlans.orgId, run.orgId), eq(purgePlans.id, run.planId)));
  await appendAudit(tx, { orgId: run.orgId, action: "purge.run_stopped", actor: options.runner.pseudonym, details: { planId: run.planId, runId: run.id, reason } });
  return stopped ?? run;
}
