import { verifyAuditChain } from "@isoloir/audit";
import { admitPerson, SuppressedPersonError } from "@isoloir/contacts";
import {
  auditLog,
  contacts,
  type DbHandle,
  erasureRecords,
  generateSigningKey,
  purgePlans,
  rows,
  suppressions,
} from "@isoloir/db";
import { testDatabases, testKeys } from "@isoloir/db/testing";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvePlan } from "./approve";
import { contactCascades, dependentTables, executeBatch } from "./batch";
import { planPurge } from "./plan";
import { type ReasonKey, reasonKeys } from "./reasons";
import { runPurge } from "./run";
import {
  ctxOf,
  fingerprint,
  frozenTargets,
  purgeScenario,
  type Scenario,
  scenarioAt,
  uuidList,
} from "./testing/scenario";

const signingKey = generateSigningKey();

describe.each(testDatabases())("purge run on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  async function approved(s: Scenario, reasons: ReasonKey[] = [...reasonKeys]) {
    const plan = await planPurge(handle.db, ctxOf(s, "planner"), { reasons, at: scenarioAt });
    await approvePlan(handle.db, ctxOf(s, "approver"), { planId: plan.id, now: scenarioAt });
    return plan;
  }
  const run = (s: Scenario, planId: string, batchSize = 7) =>
    runPurge(handle.db, { ...ctxOf(s, "admin"), signingKey }, { planId, batchSize, now: scenarioAt });
  const count = async (query: ReturnType<typeof sql>) =>
    (await rows<{ n: number }>(handle.db, query))[0]?.n ?? 0;
  const suppressed = async (orgId: string) =>
    (
      await handle.db
        .select({ hmac: suppressions.hmac })
        .from(suppressions)
        .where(eq(suppressions.orgId, orgId))
    )
      .map((r) => r.hmac)
      .sort();

  it("deletes exactly the frozen targets and every dependent row, changes nothing else, and suppresses only objectors", async () => {
    const s = await purgeScenario(handle.db, 70, 21);
    const plan = await approved(s);
    const frozen = await frozenTargets(handle.db, s.orgId, plan.id);
    const before = await fingerprint(handle.db, s.orgId, frozen);
    const suppressedBefore = await suppressed(s.orgId);
    const legacyObjectors = [...s.kinds].filter(([, k]) => k === "legacy_objector").map(([id]) => id);
    const legacyHmacs = (
      await handle.db
        .select({ h: contacts.emailHmac })
        .from(contacts)
        .where(sql`${contacts.id} = any(${uuidList(legacyObjectors)})`)
    ).map((r) => r.h ?? "");
    const outcome = await run(s, plan.id);
    expect(outcome.run).toMatchObject({ state: "completed", deleted: plan.counts.targets, alreadyGone: 0 });
    const { suppressions: afterSuppressions, ...after } = await fingerprint(handle.db, s.orgId, frozen);
    const { suppressions: _, ...expected } = before;
    expect(after).toEqual(expected);
    expect(await suppressed(s.orgId)).toEqual([...suppressedBefore, ...legacyHmacs].sort());
    expect(afterSuppressions).not.toEqual(before.suppressions);
    const whole = uuidList(frozen.whole);
    for (const table of [
      "contacts",
      "provenance",
      "consents",
      "objections",
      "enrichments",
      "contact_assignments",
    ]) {
      const column = table === "contacts" ? "id" : "contact_id";
      expect(
        await count(
          sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} = any(${whole})`,
        ),
        table,
      ).toBe(0);
    }
    expect(
      await count(sql`select count(*)::int as n from provenance where id = any(${uuidList(frozen.rows)})`),
    ).toBe(0);
    expect(
      await count(sql`select count(*)::int as n from purge_targets where plan_id = ${plan.id}::uuid`),
    ).toBe(0);
    expect(await handle.db.$count(erasureRecords, eq(erasureRecords.planId, plan.id))).toBe(
      plan.counts.targets,
    );
    expect((await verifyAuditChain(handle.db, s.orgId)).firstBroken).toBeUndefined();
    expect(outcome.certificate?.body.counts.byTable.contacts).toBe(frozen.whole.length);
  });

  it("removes only the fields the deleted rows alone brought from contacts that stay", async () => {
    const s = await purgeScenario(handle.db, 30, 4);
    const plan = await approved(s, ["match_without_consent", "electoral_list_after_election"]);
    const edited = (await frozenTargets(handle.db, s.orgId, plan.id)).edited;
    await run(s, plan.id);
    const left = await handle.db
      .select()
      .from(contacts)
      .where(sql`${contacts.id} = any(${uuidList(edited)})`);
    expect(left).toHaveLength(edited.length);
    for (const c of left) {
      expect(c.email).toMatch(/@purge\.example$/);
      expect(c.emailHmac).not.toBeNull();
      expect(c.firstName).toMatch(/^P\d+$/);
      if (s.kinds.get(c.id) === "match_mixed") expect([c.city, c.birthYear]).toEqual([null, null]);
      if (s.kinds.get(c.id) === "electoral_mixed")
        expect([c.addressLine, c.postalCode]).toEqual([null, null]);
    }
  });

  it("refuses objectors afterwards but lets people purged for their electoral list come back on the next lawful list", async () => {
    const s = await purgeScenario(handle.db, 30, 8);
    const objectorIds = [...s.kinds]
      .filter(([, k]) => k === "objector" || k === "legacy_objector")
      .map(([id]) => id);
    const listIds = [...s.kinds].filter(([, k]) => k === "electoral_past").map(([id]) => id);
    const emailsOf = async (ids: string[]) =>
      (
        await handle.db
          .select({ email: contacts.email })
          .from(contacts)
          .where(sql`${contacts.id} = any(${uuidList(ids)})`)
      ).map((r) => r.email ?? "");
    const [objectorEmails, listEmails] = [await emailsOf(objectorIds), await emailsOf(listIds)];
    const before = await suppressed(s.orgId);
    const electoral = await approved(s, ["electoral_list_after_election"]);
    await run(s, electoral.id);
    expect(await suppressed(s.orgId)).toEqual(before);
    await run(s, (await approved(s, ["objected_all"])).id);
    const ctx = { orgId: s.orgId, hmacKey: testKeys.hmacKey };
    const origin = {
      source: "electoral_list_L37" as const,
      collectorKind: "import" as const,
      collectorRef: "import:l37-2027",
      collectedAt: new Date("2027-01-10T00:00:00Z"),
      legalBasis: "legitimate_interest" as const,
    };
    for (const email of listEmails)
      await expect(admitPerson(handle.db, ctx, { email }, origin)).resolves.toMatchObject({ created: true });
    for (const email of objectorEmails)
      await expect(admitPerson(handle.db, ctx, { email }, origin)).rejects.toBeInstanceOf(
        SuppressedPersonError,
      );
  });

  it("counts targets deleted meanwhile as already gone: deleted + already gone = planned", async () => {
    const s = await purgeScenario(handle.db, 30, 12);
    const plan = await approved(s);
    const frozen = await frozenTargets(handle.db, s.orgId, plan.id);
    await handle.db
      .delete(contacts)
      .where(and(eq(contacts.orgId, s.orgId), eq(contacts.id, frozen.whole[0] ?? "")));
    await handle.db.execute(sql`delete from provenance where id = ${frozen.rows[0] ?? ""}::uuid`);
    const { run: done, certificate } = await run(s, plan.id, 4);
    expect(done).toMatchObject({ state: "completed", alreadyGone: 2, deleted: plan.counts.targets - 2 });
    expect(certificate?.body.counts).toMatchObject({ planned: plan.counts.targets, alreadyGone: 2 });
  });

  it("is idempotent: running a completed plan again returns its run and certificate and changes nothing", async () => {
    const s = await purgeScenario(handle.db, 20, 13);
    const plan = await approved(s);
    const first = await run(s, plan.id);
    const entries = await handle.db.$count(auditLog, eq(auditLog.orgId, s.orgId));
    const again = await run(s, plan.id);
    expect(again.run.id).toBe(first.run.id);
    expect(again.certificate).toEqual(first.certificate);
    expect(await handle.db.$count(auditLog, eq(auditLog.orgId, s.orgId))).toBe(entries);
  });

  it("refuses a plan not approved, a runner without the role or the signing key, and stops when the rule set changed", async () => {
    const s = await purgeScenario(handle.db, 12, 14);
    const plan = await planPurge(handle.db, ctxOf(s, "planner"), {
      reasons: ["objected_all"],
      at: scenarioAt,
    });
    await expect(run(s, plan.id)).rejects.toMatchObject({ code: "wrong_state" });
    await approvePlan(handle.db, ctxOf(s, "approver"), { planId: plan.id, now: scenarioAt });
    await expect(
      runPurge(handle.db, ctxOf(s, "admin"), { planId: plan.id, now: scenarioAt }),
    ).rejects.toMatchObject({ code: "missing_signing_key" });
    await expect(
      runPurge(handle.db, { ...ctxOf(s, "staff"), signingKey }, { planId: plan.id, now: scenarioAt }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await handle.db
      .update(purgePlans)
      .set({ policyVersion: "0.9.0+000000000000" })
      .where(eq(purgePlans.id, plan.id));
    const stopped = await run(s, plan.id);
    expect(stopped.run).toMatchObject({ state: "stopped", deleted: 0 });
    expect(stopped.run.stopReason).toMatch(/rule set changed.*plan again/);
  });

  it("counts every table a contact's deletion cascades to, from the statistics or by counting, alike", async () => {
    const cascades = await contactCascades(handle.db);
    expect(cascades.tables).toEqual([...dependentTables].sort());
    const tallies = [];
    for (const trackCounts of [true, false]) {
      const s = await purgeScenario(handle.db, 40, 15);
      const plan = await approved(s);
      const range = { orgId: s.orgId, planId: plan.id, lo: 1, hi: plan.counts.targets, batch: 1 };
      tallies.push(
        await handle.db.transaction((tx) => executeBatch(tx, range, [], { ...cascades, trackCounts })),
      );
    }
    expect(tallies[0]?.byTable).toEqual(tallies[1]?.byTable);
    expect(tallies[0]?.byTable).toMatchObject({
      contacts: expect.any(Number),
      consents: expect.any(Number),
      enrichments: expect.any(Number),
      contact_assignments: expect.any(Number),
    });
  });
});
