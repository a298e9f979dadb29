import { recordObjection } from "@isoloir/contacts";
import { consents, type DbHandle, enrichments } from "@isoloir/db";
import { testDatabases } from "@isoloir/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgWithSwitch, sampleProfile, setSwitch, subscriber, withdraw } from "../testing/fixtures";
import { checkGate } from "./check";
import { writeEnrichment } from "./write";

const t0 = new Date("2026-11-01T10:00:00Z");
const later = new Date("2026-11-02T10:00:00Z");
const profile = sampleProfile;

describe.each(testDatabases())("the enrichment gate on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  const rowsOf = (orgId: string, contactId: string) =>
    handle.db
      .select()
      .from(enrichments)
      .where(and(eq(enrichments.orgId, orgId), eq(enrichments.contactId, contactId)));

  it("allows a consenting French contact once the FR switch is on, and names the consent", async () => {
    const org = await orgWithSwitch(handle.db, true);
    const contactId = await subscriber(handle.db, org.id, { consentAt: t0 });
    const gate = await checkGate(handle.db, { orgId: org.id, contactId, provider: "twitter" }, later);
    expect(gate).toMatchObject({ allowed: true, refusal: null });
    expect(gate.consentId).toMatch(/[0-9a-f-]{36}/);
    expect(gate.decision?.reasons.map((r) => r.ruleId)).toContain("ORG-ENRICHMENT-SWITCH");
  });

  it("refuses a newsletter subscriber without enrichment consent, citing the CNIL rule", async () => {
    const org = await orgWithSwitch(handle.db, true);
    const contactId = await subscriber(handle.db, org.id);
    const gate = await checkGate(handle.db, { orgId: org.id, contactId, provider: "facebook" }, later);
    expect(gate.allowed).toBe(false);
    expect(gate.refusal).toBe("policy");
    expect(gate.decision?.reasons.map((r) => r.ruleId)).toContain("FR-CNIL-SOCIAL-ENRICHMENT");
  });

  it("refuses everyone while the country's switch is off", async () => {
    const org = await orgWithSwitch(handle.db, false);
    const contactId = await subscriber(handle.db, org.id, { consentAt: t0 });
    const gate = await checkGate(handle.db, { orgId: org.id, contactId, provider: "twitter" }, later);
    expect(gate.decision?.reasons.map((r) => r.ruleId)).toEqual(["ORG-ENRICHMENT-SWITCH"]);
    expect(gate.allowed).toBe(false);
  });

  it("refuses a consent captured after the decision time (the fake clock is the decision time)", async () => {
    const org = await orgWithSwitch(handle.db, true);
    const contactId = await subscriber(handle.db, org.id, { consentAt: later });
    expect((await checkGate(handle.db, { orgId: org.id, contactId, provider: "twitter" }, t0)).allowed).toBe(
      false,
    );
  });

  it("outside France needs a live consent all the same: the policy allows, the gate does not", async () => {
    const org = await orgWithSwitch(handle.db, true, { country: "US" });
    const contactId = await subscriber(handle.db, org.id, { country: "US" });
    const gate = await checkGate(handle.db, { orgId: org.id, contactId, provider: "twitter" }, later);
    expect(gate.decision?.decision).toBe("allow");
    expect(gate).toMatchObject({ allowed: false, refusal: "no_live_consent" });
  });

  it("writes under the live consent; withdrawing it deletes the data in the same transaction", async () => {
    const org = await orgWithSwitch(handle.db, true);
    const contactId = await subscriber(handle.db, org.id, { consentAt: t0 });
    const ref = { orgId: org.id, contactId, provider: "twitter" as const };
    expect((await writeEnrichment(handle.db, ref, profile, { at: () => later })).written).toBe(true);
    expect(await rowsOf(org.id, contactId)).toHaveLength(1);
    await withdraw(handle.db, org.id, contactId, later);
    expect(await rowsOf(org.id, contactId)).toHaveLength(0);
    const again = await writeEnrichment(handle.db, ref, profile, {
      at: () => new Date("2026-11-03T10:00:00Z"),
    });
    expect(again.written).toBe(false);
    expect(await rowsOf(org.id, contactId)).toHaveLength(0);
  });

  it("an objection deletes the enriched data and closes the gate", async () => {
    const org = await orgWithSwitch(handle.db, true);
    const contactId = await subscriber(handle.db, org.id, { consentAt: t0 });
    const ref = { orgId: org.id, contactId, provider: "linkedin" as const };
    await writeEnrichment(handle.db, ref, profile, { at: () => later });
    await recordObjection(handle.db, org.id, contactId, "all", later);
    expect(await rowsOf(org.id, contactId)).toHaveLength(0);
    const gate = await checkGate(handle.db, ref, new Date("2026-11-03T10:00:00Z"));
    expect(gate.allowed).toBe(false);
  });

  it("a switch going off closes the gate at once for pending lookups", async () => {
    const org = await orgWithSwitch(handle.db, true);
    const contactId = await subscriber(handle.db, org.id, { consentAt: t0 });
    await setSwitch(handle.db, org.id, "FR", false);
    const outcome = await writeEnrichment(
      handle.db,
      { orgId: org.id, contactId, provider: "meetup" },
      profile,
      { at: () => later },
    );
    expect(outcome.written).toBe(false);
  });

  it("the database itself refuses an enrichment row without a live consent", async () => {
    const org = await orgWithSwitch(handle.db, true);
    const contactId = await subscriber(handle.db, org.id, { consentAt: t0 });
    const [consent] = await handle.db.select().from(consents).where(eq(consents.contactId, contactId));
    await withdraw(handle.db, org.id, contactId, later);
    await expect(
      handle.db.insert(enrichments).values({
        orgId: org.id,
        contactId,
        consentId: consent?.id ?? "",
        provider: "twitter",
        fetchedAt: later,
      }),
    ).rejects.toThrow();
  });
});
