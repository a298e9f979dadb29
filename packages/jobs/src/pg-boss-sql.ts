import type pg from "pg";

/**
 * SQL of the pg-boss driver. pg-boss 10 has no progress, no lookup by id alone and no listing, so:
 * - isoloir_jobs.boss_jobs maps a job id to its queue and holds its progress (the UI polls it);
 * - listing, run states and singleton checks read pg-boss 10's own `job` and `archive` tables
 *   (schema version 24), which is why pg-boss is pinned exactly.
 */

const metaLockKey = 7_261_936;

const metaStatements = [
  "create schema if not exists isoloir_jobs",
  `create table if not exists isoloir_jobs.boss_jobs (
    id uuid primary key,
    queue text not null,
    progress jsonb,
    created_at timestamptz not null default now()
  )`,
  "create index if not exists boss_jobs_created_idx on isoloir_jobs.boss_jobs (created_at)",
];

/** Runs `work` in one transaction on one pooled connection. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    const result = await work(client);
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Creates isoloir_jobs.boss_jobs if missing, under a lock so concurrent first starts are safe. */
export async function ensureBossMeta(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query("select pg_advisory_xact_lock($1)", [metaLockKey]);
    for (const statement of metaStatements) await client.query(statement);
  });
}

/** A schema name goes into SQL text, so it is checked strictly. */
export function assertSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,49}$/.test(schema)) throw new Error(`invalid pg-boss schema name ${schema}`);
  return schema;
}

export function bossQueries(schema: string) {
  const columns = `j.id, j.name, j.state::text as state, j.data, j.output, j.retry_count, m.progress,
    j.created_on, j.started_on, j.completed_on`;
  const byId = (table: string) => `select ${columns} from ${schema}.${table} j
    left join isoloir_jobs.boss_jobs m on m.id = j.id where j.name = $1 and j.id = $2`;
  return {
    queueOf: "select queue from isoloir_jobs.boss_jobs where id = $1",
    /** live table first, then pg-boss's archive (completed jobs move there after a week) */
    getJob: `(${byId("job")}) union all (${byId("archive")}) limit 1`,
    listJobs: `select ${columns} from ${schema}.job j left join isoloir_jobs.boss_jobs m on m.id = j.id
      where j.name = $1 and ($2::text[] is null or j.state::text = any($2::text[]))
        and ($4::text is null or j.singleton_key = $4)
      order by j.created_on desc, j.id desc limit $3`,
    openSingleton: `select id from ${schema}.job
      where name = $1 and singleton_key = $2 and state < 'completed' limit 1`,
    /** pg-boss's fail() also acts on created and retry jobs; we only fail a job still active */
    lockActive: `select 1 from ${schema}.job where name = $1 and id = $2 and state = 'active' for update`,
    runStates: `select id, state::text as state from ${schema}.job where name = $1 and id = any($2::uuid[])`,
    insertMeta: "insert into isoloir_jobs.boss_jobs (id, queue) values ($1, $2)",
    setProgress: "update isoloir_jobs.boss_jobs set progress = $2::jsonb where id = $1",
    pruneMeta: "delete from isoloir_jobs.boss_jobs where created_at < now() - interval '60 days'",
    singletonLock: "select pg_advisory_xact_lock(hashtextextended($1, 0))",
  };
}
