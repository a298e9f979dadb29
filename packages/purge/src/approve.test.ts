import { randomUUID } from "node:crypto";
import { auditLog, type DbHandle, memberships, users } from "@isoloir/db";
import { testDatabases } from "@isoloir/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvePlan, setFourEyes, setFourEyesCoolingOff } from "./approve";
import { planPurge } from "./plan";
import { ctxOf, purgeScenario, type Scenario, scenarioAt } from "./testing/scenario";

const DAY = 86_400_000;
const HOUR = 3_600_000;

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

  /** A compliance member whose membership says who added them, who granted the role, and when. */
  async function compliance(grant: { addedBy?: string; grantedBy?: string; grantedAt: Date }) {
    const [user] = await handle.db
      .insert(users)
      .values({ email: `c-${randomUUID().slice(0, 8)}@purge.test`, name: "c", passwordHash: "x" })
      .returning({ id: users.id });
    if (!user) throw new Error("no user");
    await handle.db.insert(memberships).values({
      orgId: s.orgId,
      userId: user.id,
      role: "compliance",
      addedBy: grant.addedBy ?? null,
      roleGrantedBy: grant.grantedBy ?? null,
      roleGrantedAt: grant.grantedAt,
    });
    const key = `c${user.id}` as keyof Scenario["members"];
    (s.members as Record<string, string>)[key] = user.id;
    return key;
  }

  it("bars a compliance member the planner added or granted the role to, however long ago", async () => {
    const longAgo = new Date(Date.now() - 30 * DAY);
    const grantedByPlanner = await compliance({ grantedBy: s.members.planner, grantedAt: longAgo });
    const addedByPlanner = await compliance({
      addedBy: s.members.planner,
      grantedBy: s.members.owner,
      grantedAt: longAgo,
    });
    const p = await plan();
    await expect(approve(p.id, grantedByPlanner)).rejects.toMatchObject({
      code: "four_eyes_granted_by_planner",
    });
    await expect(approve(p.id, addedByPlanner)).rejects.toMatchObject({
      code: "four_eyes_granted_by_planner",
    });
    const approved = await approve(p.id, "approver");
    expect(approved.approvedBy).toBe(s.members.approver);
  });

  it("bars a compliance role granted within the cooling-off before the plan (24 h by default)", async () => {
    const recent = await compliance({ grantedBy: s.members.owner, grantedAt: new Date(Date.now() - HOUR) });
    const settled = await compliance({
      grantedBy: s.members.owner,
      grantedAt: new Date(Date.now() - 25 * HOUR),
    });
    const p = await plan();
    await expect(approve(p.id, recent)).rejects.toMatchObject({
      code: "four_eyes_recent_grant",
      message: expect.stringContaining("24 h"),
    });
    await expect(approve(p.id, settled)).resolves.toMatchObject({
      state: "approved",
      approvedBy: s.members[settled],
    });
  });

  it("lets only an owner set the cooling-off, audited, and reads it at approval", async () => {
    const recent = await compliance({
      grantedBy: s.members.owner,
      grantedAt: new Date(Date.now() - 2 * HOUR),
    });
    await expect(setFourEyesCoolingOff(handle.db, ctxOf(s, "admin"), { hours: 1 })).rejects.toMatchObject({
      code: "forbidden",
    });
    await setFourEyesCoolingOff(handle.db, ctxOf(s, "owner"), { hours: 1 });
    const p = await plan();
    await expect(approve(p.id, recent)).resolves.toMatchObject({ state: "approved" });
    await setFourEyesCoolingOff(handle.db, ctxOf(s, "owner"), { hours: 24 });
    const changes = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, s.orgId), eq(auditLog.action, "purge.four_eyes_cooling_off_changed")));
    expect(changes.map((c) => [c.details.hours, c.details.was])).toEqual([
      [1, 24],
      [24, 1],
    ]);
  });
});
