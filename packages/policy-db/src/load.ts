import {
  consents,
  contacts,
  countrySettings,
  type Db,
  elections,
  objections,
  organisations,
  processors,
  provenance,
  suppressions,
} from "@isoloir/db";
import { and, eq, or, type SQL } from "drizzle-orm";

/** Everything the projection reads about one contact, in one round of org-scoped queries. */
export async function loadContactRows(db: Db, orgId: string, contactId: string) {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  const [contact] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId)));
  if (!org || !contact) return undefined;
  const [origins, ledger, objectionRows, electionRows, settings, processorRows, suppressed] = await Promise.all([
    db.select().from(provenance).where(and(eq(provenance.orgId, orgId), eq(provenance.contactId, contactId))),
    db.select().from(consents).where(and(eq(consents.orgId, orgId), eq(consents.contactId, contactId))),
    db.select().from(objections).where(and(eq(objections.orgId, orgId), eq(objections.contactId, contactId))),
    db.select().from(elections).where(eq(elections.orgId, orgId)),
    db.select().from(countrySettings).where(eq(countrySettings.orgId, orgId)),
    db.select().from(processors).where(eq(processors.orgId, orgId)),
    isSuppressed(db, orgId, contact.emailHmac, contact.phoneHmac),
  ]);
  return { org, contact, origins, ledger, objectionRows, electionRows, settings, processorRows, suppressed };
}

export type ContactRows = NonNullable<Awaited<ReturnType<typeof loadContactRows>>>;

/** Equality of the stored HMACs against the suppression list (the key is never needed here). */
async function isSuppressed(db: Db, orgId: string, emailHmac: string | null, phoneHmac: string | null) {
  const matches = [
    emailHmac ? and(eq(suppressions.kind, "email"), eq(suppressions.hmac, emailHmac)) : undefined,
    phoneHmac ? and(eq(suppressions.kind, "phone"), eq(suppressions.hmac, phoneHmac)) : undefined,
  ].filter((m): m is SQL => m !== undefined);
  if (matches.length === 0) return false;
  const hits = await db
    .select({ id: suppressions.id })
    .from(suppressions)
    .where(and(eq(suppressions.orgId, orgId), or(...matches)))
    .limit(1);
  return hits.length > 0;
}

/** `loadContactRows` for every contact of an organisation at once (tests and bulk comparisons). */
export async function loadOrgContactRows(db: Db, orgId: string): Promise<ContactRows[]> {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  if (!org) return [];
  const byOrg = <T extends { orgId: unknown }>(table: T) => eq((table as unknown as typeof contacts).orgId, orgId);
  const [people, origins, ledger, objectionRows, electionRows, settings, processorRows, suppressed] = await Promise.all([
    db.select().from(contacts).where(byOrg(contacts)),
    db.select().from(provenance).where(byOrg(provenance)),
    db.select().from(consents).where(byOrg(consents)),
    db.select().from(objections).where(byOrg(objections)),
    db.select().from(elections).where(eq(elections.orgId, orgId)),
    db.select().from(countrySettings).where(eq(countrySettings.orgId, orgId)),
    db.select().from(processors).where(eq(processors.orgId, orgId)),
    db.select().from(suppressions).where(eq(suppressions.orgId, orgId)),
  ]);
  const group = <T extends { contactId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.contactId, [...(map.get(r.contactId) ?? []), r]);
    return map;
  };
  const [originsOf, ledgerOf, objectionsOf] = [group(origins), group(ledger), group(objectionRows)];
  const hit = (kind: string, hmac: string | null) => hmac !== null && suppressed.some((s) => s.kind === kind && s.hmac === hmac);
  return people.map((contact) => ({
    org,
    contact,
    origins: originsOf.get(contact.id) ?? [],
    ledger: ledgerOf.get(contact.id) ?? [],
    objectionRows: objectionsOf.get(contact.id) ?? [],
    electionRows,
    settings,
    processorRows,
    suppressed: hit("email", contact.emailHmac) || hit("phone", contact.phoneHmac),
  }));
}
