import { match } from "ts-pattern";
import { listAccessors, scalarAccessors } from "./accessors";
import { compileInstant, compileNode } from "./compile";
import { EvalContext } from "./context";
import { classifierOf, type DecisionResult, type Reason } from "./evaluate";
import type { EngineFacts } from "./facts";
import type { Node } from "./nodes";
import type { Rule } from "./rule";
import { dayNumber, minuteOfDay, zoneInstant } from "./time";
import { type Obligation, obligations as obligationOrder, packOfCountry, packsOf } from "./vocabulary";

// The reference semantics: a direct, slow walk of the tree per decision (a `match` on every node, on
// every call). Tests hold the compiled closures, and any other backend such as SQL, to agree with it.

export function interpretNode(node: Node, c: EvalContext): boolean {
  return match(node)
    .with({ kind: "and" }, ({ nodes }) => nodes.every((n) => interpretNode(n, c)))
    .with({ kind: "or" }, ({ nodes }) => nodes.some((n) => interpretNode(n, c)))
    .with({ kind: "not" }, ({ node: inner }) => !interpretNode(inner, c))
    .with({ kind: "const" }, ({ value }) => value)
    .with({ kind: "eq" }, ({ fact, value }) => scalarAccessors[fact](c) === value)
    .with({ kind: "in" }, ({ fact, values }) => values.some((v) => v === scalarAccessors[fact](c)))
    .with({ kind: "has" }, ({ fact, values }) =>
      listAccessors[fact](c).some((v: string) => values.includes(v)),
    )
    .with({ kind: "cmp" }, ({ fact, op, value }) => {
      const v = scalarAccessors[fact](c);
      if (typeof v !== "number") return false;
      return op === "<" ? v < value : op === "<=" ? v <= value : op === ">" ? v > value : v >= value;
    })
    .with({ kind: "time" }, ({ left, op, right }) => {
      const a = compileInstant(left)(c);
      const b = compileInstant(right)(c);
      if (a === undefined || b === undefined) return false;
      return op === "<" ? a < b : op === "<=" ? a <= b : op === ">" ? a > b : a >= b;
    })
    .with({ kind: "roundWindow" }, ({ from, to }) =>
      c.roundDays().some((day) => {
        const start = zoneInstant(c.zone, day + from.days, minuteOfDay(from.time));
        const end = zoneInstant(c.zone, day + to.days, minuteOfDay(to.time));
        return c.at() >= start && c.at() < end;
      }),
    )
    .with(
      { kind: "exists" },
      { kind: "consent" },
      { kind: "objection" },
      { kind: "enrichmentSwitch" },
      (leaf) => compileNode(leaf)(c),
    )
    .exhaustive();
}

/** Evaluates every rule of the jurisdiction's packs (and the contact country's contact rules) by interpretation. */
export function interpretPolicy(
  rules: readonly Rule[],
  facts: EngineFacts,
  policySetVersion = "",
): DecisionResult {
  const c = new EvalContext(facts, classifierOf(rules));
  const own = packsOf[facts.jurisdiction];
  const country = c.contactCountry();
  const foreign = facts.action.type === "contact" && country ? packOfCountry[country] : undefined;
  const inForce = (r: Rule) =>
    (!r.validFrom || c.at() >= zoneInstant(c.zone, dayNumber(r.validFrom), 0)) &&
    (!r.validUntil || c.at() < zoneInstant(c.zone, dayNumber(r.validUntil), 0));
  const active = rules.filter(
    (r) =>
      r.actions.includes(facts.action.type) && (own.includes(r.pack) || r.pack === foreign) && inForce(r),
  );
  const fired = (kind: "deny" | "escalate" | "allow") =>
    active.flatMap((r) => {
      const hits = r[kind].filter((clause) => interpretNode(clause.when, c));
      return hits.length === 0
        ? []
        : [
            {
              reason: { ruleId: r.id, sentence: hits.map((h) => h.reason).join(" ") } as Reason,
              obligations: hits.flatMap((h) => h.obligations ?? []),
            },
          ];
    });
  const deny = fired("deny");
  if (deny.length > 0)
    return { decision: "deny", reasons: deny.map((d) => d.reason), obligations: [], policySetVersion };
  const escalate = fired("escalate");
  const allow = fired("allow");
  const owed = new Set<Obligation>([...escalate, ...allow].flatMap((f) => f.obligations));
  const obligations = obligationOrder.filter((o) => owed.has(o));
  if (escalate.length > 0)
    return { decision: "escalate", reasons: escalate.map((e) => e.reason), obligations, policySetVersion };
  return { decision: "allow", reasons: allow.map((a) => a.reason), obligations, policySetVersion };
}
