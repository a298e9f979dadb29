import { appendAudit } from "@isoloir/audit";
import { type Db, organisations, purgePlans } from "@isoloir/db";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { sha256 } from "./digest";
import { PurgeError } from "./errors";

export interface NewPlan {
  orgId: string;
  plannedBy: string;
  asOf: Date;
  expiresAt: Date;
  reasons: string[];
  scope: Record<string, unknown>;
  granularity: "auto" | "derived";
  policyVersion: string;
}

/**
 * Writes the plan record and freezes its targets with INSERT … SELECT (ids never pass through Node).
 * `targets` must select (kind, target_id, contact_id, reason, rule_id), one row per target.
 */
export async function createPlan(db: Db, plan: NewPlan, targets: SQL) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(purgePlans).values({ ...plan, planHash: "pending" }).returning();
    if (!row) throw new Error("insert purge plan returned nothing");
    await tx.execute(sql`
      insert into purge_targets (org_id, plan_id, kind, target_id, contact_id, reason, rule_id, ordinal)
      select ${plan.orgId}::uuid, ${row.id}::uuid, t.kind, t.target_id, t.contact_id, t.reason, t.rule_id,
             row_number() over (order by t.contact_id, t.kind, t.target_id)
      from (${targets}) t`);
    const counts = await countTargets(tx, plan.orgId, row.id);
    const planHash = await hashTargets(tx, plan.orgId, row.id, plan);
    const [done] = await tx
      .update(purgePlans)
      .set({ counts, planHash })
      .where(and(eq(purgePlans.orgId, plan.orgId), eq(purgePlans.id, row.id)))
      .returning();
    return done ?? row;
  });
}

async function countTargets(db: Db, orgId: string, planId: string) {
  const rows = (await db.execute(sql`
    select kind, reason, rule_id, count(*)::int as n, count(distinct contact_id)::int as people
    from purge_targets where org_id = ${orgId} and plan_id = ${planId}
    group by grouping sets ((kind, reason, rule_id), ())`)) as unknown as {
    rows: { kind: string | null; reason: string | null; rule_id: string | null; n: number; people: number }[];
  };
  const total = rows.rows.find((r) => r.kind === null);
  return {
    total: total?.n ?? 0,
    people: total?.people ?? 0,
    byReason: rows.rows.filter((r) => r.kind !== null).map((r) => ({ kind: r.kind, reason: r.reason, ruleId: r.rule_id, targets: r.n })),
  };
}

/** The plan hash commits to its parameters and every frozen target. */
async function hashTargets(db: Db, orgId: string, planId: string, plan: NewPlan): Promise<string> {
  const rows = (await db.execute(sql`
    select coalesce(string_agg(kind || ':' || target_id || ':' || reason, ',' order by ordinal), '') as list
    from purge_targets where org_id = ${orgId} and plan_id = ${planId}`)) as unknown as { rows: { list: string }[] };
  const header = JSON.stringify({ ...plan, asOf: plan.asOf.toISOString(), expiresAt: plan.expiresAt.toISOString() });
  return sha256(`${header}\n${rows.rows[0]?.list ?? ""}`);
}

export async function getPlan(db: Db, orgId: string, planId: string) {
  const [plan] = await db.select().from(purgePlans).where(and(eq(purgePlans.orgId, orgId), eq(purgePlans.id, planId)));
  if (!plan) throw new PurgeError("not_found", `no purge plan ${planId} in this organisation`);
  return plan;
}

/**
 * Approval: a compliance member other than the planner (four eyes); with four-eyes off, the planner
 * may approve their own plan. Role checks are the caller's; this enforces the four eyes.
 */
export async function approvePlan(db: Db, orgId: string, planId: string, approver: { userId: string; pseudonym: string }, now = new Date()) {
  const plan = await getPlan(db, orgId, planId);
  if (plan.state !== "planned") throw new PurgeError("not_approved", `plan ${planId} is ${plan.state}, not waiting for approval`);
  if (plan.expiresAt < now) throw new PurgeError("expired", `plan ${planId} expired at ${plan.expiresAt.toISOString()}: plan again`);
  const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  if (org?.fourEyesPurgeApproval !== false && plan.plannedBy === approver.userId) {
    throw new PurgeError("four_eyes", "four-eyes approval is on: a compliance member other than the planner must approve");
  }
  await db.update(purgePlans).set({ state: "approved", approvedBy: approver.userId, approvedAt: now }).where(and(eq(purgePlans.orgId, orgId), eq(purgePlans.id, planId)));
  await appendAudit(db, { orgId, action: "purge.approved", actor: approver.pseudonym, details: { planId, planHash: plan.planHash } });
}

