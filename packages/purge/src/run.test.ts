import { verifyAuditChain } from "@isoloir/audit";
import { contacts, type DbHandle, erasureRecords, provenance, suppressions } from "@isoloir/db";
import { testDatabases } from "@isoloir/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvePlan, createPlan } from "./plans";
import { runPurge } from "./run";
import { fingerprintOthers, purgeScenario, scenarioTargets } from "./test-scenario";

const planner = { userId: "00000000-0000-4000-8000-00000000000a", pseudonym: "user:planner" };
const approver = { userId: "00000000-0000-4000-8000-00000000000b", pseudonym: "user:approver" };

describe.each(testDatabases())("purge run on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  async function approvedPlan(n = 30) {
    const org = await purgeScenario(handle.db, n);
    const plan = await createPlan(
      handle.db,
      {
        orgId: org.id,
        plannedBy: planner.userId,
        asOf: new Date("2026-11-24T00:00:00Z"),
        expiresAt: new Date(Date.now() + 7 * 86_400_000),
        reasons: ["electoral_list_after_election", "social_lookup_without_consent", "objection"],
        scope: {},
        granularity: "auto",
        policyVersion: "test",
      },
      scenarioTargets(org.id),
    );
    await approvePlan(handle.db, org.id, plan.id, approver);
    return { org, plan };
  }

  it("freezes exact counts and refuses the planner as approver while four-eyes is on", async () => {
    const org = await purgeScenario(handle.db, 9);
    const plan = await createPlan(
      handle.db,
      { orgId: org.id, plannedBy: planner.userId, asOf: new Date(), expiresAt: new Date(Date.now() + 86_400_000), reasons: [], scope: {}, granularity: "auto", policyVersion: "t" },
      scenarioTargets(org.id),
    );
    expect(plan.counts).toMatchObject({ total: 6, people: 6 });
    expect(plan.planHash).toMatch(/^[0-9a-f]{64}$/);
    await expect(approvePlan(handle.db, org.id, plan.id, planner)).rejects.toMatchObject({ code: "four_eyes" });
  });

  it("deletes exactly the frozen targets, cascades, suppresses only objectors and leaves the rest untouched", async () => {
    const { org, plan } = await approvedPlan();
    const before = await fingerprintOthers(handle.db, org.id, plan.id);
    const run = await runPurge(handle.db, org.id, plan.id, { batchSize: 4, runner: approver });
    expect(run).toMatchObject({ state: "completed", deleted: 20, alreadyGone: 0 });
    expect(await fingerprintOthers(handle.db, org.id, plan.id)).toBe(before);
    expect(await handle.db.$count(contacts, eq(contacts.orgId, org.id))).toBe(20);
    expect(await handle.db.$count(provenance, and(eq(provenance.orgId, org.id), eq(provenance.source, "social_enrichment_lookup")))).toBe(0);
    expect(await handle.db.$count(suppressions, eq(suppressions.orgId, org.id))).toBe(2);
    expect(await handle.db.$count(erasureRecords, eq(erasureRecords.orgId, org.id))).toBe(20);
    expect((await verifyAuditChain(handle.db, org.id)).firstBroken).toBeUndefined();
  });

  it("resumes after a crash mid-batch with no residue, and a second run is a no-op", async () => {
    const { org, plan } = await approvedPlan();
    const before = await fingerprintOthers(handle.db, org.id, plan.id);
    const crash = runPurge(handle.db, org.id, plan.id, {
      batchSize: 4,
      runner: approver,
      afterDeletes: (batch) => {
        if (batch === 3) throw new Error("simulated crash");
      },
    });
    await expect(crash).rejects.toThrow("simulated crash");
    const resumed = await runPurge(handle.db, org.id, plan.id, { batchSize: 4, runner: approver });
    expect(resumed).toMatchObject({ state: "completed", deleted: 20, alreadyGone: 0 });
    const again = await runPurge(handle.db, org.id, plan.id, { batchSize: 4, runner: approver });
    expect(again.id).toBe(resumed.id);
    expect(await fingerprintOthers(handle.db, org.id, plan.id)).toBe(before);
    expect((await verifyAuditChain(handle.db, org.id)).firstBroken).toBeUndefined();
  });

  it("counts targets deleted in the meantime as already gone (deleted + already gone = planned)", async () => {
    const { org, plan } = await approvedPlan(12);
    const [one] = await handle.db.select().from(contacts).where(and(eq(contacts.orgId, org.id), eq(contacts.firstName, "P6")));
    await handle.db.delete(contacts).where(eq(contacts.id, one?.id ?? ""));
    const run = await runPurge(handle.db, org.id, plan.id, { batchSize: 5, runner: approver });
    expect(run.deleted + run.alreadyGone).toBe(8);
    expect(run.alreadyGone).toBe(1);
  });

  it("stops when data matching the reasons arrived outside the frozen set", async () => {
    const { org, plan } = await approvedPlan(6);
    const run = await runPurge(handle.db, org.id, plan.id, { runner: approver, checkDrift: async () => 3 });
    expect(run.state).toBe("stopped");
    expect(run.stopReason).toMatch(/plan again/);
    expect(await handle.db.$count(contacts, eq(contacts.orgId, org.id))).toBe(6);
  });

  it("refuses to run a plan that was not approved", async () => {
    const org = await purgeScenario(handle.db, 3);
    const plan = await createPlan(
      handle.db,
      { orgId: org.id, plannedBy: planner.userId, asOf: new Date(), expiresAt: new Date(Date.now() + 86_400_000), reasons: [], scope: {}, granularity: "auto", policyVersion: "t" },
      scenarioTargets(org.id),
    );
    await expect(runPurge(handle.db, org.id, plan.id, { runner: approver })).rejects.toMatchObject({ code: "not_approved" });
  });
});
