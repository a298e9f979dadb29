import type { DecisionResult } from "@isoloir/policy";

/** What a flip is measured on: the decision and the ids of the rules it cites (sorted, unique). */
export interface Verdict {
  decision: DecisionResult["decision"];
  rules: string[];
}

export function verdictOf(result: Pick<DecisionResult, "decision" | "reasons">): Verdict {
  const rules = [...new Set(result.reasons.map((r) => r.ruleId))].sort();
  return { decision: result.decision, rules };
}

export const sameVerdict = (a: Verdict, b: Verdict): boolean =>
  a.decision === b.decision &&
  a.rules.length === b.rules.length &&
  a.rules.every((id, i) => id === b.rules[i]);

/** `deny (FR-X, ORG-Y)`, or the decision alone when no rule is cited. */
export const verdictText = (v: Verdict): string =>
  v.rules.length > 0 ? `${v.decision} (${v.rules.join(", ")})` : v.decision;

/** How a verdict changed: `allow → deny`, or `deny, other rules` when only the cited rules did. */
export const transitionOf = (before: Verdict, after: Verdict): string =>
  before.decision === after.decision
    ? `${before.decision}, other rules`
    : `${before.decision} → ${after.decision}`;
