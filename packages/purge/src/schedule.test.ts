import { auditLog, type DbHandle, purgePlans } from "@isoloir/db";
import { testDatabases, testKeys } from "@isoloir/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvePlan } from "./approve";
import { systemPlanner } from "./members";
import { retentionReasons } from "./reasons";
import { planNightlyRetention, setNightlyRetention } from "./schedule";
import { ctxOf, purgeScenario, type Scenario, scenarioAt } from "./testing/scenario";

const DAY = 86_400_000;

describe.each(testDatabases())("nightly retention plan on $name", (target) => {
  let handle: DbHandle;
  let s: Scenario;
  beforeAll(async () => {
    handle = await target.open();
    s = await purgeScenario(handle.db, 30, 61);
  });
  afterAll(async () => handle?.close());

  const nightly = (now: Date) =>
    planNightlyRetention(handle.db, { hmacKey: testKeys.hmacKey, now, orgId: s.orgId });

  it("plans nothing until the organisation opts in, which needs a member who may plan purges and is audited", async () => {
    expect(await nightly(scenarioAt)).toEqual([]);
    await expect(setNightlyRetention(handle.db, ctxOf(s, "staff"), { on: true })).rejects.toMatchObject({
      code: "forbidden",
    });
    await setNightlyRetention(handle.db, ctxOf(s, "planner"), { on: true });
    const [entry] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, s.orgId), eq(auditLog.action, "purge.schedule_changed")));
    expect(entry?.details).toMatchObject({ nightlyRetention: true });
  });

  it("plans the retention reasons as of the night, waiting for any compliance member's approval", async () => {
    const [result] = await nightly(scenarioAt);
    const plan = result?.plan;
    expect(plan).toMatchObject({
      origin: "nightly",
      state: "planned",
      plannedBy: systemPlanner,
      reasons: retentionReasons,
    });
    expect(plan?.counts.targets).toBeGreaterThan(0);
    expect(plan?.counts.byReason.objected_all).toBeUndefined();
    const later = await nightly(new Date(scenarioAt.getTime() + DAY));
    expect(later[0]?.expired).toBe(1);
    const [first] = await handle.db
      .select()
      .from(purgePlans)
      .where(eq(purgePlans.id, plan?.id ?? ""));
    expect(first?.state).toBe("expired");
    const approved = await approvePlan(handle.db, ctxOf(s, "planner"), {
      planId: later[0]?.plan?.id ?? "",
      now: new Date(scenarioAt.getTime() + DAY),
    });
    expect(approved.state).toBe("approved");
  });

  it("writes no plan on a night with nothing due", async () => {
    const quiet = await purgeScenario(handle.db, 1, 62);
    await setNightlyRetention(handle.db, ctxOf(quiet, "planner"), { on: true });
    const [result] = await planNightlyRetention(handle.db, {
      hmacKey: testKeys.hmacKey,
      now: scenarioAt,
      orgId: quiet.orgId,
    });
    expect(result).toMatchObject({ orgId: quiet.orgId, plan: undefined, expired: 0 });
    expect(await handle.db.$count(purgePlans, eq(purgePlans.orgId, quiet.orgId))).toBe(0);
  });
});
