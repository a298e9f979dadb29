import { pseudonym } from "@isoloir/audit";
import { auditLog, consents, type DbHandle, enrichments, objections } from "@isoloir/db";
import { insertTestOrg, testDatabases, testKeys } from "@isoloir/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admitPerson } from "./admit";
import { recordObjectionAudited, withdrawConsentAudited } from "./audited";
import { ContactNotFoundError } from "./errors";

const origin = {
  source: "newsletter_signup" as const,
  collectorKind: "form" as const,
  collectorRef: "form:nl",
  collectedAt: new Date("2026-10-01T10:00:00Z"),
  legalBasis: "consent" as const,
};
const enrichmentConsent = {
  scope: "social_enrichment" as const,
  mechanism: "unticked_checkbox" as const,
  capturedAt: origin.collectedAt,
  evidenceRef: "form:nl#enrich",
};

describe.each(testDatabases())("withdrawals and objections with their audit, on $name", (target) => {
  let handle: DbHandle;
  let orgId: string;
  let slug: string;
  const actor = "user:0123456789abcdef";

  beforeAll(async () => {
    handle = await target.open();
    const org = await insertTestOrg(handle.db);
    [orgId, slug] = [org.id, org.slug];
  });
  afterAll(async () => handle?.close());

  /** A contact with a social-enrichment consent and `rows` enrichment rows fetched under it. */
  async function enriched(name: string, rows: number) {
    const { contactId } = await admitPerson(
      handle.db,
      { orgId, hmacKey: testKeys.hmacKey },
      { firstName: name, email: `${name}.${slug}@example.fr` },
      origin,
      [enrichmentConsent],
    );
    const [consent] = await handle.db.select().from(consents).where(eq(consents.contactId, contactId));
    if (!consent) throw new Error("no consent");
    const providers = ["twitter", "linkedin", "facebook"] as const;
    for (const provider of providers.slice(0, rows))
      await handle.db
        .insert(enrichments)
        .values({ orgId, contactId, consentId: consent.id, provider, fetchedAt: new Date(), handle: "@x" });
    return { contactId, consentId: consent.id };
  }

  const auditOf = async (action: string, contactId: string) =>
    handle.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.orgId, orgId),
          eq(auditLog.action, action),
          eq(auditLog.target, pseudonym(testKeys.hmacKey, orgId, "contact", contactId)),
        ),
      );
  const derivedOf = (contactId: string) =>
    handle.db.$count(enrichments, and(eq(enrichments.orgId, orgId), eq(enrichments.contactId, contactId)));

  it("withdrawing a consent deletes what was derived under it and audits how much, once", async () => {
    const { contactId, consentId } = await enriched("wanda", 2);
    const action = { orgId, contactId, consentId, actor, hmacKey: testKeys.hmacKey };
    expect(await withdrawConsentAudited(handle.db, action)).toEqual({
      withdrawn: true,
      enrichmentDeleted: 2,
    });
    expect(await derivedOf(contactId)).toBe(0);
    const [entry, ...more] = await auditOf("consent.withdrawn", contactId);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actor, details: { enrichmentDeleted: 2 } });
    expect(JSON.stringify(entry)).not.toContain("wanda");
    // a second withdrawal changes and audits nothing
    expect(await withdrawConsentAudited(handle.db, action)).toEqual({
      withdrawn: false,
      enrichmentDeleted: 0,
    });
    expect(await auditOf("consent.withdrawn", contactId)).toHaveLength(1);
  });

  it("an unknown consent or another organisation's is not found, and nothing is audited", async () => {
    const { contactId, consentId } = await enriched("nadia", 1);
    const elsewhere = await insertTestOrg(handle.db);
    await expect(
      withdrawConsentAudited(handle.db, {
        orgId: elsewhere.id,
        contactId,
        consentId,
        actor,
        hmacKey: testKeys.hmacKey,
      }),
    ).rejects.toBeInstanceOf(ContactNotFoundError);
    expect(await derivedOf(contactId)).toBe(1);
    expect(await auditOf("consent.withdrawn", contactId)).toEqual([]);
  });

  it("an objection deletes all of the contact's derived data and audits it with its scope", async () => {
    const { contactId } = await enriched("olga", 3);
    expect(
      await recordObjectionAudited(handle.db, {
        orgId,
        contactId,
        actor,
        hmacKey: testKeys.hmacKey,
        scope: ["email"],
      }),
    ).toEqual({ enrichmentDeleted: 3 });
    expect(await derivedOf(contactId)).toBe(0);
    expect(await handle.db.$count(objections, eq(objections.contactId, contactId))).toBe(1);
    const [entry] = await auditOf("objection.recorded", contactId);
    expect(entry).toMatchObject({ actor, details: { scope: ["email"], enrichmentDeleted: 3 } });
  });

  it("an objection to an unknown contact records and audits nothing", async () => {
    const { contactId } = await enriched("petra", 1);
    const elsewhere = await insertTestOrg(handle.db);
    await expect(
      recordObjectionAudited(handle.db, {
        orgId: elsewhere.id,
        contactId,
        actor,
        hmacKey: testKeys.hmacKey,
        scope: "all",
      }),
    ).rejects.toBeInstanceOf(ContactNotFoundError);
    expect(await derivedOf(contactId)).toBe(1);
    expect(await auditOf("objection.recorded", contactId)).toEqual([]);
  });
});
