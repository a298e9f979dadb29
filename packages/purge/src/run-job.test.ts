import { type DbHandle, generateSigningKey, openPostgres } from "@isoloir/db";
import { createThrowawayDatabase, testDatabases } from "@isoloir/db/testing";
import { type JobQueue, openEmbeddedQueue, openJobQueue } from "@isoloir/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvePlan } from "./approve";
import { PURGE_QUEUE, purgeJobHandler, queuePurgeRun } from "./job";
import { planPurge } from "./plan";
import { enrichmentQueue } from "./queued-work";
import { reasonKeys } from "./reasons";
import { runPurge } from "./run";
import { ctxOf, frozenTargets, purgeScenario, type Scenario, scenarioAt } from "./testing/scenario";

const signingKey = generateSigningKey();

interface Target {
  name: string;
  open: () => Promise<{ handle: DbHandle; jobs: () => Promise<JobQueue>; close: () => Promise<void> }>;
}

/** The embedded queue on every test database, and pg-boss on PostgreSQL when DATABASE_URL is set. */
const targets: Target[] = [
  ...testDatabases().map((db) => ({
    name: `embedded queue on ${db.name}`,
    open: async () => {
      const handle = await db.open();
      return { handle, jobs: () => openEmbeddedQueue(handle.db), close: handle.close };
    },
  })),
  ...(process.env.DATABASE_URL
    ? [
        {
          name: "pg-boss on postgres",
          open: async () => {
            const database = await createThrowawayDatabase(process.env.DATABASE_URL ?? "");
            const handle = await openPostgres(database.url, { max: 4 });
            const jobs = () =>
              openJobQueue({
                db: handle.db,
                driver: "postgres",
                connectionString: database.url,
                pgBoss: { poolSize: 2 },
              });
            const close = async () => {
              await handle.close();
              await database.drop();
            };
            return { handle, jobs, close };
          },
        },
      ]
    : []),
];

async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.each(targets)("purge and queued work: $name", (target) => {
  let opened: Awaited<ReturnType<Target["open"]>>;
  let jobs: JobQueue;
  beforeAll(async () => {
    opened = await target.open();
    jobs = await opened.jobs();
  });
  afterAll(async () => {
    await jobs?.stop({ graceful: false });
    await opened?.close();
  });

  async function approved(s: Scenario, at = scenarioAt) {
    const plan = await planPurge(opened.handle.db, ctxOf(s, "planner"), { reasons: [...reasonKeys], at });
    await approvePlan(opened.handle.db, ctxOf(s, "approver"), { planId: plan.id, now: at });
    return plan;
  }

  it("removes erased people from pending enrichment jobs and cancels a job left with nobody", async () => {
    const s = await purgeScenario(opened.handle.db, 30, 41);
    const plan = await approved(s);
    const { whole } = await frozenTargets(opened.handle.db, s.orgId, plan.id);
    const kept = [...s.kinds].find(([id, kind]) => kind === "lawful" && !whole.includes(id))?.[0] ?? "";
    const job = (contactIds: string[]) =>
      jobs.send(
        enrichmentQueue,
        { orgId: s.orgId, provider: "twitter", contactIds, requestedBy: "user:test" },
        { startAfter: 3600 },
      );
    const mixed = await job([whole[0] ?? "", kept]);
    const erasedOnly = await job([whole[1] ?? "", whole[2] ?? ""]);
    const untouched = await job([kept]);
    const { certificate } = await runPurge(
      opened.handle.db,
      { ...ctxOf(s, "admin"), signingKey },
      { planId: plan.id, batchSize: 6, now: scenarioAt },
    );
    expect((await jobs.getJob<{ contactIds: string[] }>(mixed))?.data.contactIds).toEqual([kept]);
    expect((await jobs.getJob(erasedOnly))?.state).toBe("cancelled");
    expect(await jobs.getJob(untouched)).toMatchObject({ state: "created", data: { contactIds: [kept] } });
    // edits summed over batches: the erased-only job is edited twice when its two people fall in two batches
    expect(certificate?.body.counts.queuedJobs).toBeGreaterThanOrEqual(2);
    expect(certificate?.body.counts.queuedJobs).toBeLessThanOrEqual(3);
  });

  it("runs an approved plan as a background job, once per plan, with progress", async () => {
    const s = await purgeScenario(opened.handle.db, 30, 42);
    const plan = await approved(s, new Date()); // a job runs on the real clock
    const worker = await jobs.work(
      PURGE_QUEUE,
      { concurrency: 1, pollIntervalMs: 200 },
      purgeJobHandler({ db: opened.handle.db, hmacKey: ctxOf(s, "admin").hmacKey, signingKey }),
    );
    const id = await queuePurgeRun(opened.handle.db, jobs, ctxOf(s, "admin"), {
      planId: plan.id,
      batchSize: 4,
    });
    expect(await queuePurgeRun(opened.handle.db, jobs, ctxOf(s, "admin"), { planId: plan.id })).toBe(id);
    const record = await waitFor(
      () => jobs.getJob(id),
      (j) => j?.state === "completed" || j?.state === "failed",
    );
    await worker.stop();
    expect(record).toMatchObject({
      state: "completed",
      output: { state: "completed", deleted: plan.counts.targets },
    });
    expect(record?.progress).toMatchObject({ done: plan.counts.targets, total: plan.counts.targets });
    await expect(
      queuePurgeRun(opened.handle.db, jobs, ctxOf(s, "staff"), { planId: plan.id }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
