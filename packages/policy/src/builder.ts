import type {
  CmpOp,
  DayExpr,
  InstantExpr,
  InstantFact,
  ListFact,
  ListFactTypes,
  Node,
  NumberFact,
  PresenceFact,
  RoundOffset,
  ScalarFact,
  ScalarFactTypes,
} from "./nodes";
import type * as V from "./vocabulary";

// A small builder for predicate trees. Every function returns plain JSON.

const flatten = (kind: "and" | "or", nodes: Node[]): Node[] =>
  nodes.flatMap((n) => (n.kind === kind ? n.nodes : [n]));

export const always: Node = { kind: "const", value: true };
export const never: Node = { kind: "const", value: false };

export function and(...nodes: Node[]): Node {
  const flat = flatten("and", nodes).filter((n) => !(n.kind === "const" && n.value));
  if (flat.length === 0) return always;
  return flat.length === 1 && flat[0] ? flat[0] : { kind: "and", nodes: flat };
}

export function or(...nodes: Node[]): Node {
  const flat = flatten("or", nodes).filter((n) => !(n.kind === "const" && !n.value));
  if (flat.length === 0) return never;
  return flat.length === 1 && flat[0] ? flat[0] : { kind: "or", nodes: flat };
}

export function not(node: Node): Node {
  return node.kind === "not" ? node.node : { kind: "not", node };
}

export const eq = <F extends ScalarFact>(fact: F, value: ScalarFactTypes[F]): Node => ({
  kind: "eq",
  fact,
  value,
});

export const oneOf = <F extends ScalarFact>(fact: F, values: readonly ScalarFactTypes[F][]): Node =>
  values.length === 1 && values[0] !== undefined
    ? eq(fact, values[0])
    : { kind: "in", fact, values: [...values] };

export const noneOf = <F extends ScalarFact>(fact: F, values: readonly ScalarFactTypes[F][]): Node =>
  not(oneOf(fact, values));

export const has = <F extends ListFact>(fact: F, ...values: ListFactTypes[F][]): Node => ({
  kind: "has",
  fact,
  values,
});

export const cmp = (fact: NumberFact, op: CmpOp, value: number): Node => ({ kind: "cmp", fact, op, value });
export const exists = (fact: PresenceFact): Node => ({ kind: "exists", fact });

// ---- time -------------------------------------------------------------------------------------

export const at: InstantExpr = { kind: "at" };
export const instant = (fact: InstantFact): InstantExpr => ({ kind: "instant", fact });
export const dayOf = (fact: InstantFact): DayExpr => ({ kind: "dayOf", fact });
export const round = (index: number | "first" | "last"): DayExpr => ({ kind: "round", index });
export const firstRound = round("first");
export const lastRound = round("last");
export const proclaimed: DayExpr = { kind: "proclaimed" };
export const date = (value: string): DayExpr => ({ kind: "date", value });

export const plusDays = (day: DayExpr, days: number): DayExpr => ({ kind: "shift", day, days });
/** day + the election's litigation window (default 10 days) + `extra` days */
export const plusLitigationWindow = (day: DayExpr, extra = 0): DayExpr => ({
  kind: "shift",
  day,
  daysFact: "election.litigationWindowDays",
  ...(extra !== 0 ? { days: extra } : {}),
});
export const plusMonths = (day: DayExpr, months: number): DayExpr => ({ kind: "shift", day, months });
/** the first day of the month `months` away from the day's month */
export const monthStart = (day: DayExpr, months: number): DayExpr => ({
  kind: "shift",
  day,
  months,
  monthStart: true,
});

export const startOf = (day: DayExpr, time?: string): InstantExpr =>
  time === undefined || time === "00:00" ? { kind: "dayStart", day } : { kind: "dayStart", day, time };
/** the exclusive end of a local day: 00:00 on the next day */
export const endOf = (day: DayExpr): InstantExpr => ({ kind: "dayEnd", day });

export const time = (left: InstantExpr, op: CmpOp, right: InstantExpr): Node => ({
  kind: "time",
  left,
  op,
  right,
});
/** `at` is at or after the instant */
export const from = (instantExpr: InstantExpr): Node => time(at, ">=", instantExpr);
/** `at` is strictly before the instant */
export const before = (instantExpr: InstantExpr): Node => time(at, "<", instantExpr);
/** `at` is at or after the end of local day X: "from the day after X on" */
export const afterDay = (day: DayExpr): Node => from(endOf(day));

export const roundWindow = (fromOffset: RoundOffset, toOffset: RoundOffset): Node => ({
  kind: "roundWindow",
  from: fromOffset,
  to: toOffset,
});

// ---- domain helpers ---------------------------------------------------------------------------

export const validConsent = (scope: V.ConsentScope, mechanisms?: V.Mechanism[]): Node => ({
  kind: "consent",
  scope,
  state: "valid",
  ...(mechanisms ? { mechanisms } : {}),
});
/** a valid consent to the scope the action itself needs (see the `consent` node) */
export const validConsentForAction = (mechanisms?: V.Mechanism[]): Node => ({
  kind: "consent",
  scope: "action",
  state: "valid",
  ...(mechanisms ? { mechanisms } : {}),
});
export const recordedConsent = (scope: V.ConsentScope | "action"): Node => ({
  kind: "consent",
  scope,
  state: "recorded",
});
export const anyValidConsent = (scopes: readonly V.ConsentScope[]): Node =>
  or(...scopes.map((s) => validConsent(s)));

export const objectionCoversChannel: Node = { kind: "objection", covers: "action-channel" };
export const objectionCoversAll: Node = { kind: "objection", covers: "all" };
export const enrichmentSwitchOn: Node = { kind: "enrichmentSwitch" };

// ---- action shorthands ------------------------------------------------------------------------

export const actionIs = (...types: V.ActionType[]): Node => oneOf("action.type", types);
export const channelIs = (...channels: V.Channel[]): Node => oneOf("action.channel", channels);
export const messageIs = (...kinds: V.MessageKind[]): Node => oneOf("action.messageKind", kinds);
export const sourceIs = (...sources: V.Source[]): Node => oneOf("contact.source", sources);
export const classIs = (...classes: V.ContactClass[]): Node => oneOf("contact.class", classes);
export const jurisdictionIs = (...js: V.Jurisdiction[]): Node => oneOf("jurisdiction", js);
export const controllerIs = (...types: V.ControllerType[]): Node => oneOf("controller.type", types);
export const purposeIs = (...purposes: V.Purpose[]): Node => oneOf("purpose", purposes);
/** the contact's data holds one of the categories, or a record action is about to store one */
export const holdsCategory = (...categories: V.DataCategory[]): Node =>
  or(
    has("contact.dataCategories", ...categories),
    and(actionIs("record"), oneOf("action.category", categories)),
  );
