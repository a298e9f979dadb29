import {
  consents,
  contacts,
  countrySettings,
  type Db,
  elections,
  inSequence,
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
    await inSequence([
      () => db.select().from(contacts).where(eq(contacts.orgId, orgId)),
      () => db.select().from(provenance).where(eq(provenance.orgId, orgId)),
      () => db.select().from(consents).where(eq(consents.orgId, orgId)),
      () => db.select().from(objections).where(eq(objections.orgId, orgId)),
      () => db.select().from(elections).where(eq(elections.orgId, orgId)),
      () => db.select().from(countrySettings).where(eq(countrySettings.orgId, orgId)),
      () => db.select().from(processors).where(eq(processors.orgId, orgId)),
      () => db.select().from(suppressions).where(eq(suppressions.orgId, orgId)),
    ]);
  const group = <T extends { contactId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.contactId, [...(map.get(r.contactId) ?? []), r]);
    return map;
  };
  const [originsOf, ledgerOf, objectionsOf] = [group(origins), group(ledger), group(objectionRows)];
  // a record is the contact's when one of its identifier HMACs equals the record's
  const recordsOf = (c: (typeof people)[number]) =>
    suppressed
      .filter(
        (s) =>
          (s.kind === "email" && s.hmac === c.emailHmac) ||
          (s.kind === "phone" && s.hmac === c.phoneHmac) ||
          (s.kind === "identity" && s.hmac === c.identityHmac),
      )
      .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return people.map((contact) => {
    const records = recordsOf(contact);
    return {
      org,
      contact,
      origins: originsOf.get(contact.id) ?? [],
      ledger: ledgerOf.get(contact.id) ?? [],
      objectionRows: objectionsOf.get(contact.id) ?? [],
      electionRows,
      settings,
      processorRows,
      suppressed: records.some((r) => r.allChannels),
      scopedSuppressions: records
        .filter((r) => !r.allChannels && r.channels.length > 0)
        .map((r) => ({ channels: r.channels, at: r.at })),
    };
  });
}
