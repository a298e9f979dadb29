import { granularities, sourceKinds } from "@isoloir/db";
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";

const instant = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}(T.+)?$/.test(v) && !Number.isNaN(Date.parse(v)), {
    message: "expected a date (YYYY-MM-DD) or an ISO 8601 date-time",
  });

/**
 * What an operator may narrow a plan to. A scope is never a reason: it only restricts the rows the
 * plan's reasons take. Dates are on `collected_at`; a date alone is a whole UTC day (`to` included).
 */
export const PlanScope = z
  .object({
    /** an import batch: provenance rows collected by that import */
    importId: z.string().trim().min(1).max(200).optional(),
    /** source kinds */
    sources: z.array(z.enum(sourceKinds)).min(1).optional(),
    from: instant.optional(),
    to: instant.optional(),
    /** a provider: provenance rows a provider brought (collector kind `provider`) */
    provider: z.string().trim().min(1).max(80).optional(),
  })
  .strict()
  .refine(
    (s) => {
      const { from, to } = bounds(s);
      return !from || !to || from < to;
    },
    { message: "from must be before to", path: ["to"] },
  );
export type PlanScope = z.infer<typeof PlanScope>;

export const Granularity = z.enum(granularities);
export type Granularity = z.infer<typeof Granularity>;

const DAY = 86_400_000;
const dateOnly = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The scope's instants: `from` inclusive, `to` exclusive (a date-only `to` includes its whole day). */
export function bounds(scope: { from?: string; to?: string }): { from?: Date; to?: Date } {
  const from = scope.from
    ? new Date(dateOnly(scope.from) ? `${scope.from}T00:00:00Z` : scope.from)
    : undefined;
  const to = scope.to
    ? dateOnly(scope.to)
      ? new Date(Date.parse(`${scope.to}T00:00:00Z`) + DAY)
      : new Date(Date.parse(scope.to) + 1)
    : undefined;
  return { from, to };
}

/** The scope as a condition on the provenance row `p`. */
export function scopeSql(scope: PlanScope): SQL {
  const parts: SQL[] = [];
  if (scope.importId) parts.push(sql`(p.collector_kind = 'import' and p.collector_ref = ${scope.importId})`);
  if (scope.provider)
    parts.push(sql`(p.collector_kind = 'provider' and p.collector_ref = ${scope.provider})`);
  if (scope.sources)
    parts.push(
      sql`p.source::text in (${sql.join(
        scope.sources.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  const { from, to } = bounds(scope);
  if (from) parts.push(sql`p.collected_at >= ${from.toISOString()}::timestamptz`);
  if (to) parts.push(sql`p.collected_at < ${to.toISOString()}::timestamptz`);
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);
}

/** Enrichment-derived data: social lookups, or rows that brought a social profile. */
export const derivedRowSql = sql`(p.source = 'social_enrichment_lookup' or 'social_profile' = any(p.data_categories))`;

/** `--granularity derived`: only enrichment-derived rows may be taken; `auto`: any. */
export const granularitySql = (granularity: Granularity): SQL =>
  granularity === "derived" ? derivedRowSql : sql`true`;

/** A plan's SHA-256 hash, hex: what an approver reviewed, or what a plan file carries. */
export const PlanHash = z.string().regex(/^[0-9a-f]{64}$/, "a plan hash is 64 hex characters");
