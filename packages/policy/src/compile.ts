import { match } from "ts-pattern";
import { instantAccessors, listAccessors, objectAccessors, scalarAccessors } from "./accessors";
import type { EvalContext } from "./context";
import type {
  CmpOp,
  DayExpr,
  InstantExpr,
  InstantFact,
  ListFact,
  Node,
  PresenceFact,
  RoundOffset,
  ScalarFact,
} from "./nodes";
import { dayNumber, MS_PER_DAY, minuteOfDay, shiftMonths, zoneDay, zoneInstant } from "./time";
import { normaliseCountry } from "./vocabulary";

// Each tree is turned into plain closures once; matching on node kinds happens here, at compile time,
// never per decision.

export type Pred = (c: EvalContext) => boolean;
type DayFn = (c: EvalContext) => number | undefined;
type InstantFn = (c: EvalContext) => number | undefined;

export class CompileError extends Error {
  override name = "CompileError";
}

const compareWith = (op: CmpOp): ((a: number, b: number) => boolean) =>
  match(op)
    .with("<", () => (a: number, b: number) => a < b)
    .with("<=", () => (a: number, b: number) => a <= b)
    .with(">", () => (a: number, b: number) => a > b)
    .with(">=", () => (a: number, b: number) => a >= b)
    .exhaustive();

export function compileDay(expr: DayExpr): DayFn {
  return match(expr)
    .with({ kind: "dayOf" }, ({ fact }): DayFn => {
      const get = instantAccessors[fact];
      return (c) => {
        const ms = get(c);
        return ms === undefined ? undefined : zoneDay(c.zone, ms);
      };
    })
    .with({ kind: "round" }, ({ index }): DayFn => {
      if (index === "first") return (c) => c.roundDays()[0];
      if (index === "last") return (c) => c.roundDays().at(-1);
      if (!Number.isInteger(index) || index < 1) throw new CompileError(`round index must be ≥ 1: ${index}`);
      return (c) => c.roundDays()[index - 1];
    })
    .with({ kind: "proclaimed" }, (): DayFn => (c) => c.proclaimedDay())
    .with({ kind: "date" }, ({ value }): DayFn => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new CompileError(`not a YYYY-MM-DD day: ${value}`);
      const day = dayNumber(value);
      return () => day;
    })
    .with({ kind: "shift" }, (shift): DayFn => compileShift(shift))
    .exhaustive();
}

function compileShift(shift: Extract<DayExpr, { kind: "shift" }>): DayFn {
  const base = compileDay(shift.day);
  const days = shift.days ?? 0;
  const months = shift.months ?? 0;
  const toMonthStart = shift.monthStart === true;
  const withMonths = (d: number): number =>
    months !== 0 || toMonthStart ? shiftMonths(d, months, toMonthStart) : d;
  if (shift.daysFact === "election.litigationWindowDays") {
    return (c) => {
      const d = base(c);
      const extra = c.litigationWindowDays();
      return d === undefined || extra === undefined ? undefined : withMonths(d) + days + extra;
    };
  }
  return (c) => {
    const d = base(c);
    return d === undefined ? undefined : withMonths(d) + days;
  };
}

export function compileInstant(expr: InstantExpr): InstantFn {
  return match(expr)
    .with({ kind: "at" }, (): InstantFn => (c) => c.at())
    .with({ kind: "instant" }, ({ fact }): InstantFn => instantAccessors[fact])
    .with({ kind: "dayStart" }, ({ day, time }): InstantFn => {
      const dayFn = compileDay(day);
      const minutes = minuteOfDay(time ?? "00:00");
      return (c) => {
        const d = dayFn(c);
        return d === undefined ? undefined : zoneInstant(c.zone, d, minutes);
      };
    })
    .with({ kind: "dayEnd" }, ({ day }): InstantFn => {
      const dayFn = compileDay(day);
      return (c) => {
        const d = dayFn(c);
        return d === undefined ? undefined : zoneInstant(c.zone, d + 1, 0);
      };
    })
    .exhaustive();
}

function compileRoundWindow(from: RoundOffset, to: RoundOffset): Pred {
  const fromMinutes = minuteOfDay(from.time);
  const toMinutes = minuteOfDay(to.time);
  // zone offsets stay within ±14 h, so the window lies within these bounds around the round day (UTC)
  const earliest = (Math.min(from.days, to.days) - 2) * MS_PER_DAY;
  const latest = (Math.max(from.days, to.days) + 3) * MS_PER_DAY;
  return (c) => {
    const at = c.at();
    for (const day of c.roundDays()) {
      const dayMs = day * MS_PER_DAY;
      if (at < dayMs + earliest || at > dayMs + latest) continue;
      if (
        at >= zoneInstant(c.zone, day + from.days, fromMinutes) &&
        at < zoneInstant(c.zone, day + to.days, toMinutes)
      ) {
        return true;
      }
    }
    return false;
  };
}

