import type { Node, NodeKind } from "@isoloir/policy";
import { type SQL, sql } from "drizzle-orm";
import { actionScope, contactObjections, hasCategory, presence, scalarFacts } from "./facts";
import { inCountries, ofContact, type Scope, switchedOnCountries } from "./scope";
import {
  allOf,
  anyOf,
  type Cond,
  definite,
  instantLiteral,
  literal,
  negate,
  textList,
  type Val,
} from "./terms";
import { compareInstants, roundWindow, sqlOp } from "./time";

type NodeOf<K extends NodeKind> = Extract<Node, { kind: K }>;

/** One node kind's translation; tests swap one for a wrong one to prove the agreement test bites. */
export type NodeTranslator<K extends NodeKind = NodeKind> = (
  node: NodeOf<K>,
  s: Scope,
  recurse: (n: Node) => Cond,
) => Cond;
/** Every node kind's translation, each typed for its own kind: the exhaustive case analysis. */
export type TranslatorMap = { [K in NodeKind]: NodeTranslator<K> };
export type Translators = Partial<TranslatorMap>;

function equals(v: Val, value: unknown): Cond {
  if (v.known) return v.value === value;
  const lit = literal(value, v.type);
  return lit ? definite(sql`(${v.sql} = ${lit})`) : false;
}

function oneOf(v: Val, values: readonly unknown[]): Cond {
  if (v.known) return values.some((x) => x === v.value);
  return anyOf(values.map((x) => equals(v, x)));
}

function compare(v: Val, op: "<" | "<=" | ">" | ">=", value: number): Cond {
  if (v.known) {
    if (typeof v.value !== "number") return false;
    const a = v.value;
    return op === "<" ? a < value : op === "<=" ? a <= value : op === ">" ? a > value : a >= value;
  }
  return v.type === "int" ? definite(sql`(${v.sql} ${sqlOp(op)} ${value}::numeric)`) : false;
}

/** ORG-CONSENT-EVIDENCE, row by row: evidence, a positive act, not bundled, captured by `at`, not withdrawn by then. */
export function validConsentSql(atMs: number): SQL {
  const at = instantLiteral(atMs);
  return sql`k.evidence_ref is not null and btrim(k.evidence_ref, ' \t\n\r\f\v') <> ''
    and k.mechanism::text not in ('pre_ticked', 'none') and not k.bundled
    and k.captured_at <= ${at} and (k.withdrawn_at is null or k.withdrawn_at > ${at})`;
}

function consent(s: Scope, node: Extract<Node, { kind: "consent" }>): Cond {
  const scope = node.scope === "action" ? actionScope(s.action) : node.scope;
  if (!scope) return false;
  const mechanisms = node.mechanisms ? sql` and k.mechanism::text in ${textList(node.mechanisms)}` : sql``;
  if (node.mechanisms?.length === 0) return false;
  const valid = node.state === "valid" ? sql` and ${validConsentSql(s.atMs)}` : sql``;
  return sql`exists (select 1 from ${ofContact(sql`consents`, sql`k`)} and k.scope::text = ${scope}::text${mechanisms}${valid})`;
}

/** Objections fold into one (`all` if any is; `at` the earliest), made at or before `at`. */
function objection(s: Scope, covers: "action-channel" | "all"): Cond {
  const channel = s.action.type === "contact" && covers === "action-channel" ? s.action.channel : undefined;
  const coversChannel = channel ? sql` or bool_or(${channel}::text = any(o.channels::text[]))` : sql``;
  return sql`coalesce((select min(o.at) <= ${instantLiteral(s.atMs)} and (bool_or(o.all_channels)${coversChannel})
    from ${contactObjections}), false)`;
}

export const defaultTranslators: TranslatorMap = {
  and: (n, _s, r) => allOf(n.nodes.map(r)),
  or: (n, _s, r) => anyOf(n.nodes.map(r)),
  not: (n, _s, r) => negate(r(n.node)),
  const: (n) => n.value,
  eq: (n, s) => equals(scalarFacts[n.fact](s), n.value),
  in: (n, s) => oneOf(scalarFacts[n.fact](s), n.values),
  has: (n, s) => hasCategory(s, n.fact, n.values),
  cmp: (n, s) => compare(scalarFacts[n.fact](s), n.op, n.value),
  exists: (n, s) => presence(s, n.fact),
  time: (n, s) => compareInstants(s, n.left, n.op, n.right),
  roundWindow: (n, s) => roundWindow(s, n.from, n.to),
  consent: (n, s) => consent(s, n),
  objection: (n, s) => objection(s, n.covers),
  enrichmentSwitch: (_n, s) => inCountries(s, switchedOnCountries(s.org.enrichment)),
};

/** One node through its kind's translator (the override, else the default); K ties the node to it. */
function translate<K extends NodeKind>(
  node: NodeOf<K> & { kind: K },
  translators: Translators,
  s: Scope,
  recurse: (n: Node) => Cond,
): Cond {
  const translator: NodeTranslator<K> = translators[node.kind] ?? defaultTranslators[node.kind];
  return translator(node, s, recurse);
}

/** A predicate tree as a condition over one row of the projection. */
export function compileNodeToSql(node: Node, s: Scope, overrides: Translators = {}): Cond {
  // the Record over NodeKind is the exhaustive case analysis; it runs once per query, not per row
  const recurse = (n: Node): Cond => translate(n, overrides, s, recurse);
  return recurse(node);
}
