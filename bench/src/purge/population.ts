import { type Db, rows } from "@isoloir/db";
import { sql } from "drizzle-orm";

// The benchmark's population, written by SQL (generate_series) so that 2 × 500,000 contacts take
// seconds, not hours. Two organisations get the same people (contact i has the same shape in both):
// one is purged through @isoloir/purge, the other by a plain cascading DELETE of the same rows.
//
// contact i, by i % 10 — what the engine will say (as of the benchmark's plan time):
//   0, 1, 2  an electoral list of the 2026 municipal election, long closed → whole contact
//            (every 7th of them also has a live social_enrichment consent and enriched data)
//   3        signed up, then objected to everything (no suppression yet)  → whole contact, suppressed
//   4        a Match-era social lookup only                                → whole contact
//   5        signed up, plus a Match-era lookup that brought city and birth year → that row only
//   6        a municipal heat-wave register (public-sector file)          → whole contact
//   7, 8, 9  newsletter subscribers with consent, active                  → untouched
// Every 20th contact is on a volunteer's list (contact_assignments).

export const at = new Date("2026-11-24T10:00:00Z");
const wholeKinds = [0, 1, 2, 3, 4, 6];

export interface Org {
  id: string;
  electionId: string;
}

const uuidOf = (seed: ReturnType<typeof sql>) => sql`(md5(${seed})::uuid)`;

export async function insertPopulation(db: Db, org: Org, size: number): Promise<void> {
  const o = sql`${org.id}::uuid`;
  const cid = uuidOf(sql`${org.id} || ':c:' || i`);
  await db.execute(sql`insert into contacts (org_id, id, first_name, last_name, email, email_hmac, city, birth_year, messages_sent, last_message_at, last_positive_interaction_at, created_at, updated_at)
    select ${o}, ${cid}, 'Prénom' || i, 'Nom' || i, 'p' || i || '@bench.example', md5('email:' || i), case when i % 10 = 5 then 'Lyon' end, case when i % 10 = 5 then 1980 end,
      case when i % 10 >= 7 then 2 else 0 end, case when i % 10 >= 7 then '2026-11-01'::timestamptz end, case when i % 10 >= 7 then '2026-11-01'::timestamptz end,
      '2026-10-01', '2026-10-01'
    from generate_series(1, ${size}) i`);
  const prov = (
    suffix: string,
    where: string,
    source: string,
    ref: string,
    kind: string,
    fields: string,
    categories: string,
    at: string,
    election: boolean,
  ) =>
    db.execute(sql`insert into provenance (org_id, id, contact_id, fields, data_categories, source, collector_kind, collector_ref, election_id, collected_at, legal_basis, created_at)
      select ${o}, ${uuidOf(sql`${org.id} || ${`:p${suffix}:`} || i`)}, ${cid}, ${sql.raw(`'${fields}'::text[]`)}, ${sql.raw(`'${categories}'::text[]`)}, ${source}::source_kind, ${kind}::collector_kind, ${ref},
        ${election ? sql`${org.electionId}::uuid` : sql`null`}, ${at}::timestamptz, 'legitimate_interest', '2026-10-01'
      from generate_series(1, ${size}) i where ${sql.raw(where)}`);
  await prov(
    "l",
    "i % 10 in (0, 1, 2)",
    "electoral_list_L37",
    "import:l37-2026",
    "import",
    "{firstName,lastName,email}",
    "{identity,contact}",
    "2026-02-01",
    true,
  );
  await prov(
    "n",
    "i % 10 in (3, 5, 7, 8, 9)",
    "newsletter_signup",
    "form:newsletter",
    "form",
    "{firstName,lastName,email}",
    "{identity,contact}",
    "2026-09-01",
    false,
  );
  await prov(
    "m",
    "i % 10 in (4, 5)",
    "social_enrichment_lookup",
    "facebook",
    "provider",
    "{email,city,birthYear}",
    "{identity,social_profile}",
    "2019-05-01",
    false,
  );
  await prov(
    "f",
    "i % 10 = 6",
    "public_sector_file",
    "import:canicule-2019",
    "import",
    "{firstName,lastName,email}",
    "{identity,contact}",
    "2019-07-01",
    false,
  );
  await db.execute(sql`insert into consents (org_id, id, contact_id, scope, mechanism, captured_at, evidence_ref)
    select ${o}, ${uuidOf(sql`${org.id} || ':k:' || i`)}, ${cid}, 'political_email', 'double_opt_in', '2026-09-01', 'form:newsletter'
    from generate_series(1, ${size}) i where i % 10 in (3, 5, 7, 8, 9)`);
  await db.execute(sql`insert into consents (org_id, id, contact_id, scope, mechanism, captured_at, evidence_ref)
    select ${o}, ${uuidOf(sql`${org.id} || ':s:' || i`)}, ${cid}, 'social_enrichment', 'unticked_checkbox', '2026-02-01', 'form:enrich'
    from generate_series(1, ${size}) i where i % 10 in (0, 1, 2) and i % 7 = 0`);
  await db.execute(sql`insert into enrichments (org_id, contact_id, consent_id, provider, fetched_at, handle)
    select ${o}, ${cid}, ${uuidOf(sql`${org.id} || ':s:' || i`)}, 'twitter', '2026-03-01', '@p' || i
    from generate_series(1, ${size}) i where i % 10 in (0, 1, 2) and i % 7 = 0`);
  await db.execute(sql`insert into objections (org_id, contact_id, all_channels, at)
    select ${o}, ${cid}, true, '2026-10-05' from generate_series(1, ${size}) i where i % 10 = 3`);
}

export async function insertAssignments(db: Db, org: Org, size: number, volunteer: string): Promise<void> {
  await db.execute(sql`insert into contact_assignments (org_id, user_id, contact_id)
    select ${org.id}::uuid, ${volunteer}::uuid, ${uuidOf(sql`${org.id} || ':c:' || i`)} from generate_series(1, ${size}) i where i % 20 = 0`);
}

/** The rows the purge is expected to take, for the baseline: whole contacts and the single lookup rows. */
export function baselineTargets(org: Org, size: number) {
  return {
    contacts: sql`select ${uuidOf(sql`${org.id} || ':c:' || i`)} from generate_series(1, ${size}) i where i % 10 in (${sql.raw(wholeKinds.join(", "))})`,
    rows: sql`select ${uuidOf(sql`${org.id} || ':pm:' || i`)} from generate_series(1, ${size}) i where i % 10 = 5`,
    whole: (n: number) =>
      Array.from({ length: n }, (_, k) => k + 1).filter((i) => wholeKinds.includes(i % 10)).length,
    single: (n: number) => Array.from({ length: n }, (_, k) => k + 1).filter((i) => i % 10 === 5).length,
  };
}

export async function tableCounts(db: Db, orgId: string): Promise<Record<string, number>> {
  const [row] = await rows<Record<string, number>>(
    db,
    sql`select
    (select count(*)::int from contacts where org_id = ${orgId}::uuid) as contacts,
    (select count(*)::int from provenance where org_id = ${orgId}::uuid) as provenance,
    (select count(*)::int from consents where org_id = ${orgId}::uuid) as consents,
    (select count(*)::int from objections where org_id = ${orgId}::uuid) as objections,
    (select count(*)::int from enrichments where org_id = ${orgId}::uuid) as enrichments,
    (select count(*)::int from contact_assignments where org_id = ${orgId}::uuid) as contact_assignments`,
  );
  return row ?? {};
}
