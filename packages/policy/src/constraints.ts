import type { Node, Scalar, ScalarFact } from "./nodes";
import type { Rule } from "./rule";

/**
 * The values a fact must take for a tree to hold, when its structure says so (an `eq`/`in` on the
 * fact in every branch); undefined when the tree does not constrain the fact. Used to skip, before
 * any closure runs, the rules that cannot fire for a decision's channel or message kind.
 */
export function constraintOf(node: Node, fact: ScalarFact): Set<Scalar> | undefined {
  if (node.kind === "eq") return node.fact === fact ? new Set([node.value]) : undefined;
  if (node.kind === "in") return node.fact === fact ? new Set(node.values) : undefined;
  if (node.kind === "const" && !node.value) return new Set();
  if (node.kind === "and") {
    let result: Set<Scalar> | undefined;
    for (const child of node.nodes) {
      const c = constraintOf(child, fact);
      if (c) result = result ? new Set([...result].filter((v) => c.has(v))) : c;
    }
    return result;
  }
  if (node.kind === "or") {
    const result = new Set<Scalar>();
    for (const child of node.nodes) {
      const c = constraintOf(child, fact);
      if (!c) return undefined;
      for (const v of c) result.add(v);
    }
    return result;
  }
  return undefined;
}

/** The union of the constraints of all the rule's clauses, or undefined if any clause is unconstrained. */
export function ruleConstraint(rule: Rule, fact: ScalarFact): Set<Scalar> | undefined {
  const result = new Set<Scalar>();
  for (const clause of [...rule.deny, ...rule.escalate, ...rule.allow]) {
    const c = constraintOf(clause.when, fact);
    if (!c) return undefined;
    for (const v of c) result.add(v);
  }
  return result;
}
