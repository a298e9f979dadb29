import pg from "pg";
import PgBoss from "pg-boss";
import type { ClaimedJob, JobBackend, RunStatus } from "./backend";
import { JobError } from "./errors";
import { type SendOptions, toJson } from "./options";
import { assertSchemaName, bossQueries, ensureBossMeta, inTransaction } from "./pg-boss-sql";
import { type BossRow, bossRecord } from "./records";
import type { JobData } from "./types";

export interface PgBossDriverOptions {
  connectionString: string;
  /** schema of pg-boss's own tables (default isoloir_boss) */
  schema?: string;
  /** connections in this instance's pool (default 10) */
  poolSize?: number;
  /** how often pg-boss expires stuck active jobs and archives finished ones (default 60) */
  maintenanceIntervalSeconds?: number;
  onError?: (error: unknown) => void;
}

type Queries = ReturnType<typeof bossQueries>;
type Executor = { executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> };

interface BossContext {
  pool: pg.Pool;
  boss: PgBoss;
  q: Queries;
}

function executor(client: pg.Pool | pg.PoolClient): Executor {
  return { executeSql: (text, values) => client.query(text, values) };
}

function bossSendOptions(options: SendOptions, db: Executor): PgBoss.SendOptions {
  return {
    singletonKey: options.singletonKey,
    retryLimit: options.retryLimit,
    retryDelay: options.retryDelaySeconds,
    retryBackoff: options.retryBackoff,
    expireInSeconds: options.expireInSeconds,
    startAfter: options.startAfter,
    db,
  };
}

/**
 * One transaction: for a singleton key, a per-key advisory lock and a look for an open job (so the
 * answer is exact across processes), then pg-boss's insert and our side row.
 */
function send(ctx: BossContext, queue: string, data: JobData, options: SendOptions): Promise<string> {
  const { boss, q } = ctx;
  return inTransaction(ctx.pool, async (client) => {
    if (options.singletonKey) {
      // queue names have no "/", so queue/key is unambiguous
      await client.query(q.singletonLock, [`${queue}/${options.singletonKey}`]);
      const open = await client.query<{ id: string }>(q.openSingleton, [queue, options.singletonKey]);
      if (open.rows[0]) return open.rows[0].id;
    }
    const id = await boss.send(queue, data, bossSendOptions(options, executor(client)));
    if (!id) throw new JobError("send_failed", `pg-boss refused a job for queue ${queue}`);
    await client.query(q.insertMeta, [id, queue]);
    return id;
  });
}

/** Retry or failed, only while the job is still active (not already expired, cancelled or retried). */
function fail(ctx: BossContext, job: ClaimedJob, message: string): Promise<void> {
  return inTransaction(ctx.pool, async (client) => {
    const active = await client.query(ctx.q.lockActive, [job.queue, job.id]);
    if (active.rowCount) await ctx.boss.fail(job.queue, job.id, { error: message }, { db: executor(client) });
  });
}

async function claim(boss: PgBoss, queue: string, limit: number): Promise<ClaimedJob[]> {
  const jobs = await boss.fetch<unknown>(queue, { batchSize: limit, includeMetadata: true });
  return jobs.map((job) => ({
    id: job.id,
    queue,
    data: job.data,
    retryCount: job.retryCount,
    expireInSeconds: Number(job.expireInSeconds),
    runId: job.id,
  }));
}

async function runStatuses(pool: pg.Pool, q: Queries, queue: string, jobs: ClaimedJob[]) {
  const ids = jobs.map((job) => job.id);
  const current = await pool.query<{ id: string; state: string }>(q.runStates, [queue, ids]);
  const states = new Map(current.rows.map((row) => [row.id, row.state]));
  const statuses = new Map<string, RunStatus>();
  for (const id of ids) {
    const state = states.get(id);
    if (state === "cancelled") statuses.set(id, "cancelled");
    else if (state !== "active") statuses.set(id, "lost");
  }
  return statuses;
}

async function queueOf({ pool, q }: BossContext, id: string): Promise<string | undefined> {
  const found = await pool.query<{ queue: string }>(q.queueOf, [id]);
  return found.rows[0]?.queue;
}

async function getJob(ctx: BossContext, id: string) {
  const queue = await queueOf(ctx, id);
  if (!queue) return undefined;
  const found = await ctx.pool.query<BossRow>(ctx.q.getJob, [queue, id]);
  return found.rows[0] && bossRecord(found.rows[0]);
}

async function cancel(ctx: BossContext, id: string): Promise<boolean> {
  const queue = await queueOf(ctx, id);
  if (!queue) return false;
  // pg-boss 10 resolves { jobs, requested, affected } although its types say void: read it as unknown
  const result: unknown = await ctx.boss.cancel(queue, id);
  return (
    typeof result === "object" &&
    result !== null &&
    "affected" in result &&
    typeof result.affected === "number" &&
    result.affected > 0
  );
}

function backendOf(ctx: BossContext): JobBackend {
  const { pool, boss, q } = ctx;
  return {
    driver: "pg-boss",
    prepareQueue: (queue) => boss.createQueue(queue, { name: queue, policy: "standard" }),
    send: (queue, data, options) => send(ctx, queue, data, options),
    getJob: (id) => getJob(ctx, id),
    listJobs: async (queue, { states, limit, singletonKey }) => {
      const found = await pool.query<BossRow>(q.listJobs, [
        queue,
        states?.length ? states : null,
        limit,
        singletonKey ?? null,
      ]);
      return found.rows.map(bossRecord);
    },
    cancel: (id) => cancel(ctx, id),
    claim: (queue, limit) => claim(boss, queue, limit),
    complete: async (job, outputJson) => {
      await boss.complete(job.queue, job.id, { value: JSON.parse(outputJson) as unknown });
    },
    fail: (job, message) => fail(ctx, job, message),
    runStatuses: (queue, jobs) => runStatuses(pool, q, queue, jobs),
    setProgress: async (job, progress) => {
      await pool.query(q.setProgress, [job.id, toJson(progress)]);
    },
    close: async () => {
      await boss.stop({ graceful: false, close: false, wait: true });
      await pool.end();
    },
  };
}

async function startBoss(pool: pg.Pool, options: PgBossDriverOptions, schema: string): Promise<PgBoss> {
  const boss = new PgBoss({
    db: executor(pool),
    schema,
    migrate: true,
    supervise: true,
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    // completed jobs stay listable for a week, then sit in pg-boss's archive for 30 days
    archiveCompletedAfterSeconds: 7 * 86_400,
    deleteAfterDays: 30,
  });
  boss.on("error", options.onError ?? (() => undefined));
  await boss.start();
  return boss;
}

/** pg-boss 10 on PostgreSQL (its own schema and pool); several processes may share the work. */
export async function pgBossBackend(options: PgBossDriverOptions): Promise<JobBackend> {
  const schema = assertSchemaName(options.schema ?? "isoloir_boss");
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
  pool.on("error", () => undefined);
  const q = bossQueries(schema);
  let boss: PgBoss | undefined;
  try {
    boss = await startBoss(pool, options, schema);
    await ensureBossMeta(pool);
  } catch (error) {
    await boss?.stop({ graceful: false, close: false }).catch(() => undefined);
    await pool.end();
    throw error;
  }
  boss.on("maintenance", () => void pool.query(q.pruneMeta).catch(options.onError ?? (() => undefined)));
  return backendOf({ pool, boss, q });
}
