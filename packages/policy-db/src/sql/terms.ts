import { type SQL, sql } from "drizzle-orm";

// The SQL backend folds what a query fixes (organisation, action, `at`, an election chosen by `at`)
// into constants, and leaves only per-row facts as SQL. Every SQL condition built here is two-valued:
// absent facts compare false, never NULL, so NOT keeps its meaning.

/** A condition: known at compile time, or a SQL boolean that is never NULL. */
export type Cond = boolean | SQL;

export type SqlType = "text" | "int" | "bool";

/** A scalar: known (undefined = absent), or a SQL expression of a type (NULL = absent). */
export type Val = { known: true; value: unknown } | { known: false; sql: SQL; type: SqlType };

/** A point in time (epoch ms) or a SQL timestamptz; a day (day number) or a SQL date. NULL = absent. */
export type Inst = { known: true; ms: number | undefined } | { known: false; sql: SQL };
export type Day = { known: true; day: number | undefined } | { known: false; sql: SQL };

export const known = (value: unknown): Val => ({ known: true, value });
export const column = (expr: SQL, type: SqlType): Val => ({ known: false, sql: expr, type });
export const knownInst = (ms: number | undefined): Inst => ({ known: true, ms });
export const sqlInst = (expr: SQL): Inst => ({ known: false, sql: expr });
export const knownDay = (day: number | undefined): Day => ({ known: true, day });
export const sqlDay = (expr: SQL): Day => ({ known: false, sql: expr });

export const toSql = (c: Cond): SQL => (c === true ? sql`true` : c === false ? sql`false` : c);

/** `expr` as a never-NULL condition. */
export const definite = (expr: SQL): SQL => sql`coalesce(${expr}, false)`;

export function allOf(parts: Cond[]): Cond {
  const rest: SQL[] = [];
  for (const p of parts) {
    if (p === false) return false;
    if (p !== true) rest.push(p);
  }
  if (rest.length === 0) return true;
  return rest.length === 1 && rest[0] ? rest[0] : sql`(${sql.join(rest, sql` and `)})`;
}

export function anyOf(parts: Cond[]): Cond {
  const rest: SQL[] = [];
  for (const p of parts) {
    if (p === true) return true;
    if (p !== false) rest.push(p);
  }
  if (rest.length === 0) return false;
  return rest.length === 1 && rest[0] ? rest[0] : sql`(${sql.join(rest, sql` or `)})`;
}

export const negate = (c: Cond): Cond => (typeof c === "boolean" ? !c : sql`(not ${c})`);

/** A typed literal, or undefined when the value cannot have the SQL type (it then never matches). */
export function literal(value: unknown, type: SqlType): SQL | undefined {
  if (type === "text") return typeof value === "string" ? sql`${value}::text` : undefined;
  if (type === "int") return Number.isInteger(value) ? sql`${value}::int` : undefined;
  return typeof value === "boolean" ? (value ? sql`true` : sql`false`) : undefined;
}

export const textList = (values: readonly string[]): SQL =>
  sql`(${sql.join(
    values.map((v) => sql`${v}::text`),
    sql`, `,
  )})`;

export const instantLiteral = (ms: number): SQL => sql`${new Date(ms).toISOString()}::timestamptz`;
export const dayLiteral = (isoDay: string): SQL => sql`${isoDay}::date`;
