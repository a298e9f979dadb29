import type { Db, Driver } from "@isoloir/db";
import { embeddedBackend } from "./embedded-backend";
import { JobError } from "./errors";
import { type PgBossDriverOptions, pgBossBackend } from "./pg-boss-backend";
import { createJobQueue, type QueueHooks } from "./queue";
import type { JobQueue } from "./types";

export interface OpenJobQueueOptions extends QueueHooks {
  /** the app's drizzle handle */
  db: Db;
  /** the database's driver, as in DbHandle.driver */
  driver: Driver;
  /** PostgreSQL only: pg-boss opens its own pool on it */
  connectionString?: string;
  /** PostgreSQL only: pg-boss settings beyond the connection */
  pgBoss?: Omit<PgBossDriverOptions, "connectionString" | "onError">;
}

/** The embedded table-backed queue on the app's own drizzle handle (PGlite in production; PostgreSQL works too). */
export async function openEmbeddedQueue(db: Db, hooks: QueueHooks = {}): Promise<JobQueue> {
  return createJobQueue(await embeddedBackend(db), hooks);
}

/** pg-boss 10 on PostgreSQL, in schema isoloir_boss, with progress in isoloir_jobs.boss_jobs. */
export async function openPgBossQueue(options: PgBossDriverOptions): Promise<JobQueue> {
  return createJobQueue(await pgBossBackend(options), { onError: options.onError });
}

/** PGlite → the embedded queue; PostgreSQL → pg-boss (needs the connection string). */
export async function openJobQueue(options: OpenJobQueueOptions): Promise<JobQueue> {
  if (options.driver === "pglite") return openEmbeddedQueue(options.db, { onError: options.onError });
  if (!options.connectionString) {
    throw new JobError("invalid_input", "the pg-boss job queue needs the PostgreSQL connection string");
  }
  return openPgBossQueue({
    ...options.pgBoss,
    connectionString: options.connectionString,
    onError: options.onError,
  });
}
