import {
  type Clause,
  type CompiledPolicy,
  classifierOf,
  type EngineFacts,
  packOfCountry,
  packsOf,
  type Rule,
  zoneOf,
} from "@isoloir/policy";
import { type SQL, sql } from "drizzle-orm";
import type { FactsAction } from "../facts-for";
import { nextElection } from "../projection";
import { compileNodeToSql, type Translators } from "./compile-node";
import { classRankSql, rowsOf } from "./rows";
import { inCountries, makeScope, type OrgFacts, type Scope } from "./scope";
import { allOf, anyOf, type Cond, negate, toSql } from "./terms";

export interface ReasonCondition {
  ruleId: string;
  /** the rows this rule denies (or escalates) */
  when: SQL;
}

/** One decision over every stored row of an organisation, as SQL over the projection. */
export interface SqlDecision {
  /** contact: one row per contact (c, its strongest provenance row p); provenance: one per row (c, p, e) */
  level: "contact" | "provenance";
  policySetVersion: string;
  /** `from … where` of the decided rows, scoped to the organisation */
  rows: SQL;
  allow: SQL;
  deny: SQL;
  escalate: SQL;
  denyReasons: ReasonCondition[];
  escalateReasons: ReasonCondition[];
}

export interface SqlDecisionInput {
  org: OrgFacts;
  action: FactsAction;
  at: Date;
}

interface RuleGroup {
  rules: Rule[];
  /** when the group applies: always, or for contacts of a foreign pack's countries */
  guard: Cond;
}

function probeFacts(input: SqlDecisionInput, country: string | undefined): EngineFacts {
  return {
    at: input.at.toISOString(),
    jurisdiction: input.org.jurisdiction,
    controller: { type: input.org.controllerType },
    processors: input.org.processors,
    contact: { source: "petition", ...(country ? { country } : {}) },
    action: input.action,
  } as EngineFacts;
}

/** The engine's own selection: the jurisdiction's packs, plus a foreign contact country's contact rules. */
function ruleGroups(policy: CompiledPolicy, input: SqlDecisionInput, scope: Scope): RuleGroup[] {
  const own = policy.applicableRules(probeFacts(input, undefined));
  const groups: RuleGroup[] = [{ rules: own, guard: true }];
  if (input.action.type !== "contact") return groups;
  const ownPacks = packsOf[input.org.jurisdiction];
  const foreignPacks = [...new Set(Object.values(packOfCountry))].filter((p) => !ownPacks.includes(p));
  for (const pack of foreignPacks) {
    const countries = Object.entries(packOfCountry)
      .filter(([, p]) => p === pack)
      .map(([country]) => country);
    const seen = new Set(own.map((r) => r.id));
    const extra = policy.applicableRules(probeFacts(input, countries[0])).filter((r) => !seen.has(r.id));
    if (extra.length > 0) groups.push({ rules: extra, guard: inCountries(scope, countries) });
  }
  return groups;
}

function reasons(
  groups: RuleGroup[],
  kind: "deny" | "escalate",
  compile: (clause: Clause) => Cond,
): { ruleId: string; when: Cond }[] {
  return groups.flatMap(({ rules, guard }) =>
    rules
      .filter((r) => r[kind].length > 0)
      .map((r) => ({ ruleId: r.id, when: allOf([guard, anyOf(r[kind].map(compile))]) }))
      .filter((r) => r.when !== false),
  );
}

/**
 * The same rule trees the engine evaluates, compiled to SQL over the database projection: the rows
 * whose decision is allow, and one condition per deny (and escalate) reason for "why excluded" counts.
 */
export function compileToSql(
  policy: CompiledPolicy,
  input: SqlDecisionInput,
  options: { translators?: Translators } = {},
): SqlDecision {
  const election = nextElection(input.org.elections, input.at, zoneOf[input.org.jurisdiction]);
  const scope = makeScope(input.org, input.action, input.at, classifierOf(policy.rules), election);
  const groups = ruleGroups(policy, input, scope);
  const compile = (clause: Clause) => compileNodeToSql(clause.when, scope, options.translators);
  const denyReasons = reasons(groups, "deny", compile);
  const escalateReasons = reasons(groups, "escalate", compile);
  const deny = anyOf(denyReasons.map((r) => r.when));
  const escalate = anyOf(escalateReasons.map((r) => r.when));
  const toReason = (r: { ruleId: string; when: Cond }) => ({ ruleId: r.ruleId, when: toSql(r.when) });
  return {
    level: scope.perRow ? "provenance" : "contact",
    policySetVersion: policy.policySetVersion,
    rows: rowsOf(scope, classRankSql(scope)),
    allow: toSql(allOf([negate(deny), negate(escalate)])),
    deny: toSql(deny),
    escalate: toSql(allOf([negate(deny), escalate])),
    denyReasons: denyReasons.map(toReason),
    escalateReasons: escalateReasons.map(toReason),
  };
}

export { sql };
