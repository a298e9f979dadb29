import { type contactClasses, sources } from "@isoloir/policy";
import { type SQL, sql } from "drizzle-orm";
import type { Scope } from "./scope";

/** member > former member > regular > occasional > prospect, as `strongestRow` ranks them. */
const classRank: Record<(typeof contactClasses)[number], number> = {
  member: 0,
  former_member: 1,
  regular_contact: 2,
  occasional_contact: 3,
  prospect: 4,
};

export function classRankSql(scope: Scope): SQL {
  const arms = sources.map((s) => sql`when ${s}::text then ${classRank[scope.classify(s)]}::int`);
  return sql`(case p0.source::text ${sql.join(arms, sql` `)} else 4 end)`;
}

/**
 * The decided rows: per provenance row (with its election) for import/retain, else per contact with
 * its provenance row of the strongest class (ties: earliest, then by id). Contacts without any
 * provenance have no decision, as in `factsFor`.
 */
export function rowsOf(scope: Scope, rank: SQL): SQL {
  const org = sql`${scope.org.orgId}::uuid`;
  if (scope.perRow) {
    return sql`provenance p
      join contacts c on c.org_id = p.org_id and c.id = p.contact_id
      left join elections e on e.org_id = p.org_id and e.id = p.election_id
      where p.org_id = ${org}`;
  }
  return sql`contacts c
    join lateral (select p0.* from provenance p0 where p0.org_id = c.org_id and p0.contact_id = c.id
      order by ${rank}, p0.collected_at, p0.id limit 1) p on true
    where c.org_id = ${org}`;
}
