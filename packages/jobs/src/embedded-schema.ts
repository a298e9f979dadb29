import type { Db } from "@isoloir/db";
import { sql } from "drizzle-orm";

/** Schema of the embedded queue (and of the pg-boss driver's side table). Not part of the app migrations. */
export const jobsSchema = "isoloir_jobs";

// Serialises concurrent first starts (several processes on one PostgreSQL server).
const schemaLockKey = 7_261_935;

const statements = [
  sql`create schema if not exists isoloir_jobs`,
  sql`create table if not exists isoloir_jobs.jobs (
    id uuid primary key,
    queue text not null,
    state text not null default 'created',
    data jsonb not null,
    output jsonb,
    error text,
    singleton_key text,
    retry_limit integer not null,
    retry_count integer not null default 0,
    retry_delay_seconds integer not null,
    retry_backoff boolean not null,
    expire_in_seconds integer not null,
    start_after timestamptz not null default now(),
    run_id uuid,
    progress jsonb,
    created_at timestamptz not null default now(),
    started_at timestamptz,
    completed_at timestamptz,
    constraint jobs_state_check
      check (state in ('created', 'retry', 'active', 'completed', 'cancelled', 'failed'))
  )`,
  // idempotent sends: one open job per queue and key
  sql`create unique index if not exists jobs_singleton_idx on isoloir_jobs.jobs (queue, singleton_key)
    where singleton_key is not null and state in ('created', 'retry', 'active')`,
  sql`create index if not exists jobs_due_idx on isoloir_jobs.jobs (queue, start_after)
    where state in ('created', 'retry')`,
  sql`create index if not exists jobs_active_idx on isoloir_jobs.jobs (started_at) where state = 'active'`,
  sql`create index if not exists jobs_queue_created_idx on isoloir_jobs.jobs (queue, created_at)`,
  sql`create index if not exists jobs_finished_idx on isoloir_jobs.jobs (completed_at)
    where state in ('completed', 'cancelled', 'failed')`,
];

/** Creates the embedded queue's schema if missing; safe to run at every start, from several processes. */
export async function ensureEmbeddedSchema(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${schemaLockKey})`);
    for (const statement of statements) await tx.execute(statement);
  });
}
