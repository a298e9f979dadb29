import { policy as currentPolicy, semver } from "@isoloir/policies";
import { type CompiledPolicy, compilePolicy, type Rule } from "@isoloir/policy";
import { compileToSql, type OrgFacts, type SqlDecision } from "@isoloir/policy-db";
import { type SQL, sql } from "drizzle-orm";
import { type ReasonKey, type RowAction, type RuleRef, reasons } from "./reasons";

/** One reason's rule reference with its SQL condition over the decided rows (c, p, e); `false` if it cannot hold. */
export interface RefCondition {
  reason: ReasonKey;
  ref: RuleRef;
  when: SQL | false;
}

export interface ReasonCondition {
  ruleId: string;
  when: SQL;
}

/** The engine's conditions for a plan's reasons, per provenance row, as of one instant. */
export interface EngineConditions {
  policySetVersion: string;
  /** `from … where` of every provenance row of the organisation (aliases c, p, e) */
  rows: SQL;
  refs: RefCondition[];
  /** per action: the rules that escalate a row (a human must decide) */
  escalate: Record<RowAction, ReasonCondition[]>;
  /** per action: the engine's whole deny (any rule) */
  deny: Record<RowAction, SQL>;
  /** the actions the plan's reasons read */
  actions: RowAction[];
}

const narrowedPolicies = new WeakMap<CompiledPolicy, Map<string, CompiledPolicy>>();

/** The rule set with one rule's deny clauses narrowed to the named sentences: the engine's own trees, fewer of them. */
export function narrowedPolicy(
  base: CompiledPolicy,
  ruleId: string,
  clauses: readonly string[],
): CompiledPolicy {
  const key = `${ruleId}\u0000${clauses.join("\u0000")}`;
  const cache = narrowedPolicies.get(base) ?? new Map<string, CompiledPolicy>();
  narrowedPolicies.set(base, cache);
  const hit = cache.get(key);
  if (hit) return hit;
  const rule = base.rules.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`purge reason names rule ${ruleId}, which is not in the rule set`);
  const missing = clauses.filter((c) => !rule.deny.some((d) => d.reason === c));
  if (missing.length > 0)
    throw new Error(`purge reason names clauses ${ruleId} does not have: ${missing.join(" | ")}`);
  const narrowed: Rule = { ...rule, deny: rule.deny.filter((d) => clauses.includes(d.reason)) };
  const compiled = compilePolicy(
    base.rules.map((r) => (r.id === ruleId ? narrowed : r)),
    { semver },
  );
  cache.set(key, compiled);
  return compiled;
}

/**
 * Compiles the plan's reasons through `compileToSql` — the SQL proven to agree row for row with the
 * in-memory engine — for `retain` and `import` at `at` (the plan's own time).
 */
export function engineConditions(
  org: OrgFacts,
  at: Date,
  chosen: readonly ReasonKey[],
  base: CompiledPolicy = currentPolicy(),
): EngineConditions {
  const decisions = new Map<string, SqlDecision>();
  const decide = (p: CompiledPolicy, action: RowAction, key: string) => {
    const memo = `${key}/${action}`;
    let d = decisions.get(memo);
    if (!d) {
      d = compileToSql(p, { org, action: { type: action }, at });
      decisions.set(memo, d);
    }
    return d;
  };
  const full = (action: RowAction) => decide(base, action, "");
  const refs: RefCondition[] = chosen.flatMap((reason) =>
    reasons[reason].rules.map((ref) => {
      const source = ref.clauses ? narrowedPolicy(base, ref.ruleId, ref.clauses) : base;
      const d = decide(source, ref.action, ref.clauses ? `${ref.ruleId}:${ref.clauses.join("|")}` : "");
      return { reason, ref, when: d.denyReasons.find((r) => r.ruleId === ref.ruleId)?.when ?? false };
    }),
  );
  const actions = (["retain", "import"] as const).filter((a) => refs.some((r) => r.ref.action === a));
  const retain = full("retain");
  return {
    policySetVersion: base.policySetVersion,
    rows: retain.rows,
    refs,
    escalate: { retain: retain.escalateReasons, import: full("import").escalateReasons },
    deny: { retain: retain.deny, import: full("import").deny },
    actions,
  };
}

export { sql };
