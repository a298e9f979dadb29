import { type DbHandle, rows } from "@isoloir/db";
import { testDatabases } from "@isoloir/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobBackend } from "./backend";
import { embeddedBackend } from "./embedded-backend";
import { ensureEmbeddedSchema } from "./embedded-schema";
import { parse, SendOptions } from "./options";
import { uniqueQueue } from "./testing";

/** What the embedded driver does on its own, below the contract: recovery after a crash, stale runs. */
describe.each(testDatabases())("embedded queue table on $name", (target) => {
  let handle: DbHandle;
  let backend: JobBackend;
  beforeAll(async () => {
    handle = await target.open();
    backend = await embeddedBackend(handle.db);
  }, 60_000);
  afterAll(async () => handle?.close(), 60_000);

  const options = (input: object) => parse(SendOptions, input, "send options");

  /** the queue's tables and indexes, by name, as the catalog has them */
  const catalog = async () => ({
    tables: (
      await rows<{ name: string }>(
        handle.db,
        sql`select table_name as name from information_schema.tables where table_schema = 'isoloir_jobs'
          order by 1`,
      )
    ).map((r) => r.name),
    indexes: (
      await rows<{ name: string }>(
        handle.db,
        sql`select indexname as name from pg_indexes where schemaname = 'isoloir_jobs' order by 1`,
      )
    ).map((r) => r.name),
  });

  it("creates its schema idempotently", async () => {
    // from nothing, two first starts at once (two processes opening one PostgreSQL database)
    await handle.db.execute(sql`drop schema isoloir_jobs cascade`);
    expect(await catalog()).toEqual({ tables: [], indexes: [] });
    await Promise.all([ensureEmbeddedSchema(handle.db), ensureEmbeddedSchema(handle.db)]);
    const created = await catalog();
    expect(created).toEqual({
      tables: ["jobs"],
      indexes: [
        "jobs_active_idx",
        "jobs_due_idx",
        "jobs_finished_idx",
        "jobs_pkey",
        "jobs_queue_created_idx",
        "jobs_singleton_idx",
      ],
    });
    // again, alone and twice at once, over a queued job: the same catalog, and the job still there
    const queue = uniqueQueue("schema");
    const id = await backend.send(queue, { kept: true }, options({}));
    await ensureEmbeddedSchema(handle.db);
    await Promise.all([ensureEmbeddedSchema(handle.db), ensureEmbeddedSchema(handle.db)]);
    expect(await catalog()).toEqual(created);
    expect(await backend.getJob(id)).toMatchObject({ state: "created", data: { kept: true } });
  });

  it("expires an active job whose worker died, then retries or fails it", async () => {
    const queue = uniqueQueue("crashed");
    const retried = await backend.send(queue, {}, options({ expireInSeconds: 1, retryLimit: 1 }));
    const failed = await backend.send(queue, {}, options({ expireInSeconds: 1, retryLimit: 0 }));
    // claimed by a worker that then disappears without a word
    expect(await backend.claim(queue, 5)).toHaveLength(2);
    await backend.maintain?.();
    expect((await backend.getJob(retried))?.state).toBe("active");
    // a second on, without waiting it: both runs started 1 s earlier than they did, so more than their
    // 1 s expiry has passed
    await handle.db.execute(
      sql`update isoloir_jobs.jobs set started_at = started_at - interval '1 second' where queue = ${queue}`,
    );
    await backend.maintain?.();
    const message = "job expired after 1 s in active state";
    expect(await backend.getJob(retried)).toMatchObject({ state: "retry", error: message });
    expect(await backend.getJob(failed)).toMatchObject({ state: "failed", error: message });
    const [again] = await backend.claim(queue, 5);
    expect(again).toMatchObject({ id: retried, retryCount: 1 });
  });

  it("ignores the result, failure and progress of a run that is no longer the job's run", async () => {
    const queue = uniqueQueue("stale");
    const id = await backend.send(queue, {}, options({ retryLimit: 1 }));
    const [first] = await backend.claim(queue, 1);
    if (!first) throw new Error("nothing claimed");
    await backend.fail(first, "first run failed");
    const [second] = await backend.claim(queue, 1);
    if (!second) throw new Error("nothing claimed");
    expect((await backend.runStatuses(queue, [first, second])).get(id)).toBe("lost");
    await backend.complete(first, JSON.stringify("stale"));
    await backend.setProgress(first, { done: 9, total: 9 });
    expect(await backend.getJob(id)).toMatchObject({ state: "active", output: null, progress: null });
    await backend.complete(second, JSON.stringify("fresh"));
    expect(await backend.getJob(id)).toMatchObject({ state: "completed", output: "fresh", error: null });
  });

  it("cancels a job waiting for its retry, so it is never claimed again", async () => {
    const queue = uniqueQueue("cancel-retry");
    const id = await backend.send(queue, {}, options({ retryLimit: 3 }));
    const [run] = await backend.claim(queue, 1);
    if (!run) throw new Error("nothing claimed");
    await backend.fail(run, "first run failed");
    expect((await backend.getJob(id))?.state).toBe("retry");
    expect(await backend.cancel(id)).toBe(true);
    expect(await backend.claim(queue, 5)).toEqual([]);
    expect(await backend.getJob(id)).toMatchObject({ state: "cancelled", error: "first run failed" });
  });

  it("holds a job until its startAfter", async () => {
    const queue = uniqueQueue("later");
    await backend.send(queue, { when: "later" }, options({ startAfter: 60 }));
    await backend.send(queue, { when: "at" }, options({ startAfter: new Date(Date.now() + 60_000) }));
    const now = await backend.send(queue, { when: "now" }, options({ startAfter: 0 }));
    expect((await backend.claim(queue, 5)).map((job) => job.id)).toEqual([now]);
  });
});
