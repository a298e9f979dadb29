import { policy } from "@isoloir/policies";
import { controllerTypes, jurisdictions } from "@isoloir/policy/vocabulary";
import { compileToSql, type OrgFacts } from "@isoloir/policy-db";
import { describe, expect, it } from "vitest";
import { engineConditions, narrowedPolicy } from "./engine-conditions";
import { PlanInput } from "./plan";
import {
  importRulesNotReasons,
  type ReasonKey,
  type RowAction,
  reasonKeys,
  reasons,
  retentionReasons,
} from "./reasons";

// A new rule must not silently escape the purge: every rule whose deny can hold for `retain` is some
// reason's, and every rule that refuses an `import` is forbidden_source's or named as not a reason.

const processorSets = [
  [],
  [
    {
      name: "x",
      hostingRegion: "US",
      transferMechanism: "none",
      authorizedByController: false,
      art28ContractSigned: false,
    },
  ],
] as OrgFacts["processors"][];
const at = new Date("2026-11-24T10:00:00Z");

function orgs(): OrgFacts[] {
  return jurisdictions.flatMap((jurisdiction) =>
    controllerTypes.flatMap((kind) =>
      processorSets.map((processors) => ({
        orgId: "00000000-0000-4000-8000-000000000001",
        jurisdiction,
        controllerType: kind as OrgFacts["controllerType"],
        enrichment: {},
        processors,
        elections: [],
      })),
    ),
  );
}

/** Rule ids whose deny can hold for the action in some organisation, per the SQL the purge uses. */
function denyingRules(action: RowAction, source = policy()): Set<string> {
  const ids = new Set<string>();
  for (const org of orgs())
    for (const r of compileToSql(source, { org, action: { type: action }, at }).denyReasons)
      ids.add(r.ruleId);
  return ids;
}

const refsOf = (action: RowAction) =>
  reasonKeys.flatMap((key) =>
    reasons[key].rules.filter((r) => r.action === action).map((r) => ({ key, ...r })),
  );

describe("purge reasons", () => {
  it("cover every rule id that denies retain, clause by clause where a reason names clauses", () => {
    const refs = refsOf("retain");
    const uncovered = [...denyingRules("retain")].filter((id) => !refs.some((r) => r.ruleId === id));
    expect(uncovered).toEqual([]);
    for (const ruleId of new Set(refs.filter((r) => r.clauses).map((r) => r.ruleId))) {
      const rule = policy().rules.find((r) => r.id === ruleId);
      const named = new Set(
        refs
          .filter((r) => r.ruleId === ruleId)
          .flatMap((r) => r.clauses ?? rule?.deny.map((d) => d.reason) ?? []),
      );
      const holding = (rule?.deny ?? []).filter((d) =>
        denyingRules("retain", narrowedPolicy(policy(), ruleId, [d.reason])).has(ruleId),
      );
      expect(holding.filter((d) => !named.has(d.reason)).map((d) => `${ruleId}: ${d.reason}`)).toEqual([]);
    }
  });

  it("send every rule that refuses an import to forbidden_source, or say why it is not a reason", () => {
    const denying = denyingRules("import");
    const forbidden = new Set(
      reasons.forbidden_source.rules.filter((r) => r.action === "import").map((r) => r.ruleId),
    );
    expect([...denying].filter((id) => !forbidden.has(id) && !(id in importRulesNotReasons))).toEqual([]);
    expect(Object.keys(importRulesNotReasons).filter((id) => !denying.has(id))).toEqual([]);
    expect(Object.keys(importRulesNotReasons).filter((id) => forbidden.has(id))).toEqual([]);
  });

  it("name only rules and clauses that exist and can take a row somewhere", () => {
    for (const action of ["retain", "import"] as const) {
      for (const ref of refsOf(action)) {
        const source = ref.clauses ? narrowedPolicy(policy(), ref.ruleId, ref.clauses) : policy();
        expect(denyingRules(action, source).has(ref.ruleId), `${ref.key}: ${action} ${ref.ruleId}`).toBe(
          true,
        );
      }
    }
  });

  it("compile to the engine's conditions for a French party, every reason with at least one", () => {
    const [fr] = orgs();
    if (!fr) throw new Error("no organisation");
    const engine = engineConditions(fr, at, [...reasonKeys]);
    for (const key of reasonKeys)
      expect(
        engine.refs.some((r) => r.reason === key && r.when !== false),
        key,
      ).toBe(true);
    expect(engine.actions).toEqual(["retain", "import"]);
    expect(engine.policySetVersion).toBe(policy().policySetVersion);
  });

  it("put objected_all first, so an objector's first reason is always the one that suppresses", () => {
    expect(reasonKeys[0]).toBe("objected_all");
    expect(reasonKeys.filter((k) => reasons[k].suppresses)).toEqual(["objected_all"]);
    expect(retentionReasons).toEqual<ReasonKey[]>([
      "electoral_list_after_election",
      "primary_file_expired",
      "referral_expired",
      "silent_regular",
      "retention",
    ]);
  });

  it("refuse a plan whose only 'reason' is a scope", () => {
    expect(PlanInput.safeParse({ reasons: [], scope: { importId: "import:x" } }).success).toBe(false);
    expect(PlanInput.safeParse({ reasons: ["because"] }).success).toBe(false);
    expect(
      PlanInput.safeParse({ reasons: ["forbidden_source"], scope: { importId: "import:x" } }).success,
    ).toBe(true);
  });
});
