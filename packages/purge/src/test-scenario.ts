import { admitPerson } from "@isoloir/contacts";
import { type Db, organisations } from "@isoloir/db";
import { insertTestOrg, testKeys } from "@isoloir/db/testing";
import { eq, sql } from "drizzle-orm";

const origin = (source: "direct_form" | "electoral_list_L37" | "social_enrichment_lookup") => ({
  source,
  collectorKind: "import" as const,
  collectorRef: `import:${source}`,
  collectedAt: new Date("2026-01-10T00:00:00Z"),
  legalBasis: "legitimate_interest" as const,
});

/** An organisation with `n` contacts: every third one only from an electoral list (a purge target). */
export async function purgeScenario(db: Db, n: number) {
  const org = await insertTestOrg(db);
  const ctx = { orgId: org.id, hmacKey: testKeys.hmacKey };
  for (let i = 0; i < n; i++) {
    const identity = { firstName: `P${i}`, lastName: "Test", email: `p${i}@example.fr` };
    await admitPerson(db, ctx, identity, origin(i % 3 === 0 ? "electoral_list_L37" : "direct_form"));
    if (i % 3 === 1) await admitPerson(db, ctx, identity, origin("social_enrichment_lookup"));
  }
  return org;
}

/** Whole contacts whose only origin is the electoral list, and social-lookup rows of others. */
export const scenarioTargets = (orgId: string) => sql`
  select 'contact' as kind, c.id as target_id, c.id as contact_id,
         case when c.first_name in ('P0', 'P3') then 'objection' else 'electoral_list_after_election' end as reason,
         'FR-CNIL-ELECTORAL-LIST-RETENTION' as rule_id
  from contacts c where c.org_id = ${orgId}
    and not exists (select 1 from provenance p where p.org_id = c.org_id and p.contact_id = c.id and p.source <> 'electoral_list_L37')
  union all
  select 'provenance', p.id, p.contact_id, 'social_lookup_without_consent', 'FR-CNIL-SOCIAL-ENRICHMENT'
  from provenance p where p.org_id = ${orgId} and p.source = 'social_enrichment_lookup'`;

/** A fingerprint of every row the purge must not touch. */
export async function fingerprintOthers(db: Db, orgId: string, planId: string): Promise<string> {
  const result = (await db.execute(sql`
    select md5(coalesce(string_agg(row_to_json(x)::text, '|' order by x.id), '')) as h from (
      select c.id, c.first_name, c.last_name, c.email, c.email_hmac, c.phone from contacts c
      where c.org_id = ${orgId} and c.id not in (select target_id from purge_targets where org_id = ${orgId} and plan_id = ${planId})
      union all
      select p.id, p.source::text, p.collector_ref, array_to_string(p.fields, ','), null, null from provenance p
      where p.org_id = ${orgId} and p.id not in (select target_id from purge_targets where org_id = ${orgId} and plan_id = ${planId})
        and p.contact_id not in (select target_id from purge_targets where org_id = ${orgId} and plan_id = ${planId} and kind = 'contact')
    ) x`)) as unknown as { rows: { h: string }[] };
  return result.rows[0]?.h ?? "";
}

export async function setFourEyes(db: Db, orgId: string, on: boolean) {
  await db.update(organisations).set({ fourEyesPurgeApproval: on }).where(eq(organisations.id, orgId));
}
