import { appendAudit } from "@isoloir/audit";
import { type Db, purgeRuns } from "@isoloir/db";
import { loadOrgFacts } from "@isoloir/policy-db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { type Cascades, contactCascades, executeBatch } from "./batch";
import { type Certificate, issueCertificate } from "./certificate";
import { checkDrift, driftMessage } from "./drift";
import { engineConditions } from "./engine-conditions";
import { MissingSigningKeyError, parseInput } from "./errors";
import { type PurgeContext, requireCapability } from "./members";
import type { PurgePlan } from "./plan";
import { presentQueueTables, type QueueTables } from "./queued-work";
import { ReasonKey } from "./reasons";
import { type RowFlags, rowFlags, withoutJit } from "./row-flags";
import { finish, openRun, type PurgeRun, planOf, stop } from "./run-lifecycle";
import { PlanHash, PlanScope } from "./scope";

export const RunInput = z
  .object({
    planId: z.uuid(),
    /** refuse unless the plan still has this hash (a plan file's) */
    planHash: PlanHash.optional(),
    batchSize: z.number().int().min(1).max(50_000).default(1000),
    /** the clock that decides whether an approved plan has expired (default now) */
    now: z.date().optional(),
  })
  .strict();
export type RunInput = z.input<typeof RunInput>;

export type { PurgeRun } from "./run-lifecycle";

export interface RunHooks {
  onProgress?: (progress: { done: number; total: number; batches: number }) => void;
  /** stops between batches (the run stays resumable) */
  signal?: AbortSignal;
  /** tests only: inside a batch's transaction, after its deletes, before it commits */
  afterDeletes?: (batch: number) => Promise<void> | void;
  /** tests only: after a batch committed */
  afterCommit?: (batch: number) => Promise<void> | void;
}

export interface RunOutcome {
  run: PurgeRun;
  plan: PurgePlan;
  /** set when the run completed */
  certificate?: Certificate;
}

export type RunContext = PurgeContext & { signingKey?: string };

interface Runner {
  plan: PurgePlan;
  actor: string;
  flags: RowFlags;
  queues: QueueTables;
  cascades: Cascades;
  batchSize: number;
  hooks: RunHooks;
}

/**
 * Runs (or resumes) an approved plan in batched transactions over its frozen targets. Each batch
 * re-checks the plan's reasons as of its own time, deletes what is still there, records erasure
 * digests and one audit entry committing to them, and moves the resume point — all or nothing, so a
 * crash at any point leaves no residue. Idempotent: a completed plan returns its run and certificate.
 */
export async function runPurge(
  db: Db,
  ctx: RunContext,
  rawInput: RunInput,
  hooks: RunHooks = {},
): Promise<RunOutcome> {
  const input = parseInput(RunInput, rawInput);
  if (!ctx.signingKey) throw new MissingSigningKeyError();
  const signingKey = ctx.signingKey;
  const { ctx: acting, actor } = await requireCapability(db, ctx, "runPurge");
  let run = await openRun(db, acting, actor, input);
  const plan = await planOf(db, acting.orgId, input.planId);
  if (run.state === "running") {
    const org = await loadOrgFacts(db, acting.orgId);
    const reasons = plan.reasons.map((r) => ReasonKey.parse(r));
    const flags = rowFlags(
      engineConditions(org, plan.asOf, reasons),
      PlanScope.parse(plan.scope),
      plan.granularity,
    );
    const runner: Runner = {
      plan,
      actor,
      flags,
      queues: await presentQueueTables(db),
      cascades: await contactCascades(db),
      batchSize: input.batchSize,
      hooks,
    };
    while (run.state === "running" && !hooks.signal?.aborted) {
      run = await runBatch(db, run, runner);
      const done = run.deleted + run.alreadyGone;
      hooks.onProgress?.({ done, total: plan.counts.targets, batches: run.batches });
      if (run.state === "running") await hooks.afterCommit?.(run.batches);
    }
  }
  const final = await planOf(db, acting.orgId, input.planId);
  if (run.state !== "completed") return { run, plan: final };
  const certificate = await issueCertificate(
    db,
    { orgId: acting.orgId, hmacKey: acting.hmacKey, signingKey },
    { planId: plan.id },
  );
  return { run, plan: final, certificate };
}

async function runBatch(db: Db, current: PurgeRun, r: Runner): Promise<PurgeRun> {
  return db.transaction(async (tx) => {
    await tx.execute(withoutJit);
    const [run] = await tx
      .select()
      .from(purgeRuns)
      .where(and(eq(purgeRuns.orgId, current.orgId), eq(purgeRuns.id, current.id)))
      .for("update");
    if (run?.state !== "running") return run ?? current;
    const drift = driftMessage(
      await checkDrift(tx, { orgId: run.orgId, planId: run.planId, plannedAt: r.plan.plannedAt }, r.flags),
    );
    if (drift) return stop(tx, run, r.actor, drift);
    const range = {
      orgId: run.orgId,
      planId: run.planId,
      lo: run.lastOrdinal + 1,
      hi: run.lastOrdinal + r.batchSize,
      batch: run.batches + 1,
    };
    if (range.lo > r.plan.counts.targets) return finish(tx, run, r.plan, r.actor);
    const tally = await executeBatch(tx, range, r.queues, r.cascades);
    await appendAudit(tx, {
      orgId: run.orgId,
      action: "purge.batch",
      actor: r.actor,
      target: `plan:${run.planId}`,
      details: {
        planId: run.planId,
        runId: run.id,
        batch: range.batch,
        ordinals: [range.lo, Math.min(range.hi, r.plan.counts.targets)],
        ...tally,
      },
    });
    await r.hooks.afterDeletes?.(range.batch);
    const [next] = await tx
      .update(purgeRuns)
      .set({
        lastOrdinal: Math.min(range.hi, r.plan.counts.targets),
        batches: range.batch,
        deleted: run.deleted + tally.deleted,
        alreadyGone: run.alreadyGone + tally.alreadyGone,
      })
      .where(and(eq(purgeRuns.orgId, run.orgId), eq(purgeRuns.id, run.id)))
      .returning();
    return next ?? run;
  });
}
