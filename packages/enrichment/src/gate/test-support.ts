import { admitPerson } from "@isoloir/contacts";
import { consents, countrySettings, type Db } from "@isoloir/db";
import { insertTestOrg, testKeys } from "@isoloir/db/testing";
import { and, eq } from "drizzle-orm";

/** An organisation with its FR switch in the given state. */
export async function orgWithSwitch(db: Db, on: boolean, overrides: { country?: string; kind?: "party" | "company" } = {}) {
  const country = overrides.country ?? "FR";
  const org = await insertTestOrg(db, { country, kind: overrides.kind ?? "party" });
  await db.insert(countrySettings).values({ orgId: org.id, country: country === "GB" ? "GB" : country, enrichmentEnabled: on });
  return org;
}

export async function setSwitch(db: Db, orgId: string, country: string, on: boolean) {
  await db.update(countrySettings).set({ enrichmentEnabled: on }).where(and(eq(countrySettings.orgId, orgId), eq(countrySettings.country, country)));
}

let counter = 0;
/** A newsletter subscriber, with or without a social_enrichment consent captured at `consentAt`. */
export async function subscriber(db: Db, orgId: string, options: { consentAt?: Date; country?: string } = {}) {
  counter += 1;
  const { contactId } = await admitPerson(
    db,
    { orgId, hmacKey: testKeys.hmacKey },
    { lastName: `Test${counter}`, email: `person${counter}.${orgId.slice(0, 6)}@example.fr`, country: options.country ?? "FR" },
    { source: "newsletter_signup", collectorKind: "form", collectorRef: "form:nl", collectedAt: new Date("2026-01-10T10:00:00Z"), legalBasis: "consent" },
    options.consentAt
      ? [{ scope: "social_enrichment", mechanism: "unticked_checkbox", capturedAt: options.consentAt, evidenceRef: "form:nl#enrich" }]
      : [],
  );
  return contactId;
}

export async function withdraw(db: Db, orgId: string, contactId: string, at: Date) {
  await db
    .update(consents)
    .set({ withdrawnAt: at })
    .where(and(eq(consents.orgId, orgId), eq(consents.contactId, contactId), eq(consents.scope, "social_enrichment")));
}
