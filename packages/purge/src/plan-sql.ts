import { type Db, rows } from "@isoloir/db";
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { ReasonKey, reasonKeys } from "./reasons";
import type { RowFlags } from "./row-flags";

// The SQL of planning. Ids never pass through Node: the decided rows land in a temporary table, and
// the frozen targets are written from it with INSERT … SELECT.

const count = z.number().int().min(0);
const Tally = z.record(z.string(), count);

/** A plan's counts, as stored in `purge_plans.counts` (and read back through this schema). */
export const PlanCounts = z.object({
  /** frozen targets: whole contacts plus single rows of contacts that stay */
  targets: count,
  /** distinct contacts touched */
  people: count,
  wholeContacts: count,
  /** provenance rows that go, those of whole contacts included */
  rows: count,
  /** each target under its first reason (fixed order) */
  byReason: z.partialRecord(ReasonKey, z.object({ targets: count, wholeContacts: count, singleRows: count })),
  /** targets per rule id (a target counted under each rule that takes it) */
  byRule: Tally,
  needsHuman: z.object({ rows: count, people: count, byRule: Tally }),
});
export type PlanCounts = z.infer<typeof PlanCounts>;

/** One sample of a plan, as stored in `purge_plans.samples`: a pseudonym, never a contact id. */
export const PlanSample = z.object({
  reason: z.string(),
  kind: z.string(),
  contact: z.string(),
  ruleIds: z.array(z.string()),
});
export type PlanSample = z.infer<typeof PlanSample>;

const reasonOrder = sql`array[${sql.join(
  reasonKeys.map((k) => sql`${k}`),
  sql`, `,
)}]::text[]`;

/** Decides every provenance row in scope once, into `purge_plan_rows` (dropped at commit). */
export async function decideIntoTempTable(tx: Db, flags: RowFlags): Promise<void> {
  await tx.execute(sql`create temp table purge_plan_rows (
      pid uuid not null, cid uuid not null, target boolean not null, reason text, rule text,
      rule_ids text[] not null, review boolean not null, review_ids text[] not null) on commit drop`);
  await tx.execute(sql`insert into purge_plan_rows
    select x.pid, x.cid, ${flags.target}, ${flags.reason}, ${flags.rule}, ${flags.ruleIds}, ${flags.review}, ${flags.reviewIds}
    from (${flags.select()}) x
    where ${flags.target} or ${flags.review}`);
  await tx.execute(sql`create index on purge_plan_rows (cid)`);
  await tx.execute(sql`analyze purge_plan_rows`);
}

/**
 * Freezes the targets: a contact whose every provenance row is taken goes whole, otherwise only its
 * taken rows go. Ordinals follow contact, kind and id, so a contact's targets sit side by side.
 */
export async function insertTargets(tx: Db, orgId: string, planId: string): Promise<void> {
  await tx.execute(sql`
    with per_contact as (select cid, count(*) as n from purge_plan_rows where target group by cid),
    whole as (
      select pc.cid from per_contact pc
      where pc.n = (select count(*) from provenance p where p.org_id = ${orgId}::uuid and p.contact_id = pc.cid)
    ),
    picked as (
      select 'contact'::text as kind, w.cid as target_id, w.cid as contact_id, f.reason, f.rule,
        array(select distinct x from purge_plan_rows t2, unnest(t2.rule_ids) x
              where t2.target and t2.cid = w.cid order by x) as rule_ids
      from whole w cross join lateral (
        select t3.reason, t3.rule from purge_plan_rows t3 where t3.target and t3.cid = w.cid
        order by array_position(${reasonOrder}, t3.reason), t3.rule limit 1) f
      union all
      select 'provenance', t.pid, t.cid, t.reason, t.rule, array(select distinct x from unnest(t.rule_ids) x order by x)
      from purge_plan_rows t where t.target and not exists (select 1 from whole w where w.cid = t.cid)
    )
    insert into purge_targets (org_id, plan_id, kind, target_id, contact_id, reason, rule_id, rule_ids, ordinal)
    select ${orgId}::uuid, ${planId}::uuid, kind, target_id, contact_id, reason, rule, rule_ids,
           row_number() over (order by contact_id, kind, target_id)
    from picked`);
  // fresh statistics, so each batch finds its ordinal range through (org_id, plan_id, ordinal)
  // instead of filtering every target of the plan
  await tx.execute(sql`analyze purge_targets`);
}

