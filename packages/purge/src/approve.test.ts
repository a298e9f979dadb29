import { auditLog, type DbHandle } from "@isoloir/db";
import { testDatabases } from "@isoloir/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvePlan, setFourEyes } from "./approve";
import { planPurge } from "./plan";
import { ctxOf, purgeScenario, type Scenario, scenarioAt } from "./testing/scenario";

const DAY = 86_400_000;

describe.each(testDatabases())("purge approval on $name", (target) => {
  let handle: DbHandle;
  let s: Scenario;
  beforeAll(async () => {
    handle = await target.open();
    s = await purgeScenario(handle.db, 12, 5);
  });
  afterAll(async () => handle?.close());

  const plan = (by: keyof Scenario["members"] = "planner") =>
    planPurge(handle.db, ctxOf(s, by), { reasons: ["objected_all"], at: scenarioAt });
  const approve = (
    planId: string,
    by: keyof Scenario["members"],
    extra: { planHash?: string; now?: Date } = {},
  ) => approvePlan(handle.db, ctxOf(s, by), { planId, now: scenarioAt, ...extra });

  it("needs a compliance member other than the planner while four-eyes is on (the default)", async () => {
    const p = await plan();
    await expect(approve(p.id, "planner")).rejects.toMatchObject({ code: "four_eyes" });
    await expect(approve(p.id, "admin")).rejects.toMatchObject({ code: "forbidden" });
    await expect(approve(p.id, "owner")).rejects.toMatchObject({ code: "forbidden" });
    const approved = await approve(p.id, "approver");
    expect(approved).toMatchObject({ state: "approved", approvedBy: s.members.approver });
    await expect(approve(p.id, "approver")).rejects.toMatchObject({ code: "wrong_state" });
  });

  it("lets only an owner turn four-eyes off, audited, and then a compliance member approves their own plan", async () => {
    await expect(setFourEyes(handle.db, ctxOf(s, "admin"), { on: false })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(setFourEyes(handle.db, ctxOf(s, "planner"), { on: false })).rejects.toMatchObject({
      code: "forbidden",
    });
    await setFourEyes(handle.db, ctxOf(s, "owner"), { on: false });
    const own = await plan();
    await expect(approve(own.id, "planner")).resolves.toMatchObject({ state: "approved" });
    await setFourEyes(handle.db, ctxOf(s, "admin"), { on: true });
    const again = await plan();
    await expect(approve(again.id, "planner")).rejects.toMatchObject({ code: "four_eyes" });
    const changes = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, s.orgId), eq(auditLog.action, "purge.four_eyes_changed")));
    expect(changes.map((c) => c.details.on)).toEqual([false, true]);
  });

  it("refuses an expired plan, and a plan whose hash is not the one reviewed", async () => {
    const p = await plan();
    await expect(
      approve(p.id, "approver", { now: new Date(scenarioAt.getTime() + 8 * DAY) }),
    ).rejects.toMatchObject({ code: "expired" });
    const q = await plan();
    await expect(approve(q.id, "approver", { planHash: "0".repeat(64) })).rejects.toMatchObject({
      code: "plan_mismatch",
    });
    await expect(approve(q.id, "approver", { planHash: q.planHash })).resolves.toMatchObject({
      state: "approved",
    });
  });

  it("refuses a plan of another organisation as not found", async () => {
    const other = await purgeScenario(handle.db, 3, 9);
    const p = await plan();
    await expect(
      approvePlan(handle.db, ctxOf(other, "approver"), { planId: p.id, now: scenarioAt }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
