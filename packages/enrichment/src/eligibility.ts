import { type Db, rows } from "@isoloir/db";
import { policy as currentPolicy } from "@isoloir/policies";
import type { CompiledPolicy } from "@isoloir/policy";
import { compileToSql, countExclusions, loadOrgFacts, validConsentSql } from "@isoloir/policy-db";
import { type SQL, sql } from "drizzle-orm";
import type { Network } from "./providers/types";

export interface Eligibility {
  /** contacts considered (after the operator's filter) */
  total: number;
  /** allowed by the policy and holding a live social_enrichment consent */
  eligible: number;
  /** allowed by the policy but without a live consent to record data under (invariant 6) */
  noLiveConsent: number;
  escalated: number;
  /** rule id → contacts that rule denies (a contact denied by several rules counts under each) */
  deniedBy: Record<string, number>;
}

const liveConsent = (
  at: Date,
) => sql`exists (select 1 from consents k where k.org_id = c.org_id and k.contact_id = c.id
  and k.scope = 'social_enrichment' and ${validConsentSql(at.getTime())})`;

/**
 * How many contacts an enrichment would reach, and per rule id why the others would not — the same
 * rule trees as the gate, compiled to SQL. `filter` (over c, the contact) only narrows.
 */
export async function enrichmentEligibility(
  db: Db,
  input: { orgId: string; provider: Network; at?: Date; filter?: SQL },
  rules: CompiledPolicy = currentPolicy(),
): Promise<Eligibility> {
  const at = input.at ?? new Date();
  const decision = compileToSql(rules, {
    org: await loadOrgFacts(db, input.orgId),
    action: { type: "enrich", provider: input.provider },
    at,
  });
  const counts = await countExclusions(db, decision, input.filter);
  const [eligible] = await rows<{ eligible: number }>(
    db,
    sql`select count(*) filter (where ${liveConsent(at)})::int as eligible
      from ${decision.rows} and (${decision.allow})${input.filter ? sql` and (${input.filter})` : sql``}`,
  );
  const live = Number(eligible?.eligible ?? 0);
  return {
    total: counts.total,
    eligible: live,
    noLiveConsent: counts.allowed - live,
    escalated: counts.escalated,
    deniedBy: counts.deniedBy,
  };
}

/** The ids of the contacts an enrichment may reach now (for starting a job on them). */
export async function eligibleContactIds(
  db: Db,
  input: { orgId: string; provider: Network; at?: Date; filter?: SQL; limit?: number },
  rules: CompiledPolicy = currentPolicy(),
): Promise<string[]> {
  const at = input.at ?? new Date();
  const decision = compileToSql(rules, {
    org: await loadOrgFacts(db, input.orgId),
    action: { type: "enrich", provider: input.provider },
    at,
  });
  const ids = await rows<{ id: string }>(
    db,
    sql`select c.id::text as id from ${decision.rows} and (${decision.allow}) and ${liveConsent(at)}
    ${input.filter ? sql` and (${input.filter})` : sql``} order by c.id limit ${input.limit ?? 100_000}`,
  );
  return ids.map((r) => r.id);
}
