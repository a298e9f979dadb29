import { randomUUID } from "node:crypto";
import { type Db, rows } from "@isoloir/db";
import { type SQL, sql } from "drizzle-orm";
import type { ClaimedJob, JobBackend, RunStatus } from "./backend";
import { ensureEmbeddedSchema } from "./embedded-schema";
import { JobError } from "./errors";
import { type ListJobsOptions, type SendOptions, toJson } from "./options";
import { type EmbeddedRow, embeddedRecord } from "./records";
import type { JobData, JobProgress } from "./types";

/** Finished jobs are deleted after this long. */
const retentionDays = 30;

const retryDelay = sql`(case when retry_backoff
    then greatest(retry_delay_seconds, 1) * power(2, least(16, retry_count)) * (1 + random())
    else retry_delay_seconds end) * interval '1 second'`;

/** Retry after the delay while retries remain, else failed; always releases the run. */
function failSet(message: SQL): SQL {
  return sql`state = case when retry_count < retry_limit then 'retry' else 'failed' end,
    error = ${message},
    run_id = null,
    start_after = case when retry_count < retry_limit then now() + ${retryDelay} else start_after end,
    completed_at = case when retry_count < retry_limit then null else now() end`;
}

function startAfterSql(startAfter: Date | number | undefined): SQL {
  if (startAfter instanceof Date) return sql`${startAfter.toISOString()}::timestamptz`;
  if (typeof startAfter === "number")
    return sql`now() + ${startAfter}::double precision * interval '1 second'`;
  return sql`now()`;
}

async function insertJob(
  db: Db,
  queue: string,
  data: JobData,
  options: SendOptions,
): Promise<string | undefined> {
  const inserted = await rows<{ id: string }>(
    db,
    sql`insert into isoloir_jobs.jobs (id, queue, data, singleton_key, retry_limit, retry_delay_seconds,
        retry_backoff, expire_in_seconds, start_after)
      values (${randomUUID()}, ${queue}, ${toJson(data)}::jsonb, ${options.singletonKey ?? null},
        ${options.retryLimit}, ${options.retryDelaySeconds}, ${options.retryBackoff}, ${options.expireInSeconds},
        ${startAfterSql(options.startAfter)})
      on conflict do nothing
      returning id`,
  );
  return inserted[0]?.id;
}

/** Inserts, or for a singleton key that already has an open job, returns that job's id. */
async function send(db: Db, queue: string, data: JobData, options: SendOptions): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = await insertJob(db, queue, data, options);
    if (id) return id;
    const open = await rows<{ id: string }>(
      db,
      sql`select id from isoloir_jobs.jobs where queue = ${queue} and singleton_key = ${options.singletonKey ?? null}
        and state in ('created', 'retry', 'active') limit 1`,
    );
    if (open[0]) return open[0].id;
  }
  throw new JobError("send_failed", `could not send to ${queue}: singleton key kept changing hands`);
}

async function claim(db: Db, queue: string, limit: number): Promise<ClaimedJob[]> {
  const claimed = await rows<{
    id: string;
    data: unknown;
    retry_count: number;
    expire_in_seconds: number;
    run_id: string;
  }>(
    db,
    sql`update isoloir_jobs.jobs set state = 'active', started_at = now(), run_id = gen_random_uuid(),
        retry_count = case when started_at is null then retry_count else retry_count + 1 end
      where id in (
        select id from isoloir_jobs.jobs
        where queue = ${queue} and state in ('created', 'retry') and start_after <= now()
        order by start_after, created_at, id
        limit ${limit}
        for update skip locked)
      returning id, data, retry_count, expire_in_seconds, run_id`,
  );
  return claimed.map((row) => ({
    id: row.id,
    queue,
    data: row.data,
    retryCount: row.retry_count,
    expireInSeconds: row.expire_in_seconds,
    runId: row.run_id,
  }));
}

