import { appendAudit } from "@isoloir/audit";
import { contacts, countrySettings, type Db, enrichments } from "@isoloir/db";
import { normalisedCountrySql } from "@isoloir/policy-db";
import { and, eq, inArray, sql } from "drizzle-orm";

/** The country whose switch governs a contact's enriched data: its own, else the organisation's. */
const countryOfContact = (orgCountry: string) =>
  sql`coalesce(${normalisedCountrySql(contacts.country)}, ${orgCountry}::text)`;

/**
 * A contact's enriched data, provider by provider, with its consent. Data of a country whose switch is
 * off is hidden at once (a background job then deletes it).
 */
export async function enrichmentsOf(db: Db, orgId: string, contactId: string, orgCountry: string) {
  const country = countryOfContact(orgCountry);
  return db
    .select({
      id: enrichments.id,
      provider: enrichments.provider,
      consentId: enrichments.consentId,
      fetchedAt: enrichments.fetchedAt,
      handle: enrichments.handle,
      profileUrl: enrichments.profileUrl,
      photoUrl: enrichments.photoUrl,
      location: enrichments.location,
      bio: enrichments.bio,
      followers: enrichments.followers,
    })
    .from(enrichments)
    .innerJoin(contacts, and(eq(contacts.orgId, enrichments.orgId), eq(contacts.id, enrichments.contactId)))
    .innerJoin(
      countrySettings,
      and(
        eq(countrySettings.orgId, enrichments.orgId),
        sql`${countrySettings.country} = ${country}`,
        eq(countrySettings.enrichmentEnabled, true),
      ),
    )
    .where(and(eq(enrichments.orgId, orgId), eq(enrichments.contactId, contactId)))
    .orderBy(enrichments.provider);
}

/** "Remove enrichment": deletes a contact's enriched data (one provider, or all), audited. */
export async function removeEnrichment(
  db: Db,
  input: { orgId: string; contactId: string; provider?: string; actor: string; target: string },
): Promise<number> {
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(enrichments)
      .where(
        and(
          eq(enrichments.orgId, input.orgId),
          eq(enrichments.contactId, input.contactId),
          input.provider ? sql`${enrichments.provider}::text = ${input.provider}` : undefined,
        ),
      )
      .returning({ id: enrichments.id });
    await appendAudit(tx, {
      orgId: input.orgId,
      action: "enrichment.removed",
      actor: input.actor,
      target: input.target,
      details: { provider: input.provider ?? "all", rows: deleted.length },
    });
    return deleted.length;
  });
}

/** The background half of a switch going off: deletes that country's enriched data, audited. */
export async function deleteSwitchedOffEnrichment(
  db: Db,
  input: { orgId: string; country: string; orgCountry: string; actor: string },
) {
  const country = countryOfContact(input.orgCountry);
  return db.transaction(async (tx) => {
    const [setting] = await tx
      .select()
      .from(countrySettings)
      .where(and(eq(countrySettings.orgId, input.orgId), eq(countrySettings.country, input.country)))
      .for("share");
    if (setting?.enrichmentEnabled) return 0; // switched back on meanwhile: nothing to delete
    const people = tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.orgId, input.orgId), sql`${country} = ${input.country}`));
    const deleted = await tx
      .delete(enrichments)
      .where(and(eq(enrichments.orgId, input.orgId), inArray(enrichments.contactId, people)))
      .returning({ id: enrichments.id });
    await appendAudit(tx, {
      orgId: input.orgId,
      action: "enrichment.switch_off_deleted",
      actor: input.actor,
      details: { country: input.country, rows: deleted.length },
    });
    return deleted.length;
  });
}
