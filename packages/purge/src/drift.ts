import { type Db, rows } from "@isoloir/db";
import { sql } from "drizzle-orm";
import type { RowFlags } from "./row-flags";

export interface DriftInput {
  orgId: string;
  planId: string;
  plannedAt: Date;
}

export interface Drift {
  /** rows that arrived or changed since planning and now match the plan's reasons (as of its time) outside its frozen set */
  matching: number;
  /** rows that arrived since planning for a contact the plan takes whole: deleting it would take them too */
  addedToWhole: number;
}

/**
 * Re-evaluates the plan's reasons, as of the plan's own time, over what arrived or changed since it
 * was made (new provenance rows, contacts updated, objections recorded) — indexed on those times, so
 * each check costs what changed, not the whole base. The purge's own edits never bump updated_at.
 */
export async function checkDrift(tx: Db, input: DriftInput, flags: RowFlags): Promise<Drift> {
  const org = sql`${input.orgId}::uuid`;
  const since = sql`${input.plannedAt.toISOString()}::timestamptz`;
  const frozen = (kind: "contact" | "provenance", id: ReturnType<typeof sql>) =>
    sql`exists (select 1 from purge_targets t where t.org_id = ${org} and t.plan_id = ${input.planId}::uuid and t.kind = ${kind} and t.target_id = ${id})`;
  const changed = sql`
      select p.id from provenance p where p.org_id = ${org} and p.created_at > ${since}
      union
      select p.id from contacts c join provenance p on p.org_id = c.org_id and p.contact_id = c.id
      where c.org_id = ${org} and c.updated_at > ${since}
      union
      select p.id from objections o join provenance p on p.org_id = o.org_id and p.contact_id = o.contact_id
      where o.org_id = ${org} and o.created_at > ${since}`;
  const [any] = await rows<{ changed: boolean }>(tx, sql`select exists (${changed}) as changed`);
  // nothing arrived or changed since planning: nothing can match outside the frozen set
  if (!any?.changed) return { matching: 0, addedToWhole: 0 };
  const [matching] = await rows<{ n: number }>(
    tx,
    sql`
    with changed as (${changed})
    select count(*)::int as n from (${flags.select(sql`p.id in (select id from changed)`)}) x
    where ${flags.target} and not ${frozen("provenance", sql`x.pid`)} and not ${frozen("contact", sql`x.cid`)}`,
  );
  const [added] = await rows<{ n: number }>(
    tx,
    sql`
    select count(*)::int as n from provenance p
    where p.org_id = ${org} and p.created_at > ${since} and ${frozen("contact", sql`p.contact_id`)}`,
  );
  return { matching: matching?.n ?? 0, addedToWhole: added?.n ?? 0 };
}

export const driftMessage = (d: Drift): string | undefined => {
  const parts = [
    d.matching > 0
      ? `${d.matching} rows that arrived or changed since planning now match the plan's reasons outside its frozen targets`
      : "",
    d.addedToWhole > 0
      ? `${d.addedToWhole} rows arrived since planning for contacts the plan takes whole`
      : "",
  ].filter(Boolean);
  return parts.length > 0 ? `${parts.join("; ")}: plan again` : undefined;
};
