import { compileNode, type Pred } from "./compile";
import { ruleConstraint } from "./constraints";
import { type Classifier, EvalContext } from "./context";
import type { EngineFacts } from "./facts";
import type { Scalar } from "./nodes";
import type { Clause, Rule } from "./rule";
import { dayNumber, zoneInstant } from "./time";
import { policySetVersion as versionOf } from "./version";
import {
  type ActionType,
  actionTypes,
  type ContactClass,
  channels,
  type Decision,
  type Jurisdiction,
  jurisdictions,
  messageKinds,
  type Obligation,
  obligations as obligationOrder,
  type Pack,
  packOfCountry,
  packs,
  packsOf,
  type Source,
} from "./vocabulary";

export interface Reason {
  ruleId: string;
  sentence: string;
}

/** Invariant 2 (docs/architecture.md): every decision explains itself. */
export interface DecisionResult {
  decision: Decision;
  reasons: Reason[];
  obligations: Obligation[];
  policySetVersion: string;
}

interface CompiledClause {
  test: Pred;
  reason: Reason;
  obligations: number;
}

interface CompiledRule {
  rule: Rule;
  /** channels / message kinds the rule can fire for; undefined: any */
  channels: Set<Scalar> | undefined;
  messageKinds: Set<Scalar> | undefined;
  inForce: Pred;
  deny: CompiledClause[];
  escalate: CompiledClause[];
  allow: CompiledClause[];
}

export interface CompiledPolicy {
  readonly rules: readonly Rule[];
  readonly policySetVersion: string;
  evaluate(facts: EngineFacts): DecisionResult;
  /** the rules consulted for these facts: the jurisdiction's packs, plus the contact country's contact rules */
  applicableRules(facts: EngineFacts): Rule[];
}

export interface CompileOptions {
  /** the rule set's semantic version (default 0.0.0) */
  semver?: string;
  /** rules whose classification table derives a missing contact class (default: those in `rules`) */
  classification?: readonly Rule[];
}

const obligationBit = new Map<Obligation, number>(obligationOrder.map((o, i) => [o, 1 << i]));

function compileClause(rule: Rule, clause: Clause): CompiledClause {
  let mask = 0;
  for (const o of clause.obligations ?? []) mask |= obligationBit.get(o) ?? 0;
  const reason = Object.freeze({ ruleId: rule.id, sentence: clause.reason });
  return { test: compileNode(clause.when), reason, obligations: mask };
}

function compileValidity(rule: Rule): Pred {
  if (!rule.validFrom && !rule.validUntil) return () => true;
  const fromDay = rule.validFrom ? dayNumber(rule.validFrom) : undefined;
  const untilDay = rule.validUntil ? dayNumber(rule.validUntil) : undefined;
  return (c) => {
    const at = c.at();
    if (fromDay !== undefined && at < zoneInstant(c.zone, fromDay, 0)) return false;
    return untilDay === undefined || at < zoneInstant(c.zone, untilDay, 0);
  };
}

function compileRule(rule: Rule): CompiledRule {
  return {
    rule,
    channels: ruleConstraint(rule, "action.channel"),
    messageKinds: ruleConstraint(rule, "action.messageKind"),
    inForce: compileValidity(rule),
    deny: rule.deny.map((c) => compileClause(rule, c)),
    escalate: rule.escalate.map((c) => compileClause(rule, c)),
    allow: rule.allow.map((c) => compileClause(rule, c)),
  };
}

export function classifierOf(rules: readonly Rule[]): Classifier {
  const table = new Map<Source, ContactClass>();
  for (const rule of rules) {
    for (const [cls, srcs] of Object.entries(rule.classification ?? {})) {
      for (const s of srcs ?? []) table.set(s, cls as ContactClass);
    }
  }
  return (source) => table.get(source) ?? "prospect";
}

const obligationLists = new Map<number, Obligation[]>();
function obligationsOf(mask: number): Obligation[] {
  let list = obligationLists.get(mask);
  if (!list) {
    list = obligationOrder.filter((o) => (mask & (obligationBit.get(o) ?? 0)) !== 0);
    obligationLists.set(mask, list);
  }
  return list.slice();
}

