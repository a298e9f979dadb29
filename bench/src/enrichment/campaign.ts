import { contacts, type Db, providerAllowList } from "@isoloir/db";
import { hashEmail, type Network } from "@isoloir/enrichment";
import { bulkSubscribers, orgWithSwitch } from "@isoloir/enrichment/testing";
import { eq } from "drizzle-orm";

// One organisation ready for enrichment: the FR switch on, the provider on its allow-list, and
// `size` French subscribers with a social_enrichment consent — every one of them eligible.

export interface Campaign {
  orgId: string;
  contactIds: string[];
  /** the email hashes the sandbox will log for them */
  hashes: Set<string>;
}

export const consentAt = new Date("2026-01-10T10:00:00Z");

export async function campaign(db: Db, provider: Network, size: number): Promise<Campaign> {
  const org = await orgWithSwitch(db, true);
  await db.insert(providerAllowList).values({ orgId: org.id, provider, allowed: true });
  const contactIds = await bulkSubscribers(db, org.id, size, { consentAt });
  const emails = await db.select({ email: contacts.email }).from(contacts).where(eq(contacts.orgId, org.id));
  return { orgId: org.id, contactIds, hashes: new Set(emails.map((c) => hashEmail(c.email ?? ""))) };
}
