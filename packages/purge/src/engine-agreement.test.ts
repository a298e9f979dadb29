import { type DbHandle, rows } from "@isoloir/db";
import { testDatabases, testKeys } from "@isoloir/db/testing";
import { seedDemo } from "@isoloir/demo";
import { policy, semver } from "@isoloir/policies";
import { classifierOf, compilePolicy, type EngineFacts } from "@isoloir/policy";
import { loadOrgContactRows, projectFacts } from "@isoloir/policy-db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planPurge } from "./plan";
import { type ReasonKey, type RowAction, reasonKeys, reasons } from "./reasons";
import { ctxOf, purgeScenario, scenarioAt } from "./testing/scenario";

// The purge takes its reasons from the engine and nothing beside it: the frozen targets, their first
// reasons and the rows listed for a human are recomputed here with the in-memory engine (the
// projection + evaluate), one provenance row at a time, and must be exactly the plan's.

const full = policy();
const escalationsOnly = compilePolicy(
  full.rules.map((r) => ({ ...r, deny: [] })),
  { semver },
);
const classOf = classifierOf(full.rules);

interface RowVerdict {
  contactId: string;
  provenanceId: string;
  reason?: ReasonKey;
  review: boolean;
}

function decideRow(
  facts: Record<string, EngineFacts>,
  chosen: ReasonKey[],
): Omit<RowVerdict, "contactId" | "provenanceId"> {
  const decided = {
    retain: full.evaluate(facts.retain as EngineFacts),
    import: full.evaluate(facts.import as EngineFacts),
  };
  const escalated = (a: RowAction) =>
    escalationsOnly.evaluate(facts[a] as EngineFacts).decision === "escalate";
  const denies = (a: RowAction, ruleId: string, clauses?: readonly string[]) =>
    decided[a].decision === "deny" &&
    decided[a].reasons.some(
      (r) => r.ruleId === ruleId && (!clauses || clauses.some((c) => r.sentence.includes(c))),
    );
  const takenBy = (key: ReasonKey) =>
    reasons[key].rules.some((ref) => denies(ref.action, ref.ruleId, ref.clauses) && !escalated(ref.action));
  const reason = chosen.find(takenBy);
  const actions = (["retain", "import"] as const).filter((a) =>
    chosen.some((k) => reasons[k].rules.some((r) => r.action === a)),
  );
  const deniedByChosen = (a: RowAction) =>
    chosen.some((k) =>
      reasons[k].rules.some((ref) => ref.action === a && denies(a, ref.ruleId, ref.clauses)),
    );
  const review =
    !reason && actions.some((a) => escalated(a) && (deniedByChosen(a) || decided[a].decision !== "deny"));
  return { reason, review };
}

async function inMemory(
  db: DbHandle["db"],
  orgId: string,
  at: Date,
  chosen: ReasonKey[],
): Promise<RowVerdict[]> {
  const verdicts: RowVerdict[] = [];
  for (const person of await loadOrgContactRows(db, orgId)) {
    const retain = projectFacts(person, { type: "retain" }, at, classOf);
    const imports = projectFacts(person, { type: "import" }, at, classOf);
    retain.forEach((r, i) => {
      const facts = {
        retain: r.facts as unknown as EngineFacts,
        import: imports[i]?.facts as unknown as EngineFacts,
      };
      verdicts.push({
        contactId: person.contact.id,
        provenanceId: r.provenanceId ?? "",
        ...decideRow(facts, chosen),
      });
    });
  }
  return verdicts;
}

/** Whole contacts where every row is taken, else single rows: the plan's rule, from the engine's verdicts. */
function expectedTargets(verdicts: RowVerdict[]) {
  const byContact = new Map<string, RowVerdict[]>();
  for (const v of verdicts) byContact.set(v.contactId, [...(byContact.get(v.contactId) ?? []), v]);
  const targets: string[] = [];
  for (const [contactId, list] of byContact) {
    const taken = list.filter((v) => v.reason);
    const first = reasonKeys.find((k) => taken.some((v) => v.reason === k));
    if (taken.length > 0 && taken.length === list.length) targets.push(`contact/${contactId}/${first}`);
    else for (const v of taken) targets.push(`provenance/${v.provenanceId}/${v.reason}`);
  }
  return targets.sort();
}

describe.each(testDatabases())("plans agree with the in-memory engine on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  async function compare(orgId: string, ctx: ReturnType<typeof ctxOf>, at: Date, chosen: ReasonKey[]) {
    const plan = await planPurge(handle.db, ctx, { reasons: chosen, at });
    const frozen = await rows<{ key: string }>(
      handle.db,
      sql`select kind || '/' || target_id || '/' || reason as key from purge_targets where plan_id = ${plan.id}::uuid order by 1`,
    );
    const reviewed = await rows<{ id: string }>(
      handle.db,
      sql`select provenance_id::text as id from purge_reviews where plan_id = ${plan.id}::uuid order by 1`,
    );
    const verdicts = await inMemory(handle.db, orgId, at, chosen);
    expect(frozen.map((r) => r.key)).toEqual(expectedTargets(verdicts));
    expect(reviewed.map((r) => r.id)).toEqual(
      verdicts
        .filter((v) => v.review)
        .map((v) => v.provenanceId)
        .sort(),
    );
    return plan;
  }

  it("on a scenario with every kind of contact, for all reasons and for each reason alone", async () => {
    const scenario = await purgeScenario(handle.db, 80, 11);
    const ctx = ctxOf(scenario, "planner");
    const all = await compare(scenario.orgId, ctx, scenarioAt, [...reasonKeys]);
    expect(all.counts.targets).toBeGreaterThan(20);
    expect(all.counts.needsHuman.rows).toBeGreaterThan(0);
    for (const key of reasonKeys) await compare(scenario.orgId, ctx, scenarioAt, [key]);
  });

  it("on the demo campaign with its legacy batch, at two instants", async () => {
    const now = new Date("2026-11-24T10:00:00Z");
    const demo = await seedDemo(handle.db, testKeys, { contacts: 300, now, force: true });
    const [compliance] = await rows<{ id: string }>(
      handle.db,
      sql`select user_id::text as id from memberships where org_id = ${demo.orgId}::uuid and role = 'compliance'`,
    );
    const ctx = { orgId: demo.orgId, userId: compliance?.id ?? "", hmacKey: testKeys.hmacKey };
    const plan = await compare(demo.orgId, ctx, now, [...reasonKeys]);
    for (const key of [
      "objected_all",
      "match_without_consent",
      "electoral_list_after_election",
      "forbidden_source",
    ] as const) {
      expect(plan.counts.byReason[key]?.targets ?? 0, key).toBeGreaterThan(0);
    }
    await compare(demo.orgId, ctx, new Date("2027-07-15T10:00:00Z"), [
      "electoral_list_after_election",
      "retention",
      "silent_regular",
    ]);
  });
});