/** Compiles a rule set once; `evaluate` then runs closures only. */
export function compilePolicy(rules: readonly Rule[], options: CompileOptions = {}): CompiledPolicy {
  const compiled = rules
    .filter((r) => r.effect !== "classification" || r.deny.length + r.allow.length > 0)
    .map(compileRule);
  const classify = classifierOf(options.classification ?? rules);
  const version = versionOf(options.semver ?? "0.0.0", rules);
  // the rules consulted per (jurisdiction, action, foreign pack, channel, message kind), built on first use
  const selection = new Map<number, CompiledRule[]>();

  const rulesFor = (ctx: EvalContext): CompiledRule[] => {
    const { jurisdiction, action } = ctx.facts;
    let foreign: Pack | undefined;
    let channel = 0;
    let kind = 0;
    if (action.type === "contact") {
      const country = ctx.contactCountry();
      const pack = country ? packOfCountry[country] : undefined;
      if (pack && !packsOf[jurisdiction].includes(pack)) foreign = pack;
      channel = indexOf[action.channel] ?? 0;
      kind = indexOf[action.messageKind] ?? 0;
    }
    const foreignIndex = foreign ? (indexOf[foreign] ?? 0) + 1 : 0;
    const key =
      ((((indexOf[jurisdiction] ?? 0) * 8 + (indexOf[action.type] ?? 0)) * 8 + foreignIndex) * 16 + channel) *
        4 +
      kind;
    let list = selection.get(key);
    if (!list) {
      list = selectRules(compiled, jurisdiction, action.type, foreign, action);
      selection.set(key, list);
    }
    return list;
  };

  const evaluate = (facts: EngineFacts): DecisionResult => {
    const ctx = new EvalContext(facts, classify);
    const active = rulesFor(ctx);
    const denied = collect(active, "deny", ctx);
    if (denied !== noReasons)
      return { decision: "deny", reasons: denied, obligations: [], policySetVersion: version };
    const escalated = collect(active, "escalate", ctx);
    const escalatedMask = collectedMask;
    const allowed = collect(active, "allow", ctx);
    const obligations = obligationsOf(collectedMask | escalatedMask);
    if (escalated !== noReasons) {
      return { decision: "escalate", reasons: escalated, obligations, policySetVersion: version };
    }
    return {
      decision: "allow",
      reasons: allowed === noReasons ? [] : allowed,
      obligations,
      policySetVersion: version,
    };
  };

  return {
    rules,
    policySetVersion: version,
    evaluate,
    applicableRules: (facts) => {
      const ctx = new EvalContext(facts, classify);
      return rulesFor(ctx)
        .filter((r) => r.inForce(ctx))
        .map((r) => r.rule);
    },
  };
}

/** Positions in the vocabularies, for numeric selection keys (the lists share no value but the pack/jurisdiction codes, whose positions agree). */
const indexOf: Readonly<Record<string, number>> = Object.fromEntries(
  [packs, jurisdictions, actionTypes, channels, messageKinds].flatMap((list) =>
    list.map((v, i) => [v, i] as const),
  ),
);

function selectRules(
  compiled: readonly CompiledRule[],
  jurisdiction: Jurisdiction,
  actionType: ActionType,
  foreign: Pack | undefined,
  action: EngineFacts["action"],
): CompiledRule[] {
  const own = packsOf[jurisdiction];
  const contact = action.type === "contact" ? action : undefined;
  return compiled.filter(
    (r) =>
      r.rule.actions.includes(actionType) &&
      (own.includes(r.rule.pack) ||
        (foreign !== undefined && r.rule.pack === foreign && contact !== undefined)) &&
      (!contact ||
        ((!r.channels || r.channels.has(contact.channel)) &&
          (!r.messageKinds || r.messageKinds.has(contact.messageKind)))),
  );
}

const noReasons: Reason[] = [];

/** The obligations of the clauses the last `collect` call saw hold (avoids an object per call). */
let collectedMask = 0;

/** The reasons of the rules whose `kind` clauses hold: one per rule, its sentences joined. */
function collect(
  rules: readonly CompiledRule[],
  kind: "deny" | "escalate" | "allow",
  ctx: EvalContext,
): Reason[] {
  let reasons: Reason[] = noReasons;
  let mask = 0;
  for (const rule of rules) {
    const clauses = rule[kind];
    if (clauses.length === 0 || !rule.inForce(ctx)) continue;
    let reason: Reason | undefined;
    for (const clause of clauses) {
      if (clause.test(ctx)) {
        reason = reason
          ? { ruleId: reason.ruleId, sentence: `${reason.sentence} ${clause.reason.sentence}` }
          : clause.reason;
        mask |= clause.obligations;
      }
    }
    if (reason) {
      if (reasons === noReasons) reasons = [];
      reasons.push(reason);
    }
  }
  collectedMask = mask;
  return reasons;
}
