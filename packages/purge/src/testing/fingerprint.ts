import { type Db, rows } from "@isoloir/db";
import { type SQL, sql } from "drizzle-orm";

// Test fixtures: what a purge must not touch, hashed table by table. Not exported from the package.

/** A uuid list as one SQL array parameter (works the same on PGlite and PostgreSQL). */
export const uuidList = (ids: readonly string[]): SQL => sql`string_to_array(${ids.join(",")}, ',')::uuid[]`;

export interface Exclusion {
  /** contacts the purge takes whole: their rows and every dependent row */
  whole: readonly string[];
  /** contacts that stay with some rows and fields removed */
  edited: readonly string[];
  /** single provenance rows the purge takes */
  rows: readonly string[];
}

/** Every row of the organisation's data tables the purge must not touch, hashed per table. */
export async function fingerprint(db: Db, orgId: string, ex: Exclusion): Promise<Record<string, string>> {
  const exclude = {
    contacts: sql`(c.id = any(${uuidList([...ex.whole, ...ex.edited])}))`,
    dependents: sql`(c.id = any(${uuidList(ex.whole)}))`,
    provenance: sql`(p.id = any(${uuidList(ex.rows)}) or p.contact_id = any(${uuidList(ex.whole)}))`,
  };
  const hashOf = async (query: SQL) =>
    (
      await rows<{ h: string }>(
        db,
        sql`select md5(coalesce(string_agg(row_to_json(x)::text, '|' order by row_to_json(x)::text), '')) as h from (${query}) x`,
      )
    )[0]?.h ?? "";
  const org = sql`${orgId}::uuid`;
  return {
    contacts: await hashOf(sql`select * from contacts c where c.org_id = ${org} and not ${exclude.contacts}`),
    provenance: await hashOf(
      sql`select p.* from provenance p where p.org_id = ${org} and not ${exclude.provenance}`,
    ),
    consents: await hashOf(
      sql`select k.* from consents k join contacts c on c.org_id = k.org_id and c.id = k.contact_id where k.org_id = ${org} and not ${exclude.dependents}`,
    ),
    objections: await hashOf(
      sql`select o.* from objections o join contacts c on c.org_id = o.org_id and c.id = o.contact_id where o.org_id = ${org} and not ${exclude.dependents}`,
    ),
    enrichments: await hashOf(
      sql`select e.* from enrichments e join contacts c on c.org_id = e.org_id and c.id = e.contact_id where e.org_id = ${org} and not ${exclude.dependents}`,
    ),
    assignments: await hashOf(
      sql`select a.* from contact_assignments a join contacts c on c.org_id = a.org_id and c.id = a.contact_id where a.org_id = ${org} and not ${exclude.dependents}`,
    ),
    elections: await hashOf(sql`select * from elections where org_id = ${org}`),
    suppressions: await hashOf(sql`select kind, hmac, reason from suppressions where org_id = ${org}`),
  };
}

/** The frozen targets of a plan, as the exclusion a fingerprint needs (read before the run drops them). */
export async function frozenTargets(
  db: Db,
  orgId: string,
  planId: string,
): Promise<Exclusion & { objectors: string[] }> {
  const list = await rows<{ kind: string; target_id: string; contact_id: string; reason: string }>(
    db,
    sql`select kind, target_id::text, contact_id::text, reason from purge_targets where org_id = ${orgId}::uuid and plan_id = ${planId}::uuid order by ordinal`,
  );
  const whole = list.filter((t) => t.kind === "contact").map((t) => t.target_id);
  const single = list.filter((t) => t.kind === "provenance");
  return {
    whole,
    edited: [...new Set(single.map((t) => t.contact_id))],
    rows: single.map((t) => t.target_id),
    objectors: list.filter((t) => t.reason === "objected_all").map((t) => t.contact_id),
  };
}
