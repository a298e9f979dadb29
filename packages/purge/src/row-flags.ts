import { type SQL, sql } from "drizzle-orm";
import type { EngineConditions } from "./engine-conditions";
import type { RowAction } from "./reasons";
import { type Granularity, granularitySql, type PlanScope, scopeSql } from "./scope";

/**
 * A plan's decision per provenance row, in two layers so every engine condition is evaluated once per
 * row: `select` computes one boolean column per condition, the expressions combine those columns.
 * A row is taken when one of the plan's reasons denies it and no rule of that action escalates it;
 * an escalated row the reasons would take (or whose decision is escalate) needs a human instead.
 */
export interface RowFlags {
  /**
   * `select pid, cid, <flags> from <rows> and <scope> and <extra> offset 0` — the offset keeps
   * PostgreSQL from pulling the subquery up and evaluating each condition again in the outer filter
   */
  select: (extra?: SQL) => SQL;
  target: SQL;
  /** the first reason (fixed order) that takes the row, and its first rule id */
  reason: SQL;
  rule: SQL;
  /** every rule id of the plan's reasons that takes the row */
  ruleIds: SQL;
  review: SQL;
  /** the escalating rule ids of a row that needs a human */
  reviewIds: SQL;
}

const col = (name: string) => sql.raw(name);
const any = (parts: SQL[]): SQL => (parts.length === 0 ? sql`false` : sql`(${sql.join(parts, sql` or `)})`);
const textArray = (items: SQL[]): SQL =>
  items.length === 0
    ? sql`'{}'::text[]`
    : sql`array_remove(array[${sql.join(items, sql`, `)}]::text[], null)`;

export function rowFlags(engine: EngineConditions, scope: PlanScope, granularity: Granularity): RowFlags {
  const refs = engine.refs.flatMap((r, i) =>
    r.when === false ? [] : [{ ...r, when: r.when, column: `f${i}` }],
  );
  const escalations = engine.actions.flatMap((action) =>
    engine.escalate[action].map((e, j) => ({
      action,
      ruleId: e.ruleId,
      when: e.when,
      column: `e_${action}_${j}`,
    })),
  );
  const escalated = (action: RowAction) =>
    any(escalations.filter((e) => e.action === action).map((e) => col(e.column)));
  const taken = refs.map((r) => ({
    ...r,
    taken: sql`(${col(r.column)} and not ${escalated(r.ref.action)})`,
  }));
  const target = any(taken.map((t) => t.taken));
  const denied = (action: RowAction) =>
    any(refs.filter((r) => r.ref.action === action).map((r) => col(r.column)));
  // escalations count where the reasons would take the row, or where the engine does not deny it at all
  const reviewable = (action: RowAction) => sql`(${denied(action)} or not ${col(`d_${action}`)})`;
  const flagColumns = [
    ...refs.map((r) => sql`${r.when} as ${col(r.column)}`),
    ...escalations.map((e) => sql`${e.when} as ${col(e.column)}`),
    ...engine.actions.map((a) => sql`${engine.deny[a]} as ${col(`d_${a}`)}`),
  ];
  const filter = sql`(${scopeSql(scope)}) and (${granularitySql(granularity)})`;
  const caseOf = (value: (t: (typeof taken)[number]) => string) =>
    taken.length === 0
      ? sql`null::text`
      : sql`(case ${sql.join(
          taken.map((t) => sql`when ${t.taken} then ${value(t)}::text`),
          sql` `,
        )} end)`;
  return {
    select: (extra) =>
      sql`select p.id as pid, c.id as cid${flagColumns.length > 0 ? sql`, ${sql.join(flagColumns, sql`, `)}` : sql``}
        from ${engine.rows} and ${filter}${extra ? sql` and (${extra})` : sql``}
        offset 0`,
    target,
    reason: caseOf((t) => t.reason),
    rule: caseOf((t) => t.ref.ruleId),
    ruleIds: textArray(taken.map((t) => sql`case when ${t.taken} then ${t.ref.ruleId}::text end`)),
    review: sql`(not ${target} and ${any(engine.actions.map((a) => sql`(${escalated(a)} and ${reviewable(a)})`))})`,
    reviewIds: textArray(
      escalations.map(
        (e) => sql`case when ${col(e.column)} and ${reviewable(e.action)} then ${e.ruleId}::text end`,
      ),
    ),
  };
}

/**
 * The conditions compile to one very large expression tree; PostgreSQL's JIT would spend a minute
 * compiling it for a query that runs in a second. Every transaction that evaluates them turns it off.
 */
export const withoutJit = sql`set local jit = off`;