async function runStatuses(db: Db, jobs: ClaimedJob[]): Promise<Map<string, RunStatus>> {
  const ids = jobs.map((job) => job.id);
  const current = await rows<{ id: string; state: string; run_id: string | null }>(
    db,
    sql`select id, state, run_id from isoloir_jobs.jobs where id in ${ids}`,
  );
  const byId = new Map(current.map((row) => [row.id, row]));
  const statuses = new Map<string, RunStatus>();
  for (const job of jobs) {
    const row = byId.get(job.id);
    if (row?.state === "cancelled") statuses.set(job.id, "cancelled");
    else if (row?.state !== "active" || row.run_id !== job.runId) statuses.set(job.id, "lost");
  }
  return statuses;
}

/** Active jobs past their expiry (a crashed or stuck worker) go to retry or failed; old finished jobs go. */
async function maintain(db: Db): Promise<void> {
  const message = sql`'job expired after ' || expire_in_seconds || ' s in active state'`;
  await db.execute(
    sql`update isoloir_jobs.jobs set ${failSet(message)}
      where state = 'active' and started_at + expire_in_seconds * interval '1 second' < now()`,
  );
  await db.execute(
    sql`delete from isoloir_jobs.jobs where state in ('completed', 'cancelled', 'failed')
      and completed_at < now() - ${sql.raw(`interval '${retentionDays} days'`)}`,
  );
}

async function list(db: Db, queue: string, options: ListJobsOptions) {
  const states = options.states?.length ? sql`and state in ${options.states}` : sql``;
  const key = options.singletonKey === undefined ? sql`` : sql`and singleton_key = ${options.singletonKey}`;
  const found = await rows<EmbeddedRow>(
    db,
    sql`select * from isoloir_jobs.jobs where queue = ${queue} ${states} ${key}
      order by created_at desc, id desc limit ${options.limit}`,
  );
  return found.map(embeddedRecord);
}

async function getJob(db: Db, id: string) {
  const found = await rows<EmbeddedRow>(db, sql`select * from isoloir_jobs.jobs where id = ${id}`);
  return found[0] && embeddedRecord(found[0]);
}

async function cancel(db: Db, id: string): Promise<boolean> {
  const cancelled = await rows<{ id: string }>(
    db,
    sql`update isoloir_jobs.jobs set state = 'cancelled', completed_at = now(), run_id = null
      where id = ${id} and state in ('created', 'retry', 'active') returning id`,
  );
  return cancelled.length > 0;
}

/** Only the job's current run may store a result, a failure or progress. */
const thisRun = (job: ClaimedJob) => sql`id = ${job.id} and run_id = ${job.runId} and state = 'active'`;

/**
 * The table-backed queue in schema isoloir_jobs, on the app's own drizzle handle: PGlite in embedded
 * mode (single process, no socket bridge), and it runs on PostgreSQL too.
 */
export async function embeddedBackend(db: Db): Promise<JobBackend> {
  await ensureEmbeddedSchema(db);
  return {
    driver: "embedded",
    prepareQueue: async () => undefined,
    send: (queue, data, options) => send(db, queue, data, options),
    getJob: (id) => getJob(db, id),
    listJobs: (queue, options) => list(db, queue, options),
    cancel: (id) => cancel(db, id),
    claim: (queue, limit) => claim(db, queue, limit),
    complete: async (job, outputJson) => {
      await db.execute(sql`update isoloir_jobs.jobs set state = 'completed', output = ${outputJson}::jsonb,
        error = null, completed_at = now(), run_id = null where ${thisRun(job)}`);
    },
    fail: async (job, message) => {
      await db.execute(sql`update isoloir_jobs.jobs set ${failSet(sql`${message}`)} where ${thisRun(job)}`);
    },
    runStatuses: (_queue, jobs) => runStatuses(db, jobs),
    setProgress: async (job, progress: JobProgress) => {
      await db.execute(
        sql`update isoloir_jobs.jobs set progress = ${toJson(progress)}::jsonb where ${thisRun(job)}`,
      );
    },
    maintain: () => maintain(db),
    close: async () => undefined,
  };
}