export async function insertReviews(tx: Db, orgId: string, planId: string): Promise<void> {
  await tx.execute(sql`insert into purge_reviews (org_id, plan_id, provenance_id, contact_id, rule_ids)
    select ${orgId}::uuid, ${planId}::uuid, pid, cid, review_ids from purge_plan_rows where review`);
}

const ofPlan = (orgId: string, planId: string): SQL =>
  sql`org_id = ${orgId}::uuid and plan_id = ${planId}::uuid`;

const tally = (list: { key: string; n: number }[]) =>
  Object.fromEntries(list.map((r) => [r.key, Number(r.n)]));

export async function countPlan(tx: Db, orgId: string, planId: string): Promise<PlanCounts> {
  const byKind = await rows<{ kind: string; reason: ReasonKey; n: number }>(
    tx,
    sql`
    select kind, reason, count(*)::int as n from purge_targets where ${ofPlan(orgId, planId)} group by kind, reason`,
  );
  const byRule = await rows<{ key: string; n: number }>(
    tx,
    sql`
    select x as key, count(*)::int as n from purge_targets, unnest(rule_ids) x where ${ofPlan(orgId, planId)} group by x order by x`,
  );
  const [totals] = await rows<Record<string, number>>(
    tx,
    sql`
    select count(*) filter (where target)::int as rows, count(distinct cid) filter (where target)::int as people,
           count(*) filter (where review)::int as review_rows, count(distinct cid) filter (where review)::int as review_people
    from purge_plan_rows`,
  );
  const reviewRules = await rows<{ key: string; n: number }>(
    tx,
    sql`
    select x as key, count(*)::int as n from purge_plan_rows, unnest(review_ids) x where review group by x order by x`,
  );
  const byReason: PlanCounts["byReason"] = {};
  for (const r of byKind) {
    const entry = byReason[r.reason] ?? { targets: 0, wholeContacts: 0, singleRows: 0 };
    entry.targets += r.n;
    if (r.kind === "contact") entry.wholeContacts += r.n;
    else entry.singleRows += r.n;
    byReason[r.reason] = entry;
  }
  const sum = (pick: (e: { targets: number; wholeContacts: number }) => number) =>
    Object.values(byReason).reduce((a, e) => a + pick(e), 0);
  return {
    targets: sum((e) => e.targets),
    people: Number(totals?.people ?? 0),
    wholeContacts: sum((e) => e.wholeContacts),
    rows: Number(totals?.rows ?? 0),
    byReason,
    byRule: tally(byRule),
    needsHuman: {
      rows: Number(totals?.review_rows ?? 0),
      people: Number(totals?.review_people ?? 0),
      byRule: tally(reviewRules),
    },
  };
}

/** SHA-256 over every frozen target in ordinal order: part of the plan hash. */
export async function hashTargets(tx: Db, orgId: string, planId: string): Promise<string> {
  const [row] = await rows<{ h: string }>(
    tx,
    sql`
    select encode(sha256(convert_to(coalesce(string_agg(kind || ':' || target_id::text || ':' || reason, E'\n' order by ordinal), ''), 'UTF8')), 'hex') as h
    from purge_targets where ${ofPlan(orgId, planId)}`,
  );
  return row?.h ?? "";
}

export interface SampleRow {
  reason: string;
  kind: string;
  contactId: string;
  ruleIds: string[];
}

/** A few targets per reason, and a few rows that need a human; the caller pseudonymises them. */
export async function sampleRows(tx: Db, orgId: string, planId: string, perReason = 3): Promise<SampleRow[]> {
  const targets = await rows<{ reason: string; kind: string; contact_id: string; rule_ids: string[] }>(
    tx,
    sql`
    select reason, kind, contact_id::text, rule_ids from (
      select *, row_number() over (partition by reason order by ordinal) as rn from purge_targets where ${ofPlan(orgId, planId)}
    ) s where rn <= ${perReason} order by array_position(${reasonOrder}, reason), rn`,
  );
  const reviews = await rows<{ contact_id: string; review_ids: string[] }>(
    tx,
    sql`
    select cid::text as contact_id, review_ids from purge_plan_rows where review order by cid, pid limit ${perReason}`,
  );
  return [
    ...targets.map((r) => ({ reason: r.reason, kind: r.kind, contactId: r.contact_id, ruleIds: r.rule_ids })),
    ...reviews.map((r) => ({
      reason: "needs_human",
      kind: "provenance",
      contactId: r.contact_id,
      ruleIds: r.review_ids,
    })),
  ];
}
