import { type Db, purgePlans, purgeReviews, purgeRuns } from "@isoloir/db";
import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { PlanNotFoundError, parseInput } from "./errors";
import { type PurgePlan, readPlan } from "./plan";

export const PlanRef = z.object({ orgId: z.uuid(), planId: z.uuid() });
export type PlanRef = z.infer<typeof PlanRef>;

export async function getPlan(db: Db, rawRef: PlanRef): Promise<PurgePlan> {
  const ref = parseInput(PlanRef, rawRef);
  const [plan] = await db
    .select()
    .from(purgePlans)
    .where(and(eq(purgePlans.orgId, ref.orgId), eq(purgePlans.id, ref.planId)));
  if (!plan) throw new PlanNotFoundError(ref.planId);
  return readPlan(plan);
}

/** The organisation's plans, newest first. */
export async function listPlans(db: Db, input: { orgId: string; limit?: number }): Promise<PurgePlan[]> {
  const { orgId, limit } = parseInput(
    z.object({ orgId: z.uuid(), limit: z.number().int().min(1).max(500).default(50) }),
    input,
  );
  const list = await db
    .select()
    .from(purgePlans)
    .where(eq(purgePlans.orgId, orgId))
    .orderBy(desc(purgePlans.plannedAt))
    .limit(limit);
  return list.map(readPlan);
}

/** The plan's latest run (a stopped one, or the live or completed one), if any. */
export async function latestRun(db: Db, rawRef: PlanRef) {
  const ref = parseInput(PlanRef, rawRef);
  const [run] = await db
    .select()
    .from(purgeRuns)
    .where(and(eq(purgeRuns.orgId, ref.orgId), eq(purgeRuns.planId, ref.planId)))
    .orderBy(desc(purgeRuns.startedAt))
    .limit(1);
  return run;
}

/** Rows the plan's reasons would take but a rule escalates: a human decides, the purge never deletes them. */
export async function needsHuman(db: Db, rawRef: PlanRef & { limit?: number }) {
  const ref = parseInput(PlanRef.extend({ limit: z.number().int().min(1).max(10_000).default(500) }), rawRef);
  return db
    .select({
      contactId: purgeReviews.contactId,
      provenanceId: purgeReviews.provenanceId,
      ruleIds: purgeReviews.ruleIds,
    })
    .from(purgeReviews)
    .where(and(eq(purgeReviews.orgId, ref.orgId), eq(purgeReviews.planId, ref.planId)))
    .orderBy(asc(purgeReviews.contactId), asc(purgeReviews.provenanceId))
    .limit(ref.limit);
}

export const planFormat = "isoloir.purge-plan.v1";

/** What a command reads back from a plan file `purge plan --out` wrote: which plan, and the hash reviewed. */
export const PlanFileRef = z.object({
  format: z.literal(planFormat),
  planId: z.uuid(),
  planHash: z.string().optional(),
});
export type PlanFileRef = z.infer<typeof PlanFileRef>;

/** The plan as `purge plan --out` writes it: no personal data, only counts, pseudonymised samples and the hash. */
export function planDocument(plan: PurgePlan) {
  return {
    format: planFormat,
    planId: plan.id,
    planHash: plan.planHash,
    state: plan.state,
    origin: plan.origin,
    policyVersion: plan.policyVersion,
    plannedAt: plan.plannedAt.toISOString(),
    asOf: plan.asOf.toISOString(),
    expiresAt: plan.expiresAt.toISOString(),
    reasons: plan.reasons,
    scope: plan.scope,
    granularity: plan.granularity,
    counts: plan.counts,
    samples: plan.samples,
  };
}
