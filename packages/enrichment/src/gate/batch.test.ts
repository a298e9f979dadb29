import { verifyAuditChain } from "@isoloir/audit";
import { recordObjection } from "@isoloir/contacts";
import { auditLog, type DbHandle, enrichments } from "@isoloir/db";
import { testDatabases } from "@isoloir/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgWithSwitch, sampleProfile, subscriber, withdraw } from "../testing/fixtures";
import { checkGate, checkGates, type GateRef } from "./check";
import { GroupWriter } from "./group-write";
import { writeEnrichments } from "./write";

// The job checks gates and writes results several contacts at a time. Batching must change nothing a
// contact can tell: the same decision as alone, its own refusal, and one bad item costs only itself.

const t0 = new Date("2026-11-01T10:00:00Z");
const later = new Date("2026-11-02T10:00:00Z");
const profile = sampleProfile;
const audit = (orgId: string, i: number) => ({
  orgId,
  action: "enrichment.lookup",
  actor: "system",
  target: `contact:${i}`,
  details: { i },
});

describe.each(testDatabases())("batched gates and writes on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  /** Six people in every state the gate tells apart: consenting, never asked, withdrawn, objecting, foreign, gone. */
  async function mixedOrganisation() {
    const org = await orgWithSwitch(handle.db, true);
    const [consenting, unasked, withdrawn, objecting, foreign] = [
      await subscriber(handle.db, org.id, { consentAt: t0 }),
      await subscriber(handle.db, org.id),
      await subscriber(handle.db, org.id, { consentAt: t0 }),
      await subscriber(handle.db, org.id, { consentAt: t0 }),
      await subscriber(handle.db, org.id, { consentAt: t0, country: "US" }),
    ];
    await withdraw(handle.db, org.id, withdrawn, t0);
    await recordObjection(handle.db, org.id, objecting, "all", t0);
    const gone = "00000000-0000-4000-8000-000000000000";
    const ids = [consenting, unasked, withdrawn, objecting, foreign, gone] as string[];
    return { org, ids, consenting: consenting as string };
  }

  it("decides each contact of a batch exactly as it decides it alone, for every provider", async () => {
    const { org, ids } = await mixedOrganisation();
    const refs: GateRef[] = ids.flatMap((contactId) =>
      (["facebook", "twitter"] as const).map((provider) => ({ orgId: org.id, contactId, provider })),
    );
    const together = await checkGates(handle.db, refs, later);
    const alone = await Promise.all(refs.map((ref) => checkGate(handle.db, ref, later)));
    expect(together).toEqual(alone);
    expect(new Set(together.map((g) => g.refusal))).toEqual(new Set([null, "policy", "contact_gone"]));
  });

  it("writes the contacts whose gate still passes and refuses the others, in one transaction", async () => {
    const { org, ids, consenting } = await mixedOrganisation();
    const items = ids.slice(0, 5).map((contactId, i) => ({
      ref: { orgId: org.id, contactId, provider: "twitter" as const },
      profile,
      audit: audit(org.id, i),
    }));
    const outcomes = await writeEnrichments(handle.db, items, { at: () => later });
    expect(outcomes.map((o) => o.written)).toEqual([true, false, false, false, false]);
    const rows = await handle.db.select().from(enrichments).where(eq(enrichments.orgId, org.id));
    expect(rows.map((r) => r.contactId)).toEqual([consenting]);
    const audited = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "enrichment.lookup")));
    expect(audited).toHaveLength(5);
  });

  it("keeps the later of two lookups of the same contact and provider in one batch", async () => {
    const { org, consenting } = await mixedOrganisation();
    const ref = { orgId: org.id, contactId: consenting, provider: "twitter" as const };
    await writeEnrichments(handle.db, [
      { ref, profile: { ...profile, handle: "@first" } },
      { ref, profile: { ...profile, handle: "@second" } },
    ]);
    const rows = await handle.db.select().from(enrichments).where(eq(enrichments.contactId, consenting));
    expect(rows.map((r) => r.handle)).toEqual(["@second"]);
  });

  it("group-commits concurrent writes, sees a withdrawal made before the commit, and audits every call once", async () => {
    const org = await orgWithSwitch(handle.db, true);
    const people = await Promise.all(
      Array.from({ length: 12 }, () => subscriber(handle.db, org.id, { consentAt: t0 })),
    );
    const withdrawnBeforeCommit = people[3] as string;
    const writer = new GroupWriter(handle.db, { at: () => later }, { maxBatch: 5, lingerMs: 20 });
    const pending = people.map((contactId, i) =>
      writer.write({
        ref: { orgId: org.id, contactId, provider: "twitter" },
        profile,
        audit: audit(org.id, i),
      }),
    );
    await withdraw(handle.db, org.id, withdrawnBeforeCommit, t0);
    const outcomes = await Promise.all(pending);
    expect(outcomes.filter((o) => o.written)).toHaveLength(11);
    expect(outcomes[3]).toMatchObject({ written: false, gate: { refusal: "policy" } });
    const chain = await verifyAuditChain(handle.db, org.id);
    expect(chain.firstBroken).toBeUndefined();
    const audited = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "enrichment.lookup")));
    expect(audited.map((a) => (a.details as { i: number }).i).sort((a, b) => a - b)).toEqual(
      people.map((_, i) => i),
    );
  });

  it("writes a failed batch's items one by one: the bad item fails alone and its call is still audited", async () => {
    const { org, consenting } = await mixedOrganisation();
    const writer = new GroupWriter(handle.db, { at: () => later }, { maxBatch: 8, lingerMs: 20 });
    const good = writer.write({
      ref: { orgId: org.id, contactId: consenting, provider: "twitter" },
      profile,
      audit: audit(org.id, 1),
    });
    const bad = writer.write({
      ref: { orgId: org.id, contactId: "not-a-uuid", provider: "twitter" },
      profile,
      audit: audit(org.id, 2),
    });
    await expect(bad).rejects.toThrow("not a uuid");
    expect((await good).written).toBe(true);
    const audited = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "enrichment.lookup")));
    expect(audited.map((a) => (a.details as { i: number }).i).sort()).toEqual([1, 2]);
  });
});
