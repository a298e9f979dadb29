import { admitPerson, identifierHmac } from "@isoloir/contacts";
import { consents, contacts, countrySettings, type Db, provenance } from "@isoloir/db";
import { insertTestOrg, testKeys } from "@isoloir/db/testing";
import { and, eq, isNull } from "drizzle-orm";

/** A found twitter profile, as a provider returns it. */
export const sampleProfile = {
  network: "twitter" as const,
  handle: "@someone",
  profileUrl: "https://twitter.example/someone",
  photoUrl: null,
  location: "Lyon",
  bio: null,
  followers: 12,
};

/** An organisation with its FR switch in the given state. */
export async function orgWithSwitch(
  db: Db,
  on: boolean,
  overrides: { country?: string; kind?: "party" | "company" } = {},
) {
  const country = overrides.country ?? "FR";
  const org = await insertTestOrg(db, { country, kind: overrides.kind ?? "party" });
  await db
    .insert(countrySettings)
    .values({ orgId: org.id, country: country === "GB" ? "GB" : country, enrichmentEnabled: on });
  return org;
}

export async function setSwitch(db: Db, orgId: string, country: string, on: boolean) {
  await db
    .update(countrySettings)
    .set({ enrichmentEnabled: on })
    .where(and(eq(countrySettings.orgId, orgId), eq(countrySettings.country, country)));
}

let counter = 0;
/** A newsletter subscriber, with or without a social_enrichment consent captured at `consentAt`. */
export async function subscriber(
  db: Db,
  orgId: string,
  options: { consentAt?: Date; country?: string } = {},
) {
  counter += 1;
  const { contactId } = await admitPerson(
    db,
    { orgId, hmacKey: testKeys.hmacKey },
    {
      lastName: `Test${counter}`,
      email: `person${counter}.${orgId.slice(0, 6)}@example.fr`,
      country: options.country ?? "FR",
    },
    {
      source: "newsletter_signup",
      collectorKind: "form",
      collectorRef: "form:nl",
      collectedAt: new Date("2026-01-10T10:00:00Z"),
      legalBasis: "consent",
    },
    options.consentAt
      ? [
          {
            scope: "social_enrichment",
            mechanism: "unticked_checkbox",
            capturedAt: options.consentAt,
            evidenceRef: "form:nl#enrich",
          },
        ]
      : [],
  );
  return contactId;
}

/** Withdraws the contact's live social_enrichment consents at `at` (a consent withdrawn earlier keeps its date). */
export async function withdraw(db: Db, orgId: string, contactId: string, at: Date) {
  await db
    .update(consents)
    .set({ withdrawnAt: at })
    .where(
      and(
        eq(consents.orgId, orgId),
        eq(consents.contactId, contactId),
        eq(consents.scope, "social_enrichment"),
        isNull(consents.withdrawnAt),
      ),
    );
}

/**
 * `count` French newsletter subscribers in a few multi-row inserts (the rows `admitPerson` writes for a
 * new person: the contact with its email HMAC, one provenance row, and with `consentAt` a
 * social_enrichment consent captured then).
 */
export async function bulkSubscribers(
  db: Db,
  orgId: string,
  count: number,
  options: { consentAt?: Date } = {},
): Promise<string[]> {
  const people = Array.from({ length: count }, () => {
    counter += 1;
    const email = `bulk${counter}.${orgId.slice(0, 8)}@example.fr`;
    return {
      orgId,
      lastName: `Bulk${counter}`,
      email,
      country: "FR",
      emailHmac: identifierHmac(testKeys.hmacKey, orgId, email),
    };
  });
  const ids = (await db.insert(contacts).values(people).returning({ id: contacts.id })).map((r) => r.id);
  await db.insert(provenance).values(
    ids.map((contactId) => ({
      orgId,
      contactId,
      fields: ["lastName", "email", "country"],
      source: "newsletter_signup" as const,
      collectorKind: "form" as const,
      collectorRef: "form:nl",
      collectedAt: new Date("2026-01-10T10:00:00Z"),
      legalBasis: "consent" as const,
    })),
  );
  const { consentAt } = options;
  if (consentAt) {
    await db.insert(consents).values(
      ids.map((contactId) => ({
        orgId,
        contactId,
        scope: "social_enrichment" as const,
        mechanism: "unticked_checkbox" as const,
        capturedAt: consentAt,
        evidenceRef: "form:nl#enrich",
      })),
    );
  }
  return ids;
}
