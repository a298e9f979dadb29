import {
  type consents,
  type contacts,
  type countrySettings,
  type Db,
  type objections,
  type organisations,
  type processors,
  type provenance,
  rows,
  type suppressions,
  uuidArray,
} from "@isoloir/db";
import { type SQL, sql } from "drizzle-orm";
import type { ElectionRow } from "./projection";
import { suppressionOfContact } from "./sql/facts";

type Row<T extends { $inferSelect: unknown }> = T["$inferSelect"];

/** What the projection reads about one contact: the fields of each row it needs, nothing more. */
export interface ContactRows {
  org: Pick<Row<typeof organisations>, "kind" | "country">;
  contact: Pick<
    Row<typeof contacts>,
    | "id"
    | "country"
    | "birthYear"
    | "emailHmac"
    | "phoneHmac"
    | "identityHmac"
    | "messagesSent"
    | "consentRequestsSent"
    | "lastMessageAt"
    | "lastPositiveInteractionAt"
  >;
  origins: Pick<
    Row<typeof provenance>,
    | "id"
    | "source"
    | "dataCategories"
    | "electionId"
    | "collectedAt"
    | "vendorPoliticalReuseDisclosed"
    | "vendorOptOutOffered"
  >[];
  ledger: Pick<
    Row<typeof consents>,
    "scope" | "mechanism" | "capturedAt" | "withdrawnAt" | "evidenceRef" | "bundled"
  >[];
  objectionRows: Pick<Row<typeof objections>, "allChannels" | "channels" | "at">[];
  electionRows: ElectionRow[];
  settings: Pick<Row<typeof countrySettings>, "country" | "enrichmentEnabled">[];
  processorRows: Pick<
    Row<typeof processors>,
    "name" | "hostingRegion" | "transferMechanism" | "authorised" | "art28ContractSigned"
  >[];
  /** a suppression record of scope `all` matches one of the contact's identifier HMACs */
  suppressed: boolean;
  /** the suppression records scoped to channels that match one (objections the contact carries from before) */
  scopedSuppressions: Pick<Row<typeof suppressions>, "channels" | "at">[];
}

// One statement, so that every row is read from the same snapshot and a gate check costs one round
// trip however many contacts it is about: each related table comes back as a JSON array of exactly the
// fields ContactRows names. The ids go as one array parameter, so their number does not change the text.
const rowsOfContacts = (orgId: string, contactIds: readonly string[], alongside: SQL | undefined) => sql`
select
  ${alongside ?? sql`null`} as alongside,
  json_build_object('kind', o.kind, 'country', o.country) as org,
  json_build_object('id', c.id, 'country', c.country, 'birthYear', c.birth_year, 'emailHmac', c.email_hmac, 'phoneHmac', c.phone_hmac, 'identityHmac', c.identity_hmac,
    'messagesSent', c.messages_sent, 'consentRequestsSent', c.consent_requests_sent, 'lastMessageAt', c.last_message_at,
    'lastPositiveInteractionAt', c.last_positive_interaction_at) as contact,
  (select coalesce(json_agg(json_build_object('id', p.id, 'source', p.source, 'dataCategories', p.data_categories,
      'electionId', p.election_id, 'collectedAt', p.collected_at, 'vendorPoliticalReuseDisclosed', p.vendor_political_reuse_disclosed,
      'vendorOptOutOffered', p.vendor_opt_out_offered) order by p.id), '[]')
    from provenance p where p.org_id = c.org_id and p.contact_id = c.id) as origins,
  (select coalesce(json_agg(json_build_object('scope', k.scope, 'mechanism', k.mechanism, 'capturedAt', k.captured_at,
      'withdrawnAt', k.withdrawn_at, 'evidenceRef', k.evidence_ref, 'bundled', k.bundled) order by k.id), '[]')
    from consents k where k.org_id = c.org_id and k.contact_id = c.id) as ledger,
  (select coalesce(json_agg(json_build_object('allChannels', b.all_channels, 'channels', b.channels, 'at', b.at) order by b.id), '[]')
    from objections b where b.org_id = c.org_id and b.contact_id = c.id) as objection_rows,
  (select coalesce(json_agg(json_build_object('id', e.id, 'type', e.type, 'rounds', e.rounds,
      'resultsProclaimedAt', e.results_proclaimed_at, 'litigationWindowDays', e.litigation_window_days) order by e.id), '[]')
    from elections e where e.org_id = c.org_id) as election_rows,
  (select coalesce(json_agg(json_build_object('country', s.country, 'enrichmentEnabled', s.enrichment_enabled) order by s.country), '[]')
    from country_settings s where s.org_id = c.org_id) as settings,
  (select coalesce(json_agg(json_build_object('name', r.name, 'hostingRegion', r.hosting_region,
      'transferMechanism', r.transfer_mechanism, 'authorised', r.authorised, 'art28ContractSigned', r.art28_contract_signed) order by r.id), '[]')
    from processors r where r.org_id = c.org_id) as processor_rows,
  exists (select 1 from suppressions x where x.org_id = c.org_id and x.all_channels and ${suppressionOfContact(sql`x`)}) as suppressed,
  (select coalesce(json_agg(json_build_object('channels', x.channels, 'at', x.at) order by x.at, x.id), '[]')
    from suppressions x where x.org_id = c.org_id and not x.all_channels and cardinality(x.channels) > 0
      and ${suppressionOfContact(sql`x`)}) as scoped_suppressions
from contacts c join organisations o on o.id = c.org_id
where c.org_id = ${orgId}::uuid and c.id = any(${uuidArray(contactIds)})`;

