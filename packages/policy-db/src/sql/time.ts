import {
  type CmpOp,
  type DayExpr,
  dayNumber,
  type InstantExpr,
  isoDayOf,
  localDay,
  localInstant,
  type RoundOffset,
  shiftMonths,
} from "@isoloir/policy";
import { type SQL, sql } from "drizzle-orm";
import { match } from "ts-pattern";
import { instantFacts } from "./facts";
import { proclaimedDayOf, type Scope } from "./scope";
import {
  type Cond,
  type Day,
  dayLiteral,
  definite,
  type Inst,
  instantLiteral,
  knownDay,
  knownInst,
  sqlDay,
  sqlInst,
} from "./terms";

// Date arithmetic in the jurisdiction's zone, as the engine does it: folded when the query fixes the
// inputs, else PostgreSQL's own zone arithmetic (`AT TIME ZONE`), which uses the same tz database.

const MS_PER_DAY = 86_400_000;

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

const daySql = (d: Day): SQL =>
  d.known ? (d.day === undefined ? sql`null::date` : dayLiteral(isoDayOf(d.day))) : d.sql;
const instSql = (i: Inst): SQL =>
  i.known ? (i.ms === undefined ? sql`null::timestamptz` : instantLiteral(i.ms)) : i.sql;

/** 00:00 local + `minutes` on a day, as an instant. */
const localStart = (s: Scope, day: SQL, minutes: number): SQL =>
  sql`((${day})::timestamp + make_interval(mins => ${minutes}::int)) at time zone ${s.zone}::text`;

function roundDay(s: Scope, index: number | "first" | "last"): Day {
  if (s.perRow) {
    const i = index === "first" ? sql`1` : index === "last" ? sql`cardinality(e.rounds)` : sql`${index}::int`;
    return sqlDay(sql`e.rounds[${i}]::date`);
  }
  const rounds = (s.election?.rounds ?? []).map(dayNumber);
  return knownDay(index === "first" ? rounds[0] : index === "last" ? rounds.at(-1) : rounds[index - 1]);
}

function shiftDay(s: Scope, shift: Extract<DayExpr, { kind: "shift" }>): Day {
  const base = dayExpr(s, shift.day);
  const days = shift.days ?? 0;
  const months = shift.months ?? 0;
  const monthStart = shift.monthStart === true;
  const useWindow = shift.daysFact === "election.litigationWindowDays";
  const window = s.perRow ? undefined : s.election?.litigationWindowDays;
  if (base.known && (!useWindow || !s.perRow)) {
    if (base.day === undefined || (useWindow && window === undefined)) return knownDay(undefined);
    const moved = months !== 0 || monthStart ? shiftMonths(base.day, months, monthStart) : base.day;
    return knownDay(moved + days + (useWindow ? (window ?? 0) : 0));
  }
  let expr = daySql(base);
  if (months !== 0 || monthStart) {
    const moved = sql`(${expr} + make_interval(months => ${months}::int))`;
    expr = monthStart ? sql`date_trunc('month', ${moved})::date` : sql`${moved}::date`;
  }
  if (days !== 0) expr = sql`(${expr} + ${days}::int)`;
  if (useWindow) expr = sql`(${expr} + e.litigation_window_days)`;
  return sqlDay(expr);
}

export function dayExpr(s: Scope, expr: DayExpr): Day {
  return match(expr)
    .with({ kind: "dayOf" }, ({ fact }): Day => {
      const i = instantFacts[fact](s);
      if (i.known) return knownDay(i.ms === undefined ? undefined : localDay(s.zone, i.ms));
      return sqlDay(sql`(${i.sql} at time zone ${s.zone}::text)::date`);
    })
    .with({ kind: "round" }, ({ index }) => roundDay(s, index))
    .with({ kind: "proclaimed" }, (): Day => {
      if (s.perRow) return sqlDay(sql`e.results_proclaimed_at`);
      return knownDay(s.election ? proclaimedDayOf(s.election) : undefined);
    })
    .with({ kind: "date" }, ({ value }) => knownDay(dayNumber(value)))
    .with({ kind: "shift" }, (shift) => shiftDay(s, shift))
    .exhaustive();
}

export function instantExpr(s: Scope, expr: InstantExpr): Inst {
  return match(expr)
    .with({ kind: "at" }, () => knownInst(s.atMs))
    .with({ kind: "instant" }, ({ fact }) => instantFacts[fact](s))
    .with({ kind: "dayStart" }, ({ day, time }) => startOfDay(s, dayExpr(s, day), minutesOf(time ?? "00:00")))
    .with({ kind: "dayEnd" }, ({ day }) => {
      const d = dayExpr(s, day);
      return startOfDay(
        s,
        d.known ? knownDay(d.day === undefined ? undefined : d.day + 1) : sqlDay(sql`(${d.sql} + 1)`),
        0,
      );
    })
    .exhaustive();
}

function startOfDay(s: Scope, d: Day, minutes: number): Inst {
  if (d.known) return knownInst(d.day === undefined ? undefined : localInstant(s.zone, d.day, minutes));
  return sqlInst(localStart(s, d.sql, minutes));
}

const ops: Record<CmpOp, (a: number, b: number) => boolean> = {
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
};

export const sqlOp = (op: CmpOp): SQL => sql.raw(op);

export function compareInstants(s: Scope, left: InstantExpr, op: CmpOp, right: InstantExpr): Cond {
  const l = instantExpr(s, left);
  const r = instantExpr(s, right);
  if (l.known && r.known) return l.ms !== undefined && r.ms !== undefined && ops[op](l.ms, r.ms);
  if ((l.known && l.ms === undefined) || (r.known && r.ms === undefined)) return false;
  return definite(sql`(${instSql(l)} ${sqlOp(op)} ${instSql(r)})`);
}

/** `at` lies in [round + from, round + to) for some round of the election. */
export function roundWindow(s: Scope, from: RoundOffset, to: RoundOffset): Cond {
  const fromMinutes = minutesOf(from.time);
  const toMinutes = minutesOf(to.time);
  if (!s.perRow) {
    return (s.election?.rounds ?? [])
      .map(dayNumber)
      .some(
        (day) =>
          s.atMs >= localInstant(s.zone, day + from.days, fromMinutes) &&
          s.atMs < localInstant(s.zone, day + to.days, toMinutes),
      );
  }
  const at = instantLiteral(s.atMs);
  const start = localStart(s, sql`(r.d + ${from.days}::int)`, fromMinutes);
  const end = localStart(s, sql`(r.d + ${to.days}::int)`, toMinutes);
  return sql`exists (select 1 from unnest(e.rounds) as r(d) where ${at} >= ${start} and ${at} < ${end})`;
}

export { MS_PER_DAY };
