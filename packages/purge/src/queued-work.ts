import { type Db, rows } from "@isoloir/db";
import { type SQL, sql } from "drizzle-orm";

/**
 * Queued outbound work for people a batch erases: pending enrichment jobs (`enrichment-run`, data
 * `{ orgId, contactIds }`) lose those ids in the batch's own transaction, and a job left with none is
 * cancelled. Both queue drivers keep jobs in this database (`packages/jobs` README): the embedded
 * queue in `isoloir_jobs.jobs`, pg-boss in `isoloir_boss.job`. A job already running is not edited:
 * the enrichment gate runs before every call and refuses a contact that is gone (`contact_gone`).
 */
export const enrichmentQueue = "enrichment-run";

interface QueueTable {
  table: SQL;
  queueColumn: SQL;
  pending: SQL;
  cancel: SQL;
}

const queueTables: Record<"embedded" | "pgBoss", QueueTable & { regclass: string }> = {
  embedded: {
    regclass: "isoloir_jobs.jobs",
    table: sql`isoloir_jobs.jobs`,
    queueColumn: sql`queue`,
    pending: sql`state in ('created', 'retry')`,
    cancel: sql`state = 'cancelled', completed_at = now()`,
  },
  pgBoss: {
    regclass: "isoloir_boss.job",
    table: sql`isoloir_boss.job`,
    queueColumn: sql`name`,
    pending: sql`state in ('created', 'retry')`,
    cancel: sql`state = 'cancelled', completed_on = now()`,
  },
};

export type QueueTables = (keyof typeof queueTables)[];

/** Which queue tables exist in this database and this role may edit (checked once per run). */
export async function presentQueueTables(db: Db): Promise<QueueTables> {
  const usable = (name: string) => sql`coalesce(has_table_privilege(to_regclass(${name}), 'UPDATE'), false)`;
  const [row] = await rows<{ embedded: boolean; boss: boolean }>(
    db,
    sql`select
    ${usable(queueTables.embedded.regclass)} as embedded, ${usable(queueTables.pgBoss.regclass)} as boss`,
  );
  return [...(row?.embedded ? (["embedded"] as const) : []), ...(row?.boss ? (["pgBoss"] as const) : [])];
}

/** Removes `erased` (a SQL list of contact ids as text) from pending enrichment jobs; returns jobs touched. */
export async function scrubQueuedWork(
  tx: Db,
  orgId: string,
  erased: SQL,
  present: QueueTables,
): Promise<number> {
  let touched = 0;
  for (const name of present) {
    const q = queueTables[name];
    const mine = sql`${q.queueColumn} = ${enrichmentQueue} and ${q.pending} and data->>'orgId' = ${orgId}`;
    const edited = await rows<{ id: string }>(
      tx,
      sql`
      update ${q.table} set data = jsonb_set(data, '{contactIds}', coalesce((
        select jsonb_agg(x) from jsonb_array_elements_text(data->'contactIds') x where x not in (${erased})), '[]'::jsonb))
      where ${mine} and exists (select 1 from jsonb_array_elements_text(data->'contactIds') x where x in (${erased}))
      returning id`,
    );
    await tx.execute(sql`update ${q.table} set ${q.cancel}
      where ${mine} and jsonb_typeof(data->'contactIds') = 'array' and jsonb_array_length(data->'contactIds') = 0`);
    touched += edited.length;
  }
  return touched;
}