interface Timestamped {
  [key: string]: unknown;
}
const dated = <T>(row: Timestamped, keys: readonly string[]): T => {
  const copy: Timestamped = { ...row };
  for (const key of keys) copy[key] = typeof row[key] === "string" ? new Date(row[key] as string) : null;
  return copy as T;
};

/** Everything the projection reads about one contact, fresh, in one statement; undefined if it is not the org's. */
export async function loadContactRows(
  db: Db,
  orgId: string,
  contactId: string,
): Promise<ContactRows | undefined> {
  return (await loadContactsRows(db, orgId, [contactId])).get(contactId);
}

/**
 * `loadContactRows` for several contacts of one organisation, in one statement: id → rows (the org's
 * only). `alongside`, an expression over the contact `c`, is read in the same statement and comes back
 * as `alongside` (a caller's own per-contact value, such as the consent it would record data under).
 */
export async function loadContactsRows(
  db: Db,
  orgId: string,
  contactIds: readonly string[],
  alongside?: SQL,
): Promise<Map<string, ContactRows & { alongside: unknown }>> {
  if (contactIds.length === 0) return new Map();
  const found = await rows<Record<string, unknown>>(db, rowsOfContacts(orgId, contactIds, alongside));
  return new Map(
    found.map((row) => {
      const loaded = { ...fromRow(row), alongside: row.alongside ?? null };
      return [loaded.contact.id, loaded];
    }),
  );
}

const json = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;

function fromRow(row: Record<string, unknown>): ContactRows {
  return {
    org: json(row.org),
    contact: dated(json(row.contact), ["lastMessageAt", "lastPositiveInteractionAt"]),
    origins: json<Timestamped[]>(row.origins).map((o) => dated(o, ["collectedAt"])),
    ledger: json<Timestamped[]>(row.ledger).map((k) => dated(k, ["capturedAt", "withdrawnAt"])),
    objectionRows: json<Timestamped[]>(row.objection_rows).map((b) => dated(b, ["at"])),
    electionRows: json(row.election_rows),
    settings: json(row.settings),
    processorRows: json(row.processor_rows),
    suppressed: row.suppressed === true,
    scopedSuppressions: json<Timestamped[]>(row.scoped_suppressions).map((x) => dated(x, ["at"])),
  };
}
