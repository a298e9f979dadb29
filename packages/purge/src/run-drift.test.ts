import { verifyAuditChain } from "@isoloir/audit";
import { admitPerson } from "@isoloir/contacts";
import { contacts, type DbHandle, generateSigningKey, purgePlans } from "@isoloir/db";
import { testDatabases, testKeys } from "@isoloir/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvePlan } from "./approve";
import { planPurge } from "./plan";
import { reasonKeys } from "./reasons";
import { runPurge } from "./run";
import {
  ctxOf,
  fingerprint,
  frozenTargets,
  purgeScenario,
  type Scenario,
  scenarioAt,
} from "./testing/scenario";

const signingKey = generateSigningKey();
const DAY = 86_400_000;

describe.each(testDatabases())("purge run against live data on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  async function approved(s: Scenario) {
    const plan = await planPurge(handle.db, ctxOf(s, "planner"), {
      reasons: [...reasonKeys],
      at: scenarioAt,
    });
    await approvePlan(handle.db, ctxOf(s, "approver"), { planId: plan.id, now: scenarioAt });
    return plan;
  }
  const run = (s: Scenario, planId: string, hooks = {}) =>
    runPurge(
      handle.db,
      { ...ctxOf(s, "admin"), signingKey },
      { planId, batchSize: 5, now: scenarioAt },
      hooks,
    );
  const ctx = (s: Scenario) => ({ orgId: s.orgId, hmacKey: testKeys.hmacKey });
  const lookup = {
    source: "social_enrichment_lookup" as const,
    collectorKind: "provider" as const,
    collectorRef: "facebook",
    collectedAt: new Date("2019-03-01T00:00:00Z"),
    legalBasis: "legitimate_interest" as const,
    dataCategories: ["social_profile" as const],
  };
  const newsletter = {
    source: "newsletter_signup" as const,
    collectorKind: "form" as const,
    collectorRef: "form:late",
    collectedAt: new Date("2026-11-20T00:00:00Z"),
    legalBasis: "consent" as const,
  };

  it("stops before the next batch when data matching the reasons arrives outside the frozen set, and asks for a new plan", async () => {
    const s = await purgeScenario(handle.db, 40, 31);
    const plan = await approved(s);
    const outcome = await run(s, plan.id, {
      afterCommit: async (batch: number) => {
        if (batch === 2)
          await admitPerson(handle.db, ctx(s), { email: "late-match@purge.example", city: "Bron" }, lookup);
      },
    });
    expect(outcome.run).toMatchObject({ state: "stopped", batches: 2 });
    expect(outcome.run.stopReason).toMatch(
      /1 rows that arrived or changed since planning now match.*plan again/,
    );
    expect(outcome.certificate).toBeUndefined();
    const [after] = await handle.db.select().from(purgePlans).where(eq(purgePlans.id, plan.id));
    expect(after?.state).toBe("stopped");
    expect((await verifyAuditChain(handle.db, s.orgId)).firstBroken).toBeUndefined();
    const again = await run(s, plan.id);
    expect(again.run.state).toBe("stopped");
  });

  it("stops rather than take with a whole contact a row that arrived after planning", async () => {
    const s = await purgeScenario(handle.db, 20, 32);
    const plan = await approved(s);
    const frozen = await frozenTargets(handle.db, s.orgId, plan.id);
    const taken = frozen.whole.find((id) => s.kinds.get(id) === "electoral_past") ?? "";
    const [whole] = await handle.db.select().from(contacts).where(eq(contacts.id, taken));
    await admitPerson(handle.db, ctx(s), { email: whole?.email ?? "" }, newsletter);
    const outcome = await run(s, plan.id);
    expect(outcome.run.state).toBe("stopped");
    expect(outcome.run.stopReason).toMatch(/arrived since planning for contacts the plan takes whole/);
    expect(await handle.db.$count(contacts, eq(contacts.id, whole?.id ?? ""))).toBe(1);
  });

  it("re-evaluates as of the plan's own time: a retention end crossed since planning moves nothing", async () => {
    const s = await purgeScenario(handle.db, 20, 33);
    // a prospect messaged 59.5 days before the plan: kept at the plan's time, due a day later
    const { contactId } = await admitPerson(
      handle.db,
      ctx(s),
      { email: "crossing@purge.example" },
      {
        ...newsletter,
        source: "petition",
        collectedAt: new Date("2026-08-01T00:00:00Z"),
        legalBasis: "legitimate_interest",
      },
    );
    await handle.db
      .update(contacts)
      .set({ messagesSent: 1, lastMessageAt: new Date(scenarioAt.getTime() - 59.5 * DAY) })
      .where(eq(contacts.id, contactId));
    const plan = await approved(s);
    await handle.db
      .update(contacts)
      .set({ city: "Oullins", updatedAt: new Date() })
      .where(eq(contacts.id, contactId));
    const unrelated = await admitPerson(
      handle.db,
      ctx(s),
      { email: "new-supporter@purge.example" },
      newsletter,
    );
    const outcome = await run(s, plan.id);
    expect(outcome.run.state).toBe("completed");
    expect(await handle.db.$count(contacts, eq(contacts.id, contactId))).toBe(1);
    expect(await handle.db.$count(contacts, eq(contacts.id, unrelated.contactId))).toBe(1);
  });

  it("resumes after a failure inside a batch with no residue and no collateral damage", async () => {
    const s = await purgeScenario(handle.db, 50, 34);
    const plan = await approved(s);
    const frozen = await frozenTargets(handle.db, s.orgId, plan.id);
    const before = await fingerprint(handle.db, s.orgId, frozen);
    const crash = run(s, plan.id, {
      afterDeletes: (batch: number) => {
        if (batch === 3) throw new Error("simulated crash");
      },
    });
    await expect(crash).rejects.toThrow("simulated crash");
    const resumed = await run(s, plan.id);
    expect(resumed.run).toMatchObject({ state: "completed", deleted: plan.counts.targets, alreadyGone: 0 });
    const { suppressions: _a, ...after } = await fingerprint(handle.db, s.orgId, frozen);
    const { suppressions: _b, ...expected } = before;
    expect(after).toEqual(expected);
    const batches = await handle.db.execute(
      sql`select count(*)::int as n from audit_log where org_id = ${s.orgId}::uuid and action = 'purge.batch'`,
    );
    expect((batches as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(resumed.run.batches);
  });
});
