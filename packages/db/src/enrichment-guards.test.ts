import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "./client";
import { consents, contacts, enrichments, objections } from "./schema/index";
import { insertTestOrg, testDatabases } from "./testing";

describe.each(testDatabases())("enrichment guards on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  async function contactWithConsent(scope: "social_enrichment" | "political_email" = "social_enrichment") {
    const org = await insertTestOrg(handle.db);
    const [contact] = await handle.db.insert(contacts).values({ orgId: org.id, lastName: "E" }).returning();
    const [consent] = await handle.db
      .insert(consents)
      .values({
        orgId: org.id,
        contactId: contact?.id ?? "",
        scope,
        mechanism: "unticked_checkbox",
        capturedAt: new Date(),
        evidenceRef: "form:x",
      })
      .returning();
    return { orgId: org.id, contactId: contact?.id ?? "", consentId: consent?.id ?? "" };
  }

  const row = (ref: { orgId: string; contactId: string; consentId: string }) => ({
    ...ref,
    provider: "twitter" as const,
    fetchedAt: new Date(),
    handle: "@someone",
  });

  const causeOf = (e: unknown) => String((e as { cause?: Error }).cause?.message ?? e);

  it("accepts a row under a live social_enrichment consent", async () => {
    const ref = await contactWithConsent();
    await handle.db.insert(enrichments).values(row(ref));
    expect(await handle.db.$count(enrichments, eq(enrichments.orgId, ref.orgId))).toBe(1);
  });

  it("refuses a row under another kind of consent or a withdrawn one", async () => {
    const email = await contactWithConsent("political_email");
    const refused = await handle.db
      .insert(enrichments)
      .values(row(email))
      .then(() => undefined, causeOf);
    expect(refused).toMatch(/enrichment row refused/);
    const withdrawn = await contactWithConsent();
    await handle.db
      .update(consents)
      .set({ withdrawnAt: new Date() })
      .where(eq(consents.id, withdrawn.consentId));
    expect(
      await handle.db
        .insert(enrichments)
        .values(row(withdrawn))
        .then(() => undefined, causeOf),
    ).toMatch(/refused/);
  });

  it("deletes the rows when the consent is withdrawn, in the same statement", async () => {
    const ref = await contactWithConsent();
    await handle.db.insert(enrichments).values(row(ref));
    await handle.db
      .update(consents)
      .set({ withdrawnAt: new Date() })
      .where(and(eq(consents.orgId, ref.orgId), eq(consents.id, ref.consentId)));
    expect(await handle.db.$count(enrichments, eq(enrichments.orgId, ref.orgId))).toBe(0);
  });

  it("deletes the rows when the person objects", async () => {
    const ref = await contactWithConsent();
    await handle.db.insert(enrichments).values(row(ref));
    await handle.db.insert(objections).values({
      orgId: ref.orgId,
      contactId: ref.contactId,
      allChannels: false,
      channels: ["sms"],
      at: new Date(),
    });
    expect(await handle.db.$count(enrichments, eq(enrichments.orgId, ref.orgId))).toBe(0);
  });
});
