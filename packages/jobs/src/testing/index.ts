import { randomBytes } from "node:crypto";
import { type DbHandle, openPglite, openPostgres } from "@isoloir/db";
import { createThrowawayDatabase, openThrowawayPostgres } from "@isoloir/db/testing";
import { sql } from "drizzle-orm";
import { openEmbeddedQueue, openJobQueue } from "../open";
import type { JobQueue } from "../types";

/** Test helpers for the contract suite: one entry per driver and database. */

export interface QueueDatabase {
  /** a new queue instance on the same database (as a second process would open) */
  openQueue: () => Promise<JobQueue>;
  /** sets a job's creation time in the driver's own table, so tests order jobs without sleeping */
  setCreatedAt: (id: string, at: Date) => Promise<void>;
  close: () => Promise<void>;
}

const setEmbeddedCreatedAt = (handle: DbHandle) => async (id: string, at: Date) => {
  await handle.db.execute(
    sql`update isoloir_jobs.jobs set created_at = ${at.toISOString()}::timestamptz where id = ${id}`,
  );
};

export interface QueueTarget {
  name: string;
  open: () => Promise<QueueDatabase>;
}

function embeddedOn(handle: DbHandle): QueueDatabase {
  return {
    openQueue: () => openEmbeddedQueue(handle.db),
    setCreatedAt: setEmbeddedCreatedAt(handle),
    close: handle.close,
  };
}

async function pgBossOnThrowaway(url: string): Promise<QueueDatabase> {
  const database = await createThrowawayDatabase(url, "isoloir_jobs_t");
  const handle = await openPostgres(database.url, { migrate: false, max: 2 });
  return {
    openQueue: () =>
      openJobQueue({
        db: handle.db,
        driver: "postgres",
        connectionString: database.url,
        pgBoss: { poolSize: 4 },
      }),
    setCreatedAt: async (id, at) => {
      await handle.db.execute(
        sql`update isoloir_boss.job set created_on = ${at.toISOString()}::timestamptz where id = ${id}::uuid`,
      );
    },
    close: async () => {
      await handle.close();
      await database.drop();
    },
  };
}

/** The embedded driver on PGlite always; with DATABASE_URL also the embedded driver and pg-boss on PostgreSQL. */
export function queueTargets(): QueueTarget[] {
  const targets: QueueTarget[] = [
    {
      name: "embedded driver on PGlite",
      open: async () => {
        const handle = await openPglite(undefined, { migrate: false });
        return {
          openQueue: () => openJobQueue({ db: handle.db, driver: "pglite" }),
          setCreatedAt: setEmbeddedCreatedAt(handle),
          close: handle.close,
        };
      },
    },
  ];
  const url = process.env.DATABASE_URL;
  if (url) {
    targets.push({
      name: "embedded driver on PostgreSQL",
      open: async () => embeddedOn(await openThrowawayPostgres(url)),
    });
    targets.push({ name: "pg-boss driver on PostgreSQL", open: () => pgBossOnThrowaway(url) });
  }
  return targets;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` returns something truthy; fails after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => Promise<T> | T,
  what: string,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** A promise a test opens by hand. */
export function gate(): { wait: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}

export function uniqueQueue(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}