function compilePresence(fact: PresenceFact): Pred {
  if (fact in objectAccessors) return objectAccessors[fact as keyof typeof objectAccessors];
  if (fact in listAccessors) {
    const get = listAccessors[fact as ListFact];
    return (c) => get(c).length > 0;
  }
  if (fact in instantAccessors) {
    const get = instantAccessors[fact as InstantFact];
    return (c) => get(c) !== undefined;
  }
  const get = scalarAccessors[fact as ScalarFact];
  if (!get) throw new CompileError(`unknown fact: ${fact}`);
  return (c) => get(c) !== undefined;
}

function scalar(fact: ScalarFact): (c: EvalContext) => unknown {
  const get = scalarAccessors[fact];
  if (!get) throw new CompileError(`unknown fact: ${fact}`);
  return get;
}

function conjunction(parts: Pred[]): Pred {
  const [a, b, c3] = parts;
  if (parts.length === 2 && a && b) return (c) => a(c) && b(c);
  if (parts.length === 3 && a && b && c3) return (c) => a(c) && b(c) && c3(c);
  return (c) => {
    for (let i = 0; i < parts.length; i++) if (!(parts[i] as Pred)(c)) return false;
    return true;
  };
}

function disjunction(parts: Pred[]): Pred {
  const [a, b, c3] = parts;
  if (parts.length === 2 && a && b) return (c) => a(c) || b(c);
  if (parts.length === 3 && a && b && c3) return (c) => a(c) || b(c) || c3(c);
  return (c) => {
    for (let i = 0; i < parts.length; i++) if ((parts[i] as Pred)(c)) return true;
    return false;
  };
}

/** Compiles one predicate tree into a closure. */
export function compileNode(node: Node): Pred {
  return match(node)
    .with({ kind: "and" }, ({ nodes }): Pred => conjunction(nodes.map(compileNode)))
    .with({ kind: "or" }, ({ nodes }): Pred => disjunction(nodes.map(compileNode)))
    .with({ kind: "not" }, ({ node: inner }): Pred => {
      const p = compileNode(inner);
      return (c) => !p(c);
    })
    .with(
      { kind: "const" },
      ({ value }): Pred =>
        () =>
          value,
    )
    .with({ kind: "eq" }, ({ fact, value }): Pred => {
      const get = scalar(fact);
      return (c) => get(c) === value;
    })
    .with({ kind: "in" }, ({ fact, values }): Pred => {
      const get = scalar(fact);
      const set = new Set<unknown>(values);
      return (c) => set.has(get(c));
    })
    .with({ kind: "has" }, ({ fact, values }): Pred => {
      const get = listAccessors[fact];
      if (!get) throw new CompileError(`unknown list fact: ${fact}`);
      return (c) => get(c).some((v: string) => values.includes(v));
    })
    .with({ kind: "cmp" }, ({ fact, op, value }): Pred => {
      const get = scalar(fact);
      const cmp = compareWith(op);
      return (c) => {
        const v = get(c);
        return typeof v === "number" && cmp(v, value);
      };
    })
    .with({ kind: "exists" }, ({ fact }): Pred => compilePresence(fact))
    .with({ kind: "time" }, ({ left, op, right }): Pred => {
      const l = compileInstant(left);
      const r = compileInstant(right);
      const cmp = compareWith(op);
      return (c) => {
        const a = l(c);
        if (a === undefined) return false;
        const b = r(c);
        return b !== undefined && cmp(a, b);
      };
    })
    .with({ kind: "roundWindow" }, ({ from, to }): Pred => compileRoundWindow(from, to))
    .with({ kind: "consent" }, ({ scope, state, mechanisms }): Pred => {
      if (scope === "action") {
        return (c) => {
          const s = c.actionScope();
          return s !== undefined && c.hasConsent(s, state, mechanisms);
        };
      }
      return (c) => c.hasConsent(scope, state, mechanisms);
    })
    .with({ kind: "objection" }, ({ covers }): Pred => compileObjection(covers))
    .with({ kind: "enrichmentSwitch" }, (): Pred => enrichmentSwitchOn)
    .exhaustive();
}

function compileObjection(covers: "action-channel" | "all"): Pred {
  return (c) => {
    const objection = c.facts.contact.objection;
    if (!objection) return false;
    const since = c.objectionInstant();
    if (since === undefined || since > c.at()) return false;
    const { scope } = objection;
    if (scope === "all") return true;
    if (covers === "all") return false;
    const action = c.facts.action;
    if (action.type !== "contact") return false;
    return Array.isArray(scope) ? scope.includes(action.channel) : scope === action.channel;
  };
}

const enrichmentSwitchOn: Pred = (c) => {
  const country = c.contactCountry();
  const switches = c.facts.settings?.enrichment;
  if (!country || !switches) return false;
  const direct = switches[country];
  if (direct !== undefined) return direct;
  for (const [key, on] of Object.entries(switches)) if (normaliseCountry(key) === country) return on;
  return false;
};
