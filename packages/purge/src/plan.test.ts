import { auditLog, type DbHandle, purgePlans, rows } from "@isoloir/db";
import { testDatabases } from "@isoloir/db/testing";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StoredRecordError } from "./errors";
import { planPurge } from "./plan";
import { getPlan, listPlans, needsHuman, planDocument } from "./plan-read";
import { reasonKeys } from "./reasons";
import {
  ctxOf,
  fingerprint,
  frozenTargets,
  purgeScenario,
  type Scenario,
  scenarioAt,
} from "./testing/scenario";

describe.each(testDatabases())("purge plan on $name", (target) => {
  let handle: DbHandle;
  let scenario: Scenario;
  beforeAll(async () => {
    handle = await target.open();
    scenario = await purgeScenario(handle.db, 60, 3);
  });
  afterAll(async () => handle?.close());

  const plan = (input: Parameters<typeof planPurge>[2], member: keyof Scenario["members"] = "planner") =>
    planPurge(handle.db, ctxOf(scenario, member), { at: scenarioAt, ...input });
  const kindsOf = (ids: readonly string[]) => [...new Set(ids.map((id) => scenario.kinds.get(id)))].sort();
  const targetsOf = async (planId: string) => frozenTargets(handle.db, scenario.orgId, planId);

  it("freezes exact counts per reason and rule, distinct totals, an expiry and a hash, and writes nothing else", async () => {
    const before = await fingerprint(handle.db, scenario.orgId, { whole: [], edited: [], rows: [] });
    const p = await plan({ reasons: [...reasonKeys] });
    expect(await fingerprint(handle.db, scenario.orgId, { whole: [], edited: [], rows: [] })).toEqual(before);
    const frozen = await targetsOf(p.id);
    expect(p.counts.targets).toBe(frozen.whole.length + frozen.rows.length);
    expect(p.counts.wholeContacts).toBe(frozen.whole.length);
    expect(p.counts.people).toBe(frozen.whole.length + frozen.edited.length);
    const perReason = Object.values(p.counts.byReason).reduce((a, r) => a + (r?.targets ?? 0), 0);
    expect(perReason).toBe(p.counts.targets);
    expect(Object.keys(p.counts.byRule)).toContain("EU-GDPR-ART21-OBJECTION");
    expect(kindsOf(frozen.whole)).toEqual([
      "electoral_past",
      "forbidden",
      "legacy_objector",
      "match_only",
      "objector",
    ]);
    expect(kindsOf(frozen.edited)).toEqual(["electoral_mixed", "match_mixed"]);
    expect(p.planHash).toMatch(/^[0-9a-f]{64}$/);
    expect(p.expiresAt.getTime() - p.asOf.getTime()).toBe(7 * 86_400_000);
    expect(p.policyVersion).toMatch(/\+[0-9a-f]{12}$/);
    const [entry] = await handle.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.orgId, scenario.orgId),
          eq(auditLog.action, "purge.planned"),
          sql`${auditLog.details}->>'planId' = ${p.id}`,
        ),
      );
    expect(entry?.details).toMatchObject({ planHash: p.planHash, policyVersion: p.policyVersion });
  });

  it("counts each target under its first reason, in the fixed order", async () => {
    const p = await plan({ reasons: ["retention", "objected_all"] });
    expect(p.reasons).toEqual(["objected_all", "retention"]);
    const objectors = [...scenario.kinds].filter(
      ([, k]) => k === "objector" || k === "legacy_objector",
    ).length;
    expect(p.counts.byReason.objected_all?.targets).toBe(objectors);
  });

  it("lists escalated rows as needs a human and never freezes them", async () => {
    const p = await plan({ reasons: ["forbidden_source"] });
    const listed = await needsHuman(handle.db, { orgId: scenario.orgId, planId: p.id });
    expect(listed.length).toBe(p.counts.needsHuman.rows);
    // importing an electoral list with no election at most six months away needs a human today
    expect(kindsOf(listed.map((r) => r.contactId))).toEqual([
      "electoral_future",
      "electoral_mixed",
      "electoral_past",
    ]);
    expect(listed.every((r) => r.ruleIds.includes("FR-CNIL-ELECTORAL-LIST-USE"))).toBe(true);
    const frozen = await targetsOf(p.id);
    expect(
      listed.filter((r) => frozen.whole.includes(r.contactId) || frozen.rows.includes(r.provenanceId)),
    ).toEqual([]);
    // with the electoral-list reason too, the past lists go and only the coming election's waits for a human
    const all = await plan({ reasons: [...reasonKeys] });
    const waiting = await needsHuman(handle.db, { orgId: scenario.orgId, planId: all.id });
    expect(kindsOf(waiting.map((r) => r.contactId))).toEqual(["electoral_future"]);
  });

  it("narrows to an import batch, a source kind, a date range or a provider, never beyond its reasons", async () => {
    const batch = await plan({ reasons: ["forbidden_source"], scope: { importId: "import:canicule-2019" } });
    expect(kindsOf((await targetsOf(batch.id)).whole)).toEqual(["forbidden"]);
    const wrongReason = await plan({
      reasons: ["objected_all"],
      scope: { importId: "import:canicule-2019" },
    });
    expect(wrongReason.counts.targets).toBe(0);
    const source = await plan({ reasons: [...reasonKeys], scope: { sources: ["electoral_list_L37"] } });
    const bySource = await targetsOf(source.id);
    expect(kindsOf([...bySource.whole, ...bySource.edited])).toEqual(["electoral_mixed", "electoral_past"]);
    const range = await plan({ reasons: [...reasonKeys], scope: { from: "2019-01-01", to: "2019-06-30" } });
    expect(kindsOf([...(await targetsOf(range.id)).whole, ...(await targetsOf(range.id)).edited])).toEqual([
      "match_mixed",
      "match_only",
    ]);
    const provider = await plan({ reasons: ["match_without_consent"], scope: { provider: "linkedin" } });
    expect(provider.counts.targets).toBe(0);
  });

  it("with granularity derived takes only enrichment-derived data", async () => {
    const p = await plan({ reasons: [...reasonKeys], granularity: "derived" });
    const frozen = await targetsOf(p.id);
    expect(kindsOf(frozen.whole)).toEqual(["match_only"]);
    expect(kindsOf(frozen.edited)).toEqual(["match_mixed"]);
    const sources = await rows<{ source: string }>(
      handle.db,
      sql`select distinct p.source::text from provenance p where p.id = any(string_to_array(${frozen.rows.join(",")}, ',')::uuid[])`,
    );
    expect(sources.map((s) => s.source)).toEqual(["social_enrichment_lookup"]);
  });

  it("keeps personal data out of the plan document: pseudonymised samples only", async () => {
    const p = await plan({ reasons: [...reasonKeys] });
    const text = JSON.stringify(planDocument(p));
    expect(text).not.toMatch(/@purge\.example|Kind-|P\d+"/);
    for (const id of scenario.kinds.keys()) expect(text).not.toContain(id);
    expect(p.samples.every((s) => /^contact:[0-9a-f]{16}$/.test(s.contact))).toBe(true);
  });

  it("refuses a member without the capability, and bad input with the field named", async () => {
    await expect(plan({ reasons: ["retention"] }, "staff")).rejects.toMatchObject({ code: "forbidden" });
    await expect(plan({ reasons: ["retention"], scope: { from: "2020-13-40" } })).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("scope.from"),
    });
    await expect(
      plan({ reasons: ["retention"], scope: { from: "2021-01-01", to: "2020-01-01" } }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    const count = await handle.db.$count(purgePlans, eq(purgePlans.orgId, scenario.orgId));
    expect(count).toBeGreaterThan(0);
  });

  it("refuses a stored plan whose counts or samples are malformed, naming the field", async () => {
    const p = await plan({ reasons: ["retention"] });
    const ref = { orgId: scenario.orgId, planId: p.id };
    await handle.db
      .update(purgePlans)
      .set({ counts: sql`jsonb_set(${purgePlans.counts}, '{needsHuman,rows}', '"many"')` })
      .where(eq(purgePlans.id, p.id));
    await expect(getPlan(handle.db, ref)).rejects.toThrow(StoredRecordError);
    await expect(getPlan(handle.db, ref)).rejects.toThrow(/counts\).*needsHuman\.rows/);
    await expect(listPlans(handle.db, { orgId: scenario.orgId })).rejects.toThrow(/needsHuman\.rows/);
    await handle.db
      .update(purgePlans)
      .set({ counts: p.counts, samples: [{ reason: "retention", kind: "contact" }] })
      .where(eq(purgePlans.id, p.id));
    await expect(getPlan(handle.db, ref)).rejects.toThrow(/samples\).*0\.contact/);
    await handle.db.update(purgePlans).set({ samples: p.samples }).where(eq(purgePlans.id, p.id));
    expect((await getPlan(handle.db, ref)).counts).toEqual(p.counts);
  });
});
