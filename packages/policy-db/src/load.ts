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
import { eq } from "drizzle-orm";
import type { ContactRows } from "./load-contacts";

/** `loadContactRows` for every contact of an organisation at once (tests and bulk comparisons). */
export async function loadOrgContactRows(db: Db, orgId: string): Promise<ContactRows[]> {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  if (!org) return [];
  const [people, origins, ledger, objectionRows, electionRows, settings, processorRows, suppressed] =
    await Promise.all([
      db.select().from(contacts).where(eq(contacts.orgId, orgId)),
      db.select().from(provenance).where(eq(provenance.orgId, orgId)),
      db.select().from(consents).where(eq(consents.orgId, orgId)),
      db.select().from(objections).where(eq(objections.orgId, orgId)),
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
  const hit = (kind: string, hmac: string | null) =>
    hmac !== null && suppressed.some((s) => s.kind === kind && s.hmac === hmac);
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
