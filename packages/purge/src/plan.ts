import { appendAudit, canonicalJson, pseudonym } from "@isoloir/audit";
import { type Db, type purgePlanOrigins, purgePlans } from "@isoloir/db";
import { loadOrgFacts } from "@isoloir/policy-db";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { sha256 } from "./digest";
import { engineConditions } from "./engine-conditions";
import { parseInput, parseStored } from "./errors";
import { memberPseudonym, type PurgeContext, requireCapability } from "./members";
import {
  countPlan,
  decideIntoTempTable,
  hashTargets,
  insertReviews,
  insertTargets,
  PlanCounts,
  PlanSample,
  sampleRows,
} from "./plan-sql";
import { orderReasons, ReasonKey } from "./reasons";
import { type RowFlags, rowFlags, withoutJit } from "./row-flags";
import { Granularity, PlanScope } from "./scope";

const DAY = 86_400_000;

export const PlanInput = z
  .object({
    reasons: z.array(ReasonKey).min(1, "name at least one reason: a scope alone is never a reason"),
    scope: PlanScope.default({}),
    granularity: Granularity.default("auto"),
    expiresInDays: z.number().int().min(1).max(30).default(7),
    /** the plan's own time (default now): its reasons are evaluated, and re-evaluated, as of it */
    at: z.date().optional(),
  })
  .strict();
export type PlanInput = z.input<typeof PlanInput>;

type PlanRow = typeof purgePlans.$inferSelect;

/** A stored plan, its counts and samples parsed (the columns are jsonb). */
export type PurgePlan = Omit<PlanRow, "counts" | "samples"> & { counts: PlanCounts; samples: PlanSample[] };

/** Reads a stored plan row: its counts and samples through their schemas; a malformed one names the field. */
export function readPlan(row: PlanRow): PurgePlan {
  const record = `stored purge plan ${row.id}`;
  return {
    ...row,
    counts: parseStored(PlanCounts, row.counts, `${record} (counts)`),
    samples: parseStored(PlanSample.array(), row.samples, `${record} (samples)`),
  };
}

export interface PlanSpec {
  orgId: string;
  plannedBy: string;
  origin: (typeof purgePlanOrigins)[number];
  reasons: ReasonKey[];
  scope: PlanScope;
  granularity: Granularity;
  asOf: Date;
  expiresAt: Date;
}

/** Plans a purge: writes the plan record and its frozen targets, with exact counts, samples and a hash. */
export async function planPurge(db: Db, ctx: PurgeContext, rawInput: PlanInput): Promise<PurgePlan> {
  const input = parseInput(PlanInput, rawInput);
  const { ctx: acting } = await requireCapability(db, ctx, "planPurge");
  const asOf = input.at ?? new Date();
  const plan = await createPlanRecord(db, acting.hmacKey, {
    orgId: acting.orgId,
    plannedBy: acting.userId,
    origin: "operator",
    reasons: orderReasons(input.reasons),
    scope: input.scope,
    granularity: input.granularity,
    asOf,
    expiresAt: new Date(asOf.getTime() + input.expiresInDays * DAY),
  });
  if (!plan) throw new Error("planning returned no plan");
  return plan;
}

/** The plan hash commits to the plan's parameters, its counts and every frozen target. */
export function planHash(header: Record<string, unknown>, targetsHash: string): string {
  return sha256(`${canonicalJson(header)}\n${targetsHash}`);
}

class NothingToPlan extends Error {}

/**
 * One transaction: a crash while planning leaves no half plan. With `skipIfEmpty`, a plan that would
 * take nothing and list nobody for a human is rolled back and undefined returned.
 */
export async function createPlanRecord(
  db: Db,
  hmacKey: string,
  spec: PlanSpec,
  options: { skipIfEmpty?: boolean } = {},
): Promise<PurgePlan | undefined> {
  const org = await loadOrgFacts(db, spec.orgId);
  const engine = engineConditions(org, spec.asOf, spec.reasons);
  const flags = rowFlags(engine, spec.scope, spec.granularity);
  return writePlan(db, hmacKey, spec, engine.policySetVersion, flags, options).catch((error: unknown) => {
    if (error instanceof NothingToPlan) return undefined;
    throw error;
  });
}

async function writePlan(
  db: Db,
  hmacKey: string,
  spec: PlanSpec,
  policyVersion: string,
  flags: RowFlags,
  options: { skipIfEmpty?: boolean },
) {
  return db.transaction(async (tx) => {
    await tx.execute(withoutJit);
    const [row] = await tx
      .insert(purgePlans)
      .values({ ...spec, policyVersion, planHash: "pending" })
      .returning();
    if (!row) throw new Error("insert purge plan returned nothing");
    await decideIntoTempTable(tx, flags);
    await insertTargets(tx, spec.orgId, row.id);
    await insertReviews(tx, spec.orgId, row.id);
    const counts = await countPlan(tx, spec.orgId, row.id);
    if (options.skipIfEmpty && counts.targets === 0 && counts.needsHuman.rows === 0)
      throw new NothingToPlan();
    const samples = (await sampleRows(tx, spec.orgId, row.id)).map(({ contactId, ...s }) => ({
      ...s,
      contact: pseudonym(hmacKey, spec.orgId, "contact", contactId),
    }));
    const header = planHeader({ ...row, counts });
    const hash = planHash(header, await hashTargets(tx, spec.orgId, row.id));
    await tx.execute(sql`drop table purge_plan_rows`);
    const [done] = await tx
      .update(purgePlans)
      .set({ counts, samples, planHash: hash })
      .where(and(eq(purgePlans.orgId, spec.orgId), eq(purgePlans.id, row.id)))
      .returning();
    await appendAudit(tx, {
      orgId: spec.orgId,
      action: "purge.planned",
      actor: memberPseudonym(hmacKey, spec.orgId, spec.plannedBy),
      target: `plan:${row.id}`,
      details: { ...header, planHash: hash, counts: summary(counts) },
    });
    if (!done) throw new Error("update purge plan returned nothing");
    return readPlan(done);
  });
}

/** What the plan hash commits to, besides its targets. */
export function planHeader(plan: typeof purgePlans.$inferSelect): Record<string, unknown> {
  return {
    planId: plan.id,
    orgId: plan.orgId,
    plannedBy: plan.plannedBy,
    origin: plan.origin,
    asOf: plan.asOf.toISOString(),
    expiresAt: plan.expiresAt.toISOString(),
    reasons: plan.reasons,
    scope: plan.scope,
    granularity: plan.granularity,
    policyVersion: plan.policyVersion,
    counts: plan.counts,
  };
}

const summary = (c: PlanCounts) => ({
  targets: c.targets,
  people: c.people,
  rows: c.rows,
  needsHuman: c.needsHuman.rows,
});
