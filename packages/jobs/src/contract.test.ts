import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { JobAbortedError, JobError } from "./errors";
import { gate, type QueueDatabase, queueTargets, sleep, uniqueQueue, waitFor } from "./testing";
import type { JobQueue, JobState } from "./types";

const fast = { pollIntervalMs: 50 };

describe.each(queueTargets())("job queue contract: $name", (target) => {
  let database: QueueDatabase;
  const opened: JobQueue[] = [];
  const gates: Array<() => void> = [];

  beforeAll(async () => {
    database = await target.open();
  }, 60_000);
  afterEach(async () => {
    for (const open of gates.splice(0)) open();
    await Promise.all(opened.splice(0).map((queue) => queue.stop({ graceful: false })));
  });
  afterAll(async () => database?.close(), 60_000);

  async function open(): Promise<JobQueue> {
    const queue = await database.openQueue();
    opened.push(queue);
    return queue;
  }
  function heldGate() {
    const held = gate();
    gates.push(held.open);
    return held;
  }
  const stateOf = async (jobs: JobQueue, id: string) => (await jobs.getJob(id))?.state;
  const reaches = (jobs: JobQueue, id: string, state: JobState) =>
    waitFor(async () => (await stateOf(jobs, id)) === state, `job ${id} to be ${state}`, 15_000);

  it("runs a job once and completes it with its JSON output", async () => {
    const jobs = await open();
    const queue = uniqueQueue("once");
    const id = await jobs.send(queue, { n: 2 });
    const calls: number[] = [];
    await jobs.work<{ n: number }, unknown>(queue, fast, async ({ data, retryCount }) => {
      calls.push(data.n);
      return { doubled: data.n * 2, retryCount, list: [1, "two", null], nested: { ok: true } };
    });
    await reaches(jobs, id, "completed");
    // one handler at a time, oldest due job first: once a job sent afterwards has run, the worker has
    // claimed again since the first completed, and would have run it a second time if it could
    const marker = await jobs.send(queue, { n: 0 });
    await reaches(jobs, marker, "completed");
    const job = await jobs.getJob(id);
    expect(calls).toEqual([2, 0]);
    expect(job).toMatchObject({ id, queue, data: { n: 2 }, error: null, retryCount: 0, progress: null });
    expect(job?.output).toEqual({ doubled: 4, retryCount: 0, list: [1, "two", null], nested: { ok: true } });
    expect(job?.startedAt).toBeInstanceOf(Date);
    expect(job?.completedAt?.getTime()).toBeGreaterThanOrEqual(job?.createdAt.getTime() ?? Infinity);
  });

  it("retries a failing job up to its retry limit, then fails it with the last error message", async () => {
    const jobs = await open();
    const queue = uniqueQueue("failing");
    const id = await jobs.send(queue, {}, { retryLimit: 2 });
    const seen: number[] = [];
    await jobs.work(queue, fast, async ({ retryCount }) => {
      seen.push(retryCount);
      throw new Error(`boom ${retryCount}`);
    });
    await reaches(jobs, id, "failed");
    const job = await jobs.getJob(id);
    expect(seen).toEqual([0, 1, 2]);
    expect(job).toMatchObject({ state: "failed", error: "boom 2", output: null, retryCount: 2 });
    expect(job?.completedAt).toBeInstanceOf(Date);
  });

  it("waits the retry delay before a retry, doubling it with backoff", async () => {
    const jobs = await open();
    const queue = uniqueQueue("backoff");
    const plain = await jobs.send(queue, { kind: "plain" }, { retryLimit: 1, retryDelaySeconds: 1 });
    const backoff = await jobs.send(
      queue,
      { kind: "backoff" },
      { retryLimit: 2, retryDelaySeconds: 1, retryBackoff: true },
    );
    const starts = new Map<string, number[]>();
    await jobs.work<{ kind: string }>(queue, { ...fast, concurrency: 2 }, async ({ data, retryCount }) => {
      starts.set(data.kind, [...(starts.get(data.kind) ?? []), Date.now()]);
      throw new Error(`${data.kind} ${retryCount}`);
    });
    await reaches(jobs, plain, "retry");
    expect((await jobs.getJob(plain))?.error).toBe("plain 0");
    await reaches(jobs, plain, "failed");
    await reaches(jobs, backoff, "failed");
    const [p0 = 0, p1 = 0] = starts.get("plain") ?? [];
    const [b0 = 0, b1 = 0, b2 = 0] = starts.get("backoff") ?? [];
    expect(starts.get("backoff")).toHaveLength(3);
    expect(p1 - p0).toBeGreaterThanOrEqual(950); // d
    expect(b1 - b0).toBeGreaterThanOrEqual(950); // between d and 2d
    expect(b2 - b1).toBeGreaterThanOrEqual(1950); // between 2d and 4d
  }, 20_000);

  it("starts a job no earlier than its startAfter, given in seconds or as a date", async () => {
    const jobs = await open();
    const queue = uniqueQueue("delayed");
    const sentAt = Date.now();
    const bySeconds = await jobs.send(queue, {}, { startAfter: 0.6 });
    const byDate = await jobs.send(queue, {}, { startAfter: new Date(sentAt + 600) });
    const started = new Map<string, number>();
    await jobs.work(queue, { ...fast, concurrency: 2 }, ({ id }) => {
      started.set(id, Date.now());
    });
    await reaches(jobs, bySeconds, "completed");
    await reaches(jobs, byDate, "completed");
    expect((started.get(bySeconds) ?? 0) - sentAt).toBeGreaterThanOrEqual(550);
    expect((started.get(byDate) ?? 0) - sentAt).toBeGreaterThanOrEqual(550);
  });

  it("deduplicates sends with the same singleton key while a job is open, and frees the key after", async () => {
    const jobs = await open();
    const queue = uniqueQueue("singleton");
    const first = await jobs.send(queue, { v: 1 }, { singletonKey: "contact-42" });
    const again = await Promise.all(
      [1, 2, 3, 4].map((v) => jobs.send(queue, { v }, { singletonKey: "contact-42" })),
    );
    const other = await jobs.send(queue, { v: 9 }, { singletonKey: "contact-43" });
    expect(new Set(again)).toEqual(new Set([first]));
    expect(other).not.toBe(first);
    await jobs.work(queue, fast, async ({ data }) => data);
    await reaches(jobs, first, "completed");
    expect((await jobs.getJob(first))?.output).toEqual({ v: 1 });
    const later = await jobs.send(queue, { v: 5 }, { singletonKey: "contact-42" });
    expect(later).not.toBe(first);
    await reaches(jobs, later, "completed");
    expect(await jobs.listJobs(queue, { limit: 10 })).toHaveLength(3);
  });

  it("runs at most `concurrency` handlers at once and finishes every job", async () => {
    const jobs = await open();
    const queue = uniqueQueue("concurrency");
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => jobs.send(queue, { i })));
    let started = 0;
    let running = 0;
    let peak = 0;
    const held: Array<() => void> = [];
    // each handler runs until the test lets it finish, so "at once" does not depend on timing
    await jobs.work(queue, { ...fast, concurrency: 3 }, async () => {
      started++;
      running++;
      peak = Math.max(peak, running);
      const { wait, open } = heldGate();
      held.push(open);
      await wait;
      running--;
    });
    // a claim starts all its jobs in one go: when a start is seen, that claim's other starts are too
    await waitFor(() => started >= 3, "three handlers");
    expect(running).toBe(3);
    // a finished handler wakes the worker at once: it may take exactly one more job each time
    for (let next = 4; next <= 12; next++) {
      held.shift()?.();
      await waitFor(() => started >= next, `handler ${next}`);
      expect(running).toBe(3);
    }
    for (const open of held.splice(0)) open();
    await waitFor(
      async () => (await jobs.listJobs(queue, { states: ["completed"], limit: 50 })).length === 12,
      "12 jobs",
    );
    expect(started).toBe(12);
    expect(peak).toBe(3);
    for (const id of ids) expect(await stateOf(jobs, id)).toBe("completed");
  });

  it("shares one queue between two instances, running each job exactly once", async () => {
    const [a, b] = [await open(), await open()];
    const queue = uniqueQueue("shared");
    const runs = new Map<number, number>();
    const handler = async ({ data }: { data: { i: number } }) => {
      runs.set(data.i, (runs.get(data.i) ?? 0) + 1);
      await sleep(20);
    };
    await a.work(queue, { ...fast, concurrency: 2 }, handler);
    await b.work(queue, { ...fast, concurrency: 2 }, handler);
    await Promise.all(Array.from({ length: 16 }, (_, i) => a.send(queue, { i })));
    await waitFor(
      async () => (await b.listJobs(queue, { states: ["completed"], limit: 50 })).length === 16,
      "16 jobs",
    );
    expect([...runs.values()]).toEqual(Array(16).fill(1));
  });

  it("shows a running job's progress to a second queue instance on the same database", async () => {
    const [runner, viewer] = [await open(), await open()];
    const queue = uniqueQueue("progress");
    const id = await runner.send(queue, {});
    const held = heldGate();
    await runner.work(queue, fast, async ({ reportProgress }) => {
      await reportProgress({ done: 1, total: 3, note: "batch 1" });
      await held.wait;
      await reportProgress({ done: 3, total: 3 });
      return "done";
    });
    const seen = await waitFor(async () => (await viewer.getJob(id))?.progress, "progress");
    expect(seen).toEqual({ done: 1, total: 3, note: "batch 1" });
    expect(await stateOf(viewer, id)).toBe("active");
    expect((await viewer.listJobs(queue, { states: ["active"], limit: 5 }))[0]?.progress).toEqual(seen);
    held.open();
    await reaches(viewer, id, "completed");
    expect(await viewer.getJob(id)).toMatchObject({ progress: { done: 3, total: 3 }, output: "done" });
  });

  it("never starts a job cancelled before it ran", async () => {
    const jobs = await open();
    const queue = uniqueQueue("cancel-early");
    const doomed = await jobs.send(queue, { doomed: true });
    expect(await jobs.cancel(doomed)).toBe(true);
    expect(await jobs.cancel(doomed)).toBe(false);
    const ran: unknown[] = [];
    await jobs.work(queue, fast, async ({ data }) => {
      ran.push(data);
    });
    const marker = await jobs.send(queue, { marker: true });
    await reaches(jobs, marker, "completed");
    expect(ran).toEqual([{ marker: true }]);
    expect(await jobs.getJob(doomed)).toMatchObject({ state: "cancelled", output: null });
    expect((await jobs.getJob(doomed))?.completedAt).toBeInstanceOf(Date);
  });

  it("aborts a running job's signal on cancel and keeps the job cancelled", async () => {
    const jobs = await open();
    const queue = uniqueQueue("cancel-running");
    const id = await jobs.send(queue, {});
    let started = false;
    let reason: unknown;
    let finished = false;
    const worker = await jobs.work(queue, fast, async ({ signal, reportProgress }) => {
      started = true;
      for (let batch = 0; batch < 500 && !signal.aborted; batch++) {
        await reportProgress({ done: batch, total: 500 });
        await sleep(10);
      }
      reason = signal.reason;
      finished = true;
      return "partial";
    });
    await waitFor(() => started, "handler start");
    expect(await jobs.cancel(id)).toBe(true);
    await waitFor(() => finished, "handler to notice the cancel", 5000);
    expect(reason).toBeInstanceOf(JobAbortedError);
    expect((reason as JobAbortedError).reason).toBe("cancelled");
    await waitFor(() => worker.running() === 0, "handler slot to free");
    expect(await jobs.getJob(id)).toMatchObject({ state: "cancelled", output: null });
  });

  it("stop({ graceful: true }) waits for the running handler and stores its result", async () => {
    const [jobs, viewer] = [await open(), await open()];
    const queue = uniqueQueue("graceful");
    const id = await jobs.send(queue, {});
    let started = false;
    let finished = false;
    await jobs.work(queue, fast, async () => {
      started = true;
      await sleep(400);
      finished = true;
      return "finished";
    });
    await waitFor(() => started, "handler start");
    await jobs.stop({ graceful: true });
    expect(finished).toBe(true);
    expect(await viewer.getJob(id)).toMatchObject({ state: "completed", output: "finished" });
    await expect(jobs.send(queue, {})).rejects.toMatchObject({ code: "stopped" });
  });

  it("stop({ graceful: false }) aborts the handler and puts its job back for a retry", async () => {
    const [jobs, viewer] = [await open(), await open()];
    const queue = uniqueQueue("abrupt");
    const id = await jobs.send(queue, {}, { retryLimit: 1, retryDelaySeconds: 60 });
    let signal: AbortSignal | undefined;
    await jobs.work(queue, fast, async (job) => {
      signal = job.signal;
      await new Promise((resolve) => job.signal.addEventListener("abort", resolve));
    });
    const live = await waitFor(() => signal, "handler start");
    await jobs.stop({ graceful: false });
    expect((live.reason as JobAbortedError).reason).toBe("stopped");
    expect(await viewer.getJob(id)).toMatchObject({
      state: "retry",
      error: "worker stopped before the job finished",
    });
  });

  it("aborts a handler past expireInSeconds and retries the job", async () => {
    const jobs = await open();
    const queue = uniqueQueue("expiry");
    const id = await jobs.send(queue, {}, { expireInSeconds: 1, retryLimit: 1 });
    const held = heldGate();
    const reasons: unknown[] = [];
    await jobs.work(queue, { ...fast, concurrency: 2 }, async ({ retryCount, signal }) => {
      if (retryCount > 0) return "second run";
      await held.wait; // a stuck handler that ignores its signal
      reasons.push(signal.reason);
      return "first run, too late";
    });
    await reaches(jobs, id, "completed");
    held.open();
    await waitFor(() => reasons.length, "stuck handler to return");
    expect((reasons[0] as JobAbortedError).reason).toBe("expired");
    expect(await jobs.getJob(id)).toMatchObject({ state: "completed", output: "second run", retryCount: 1 });
  }, 15_000);

  it("lists a queue's jobs newest first, filtered by state", async () => {
    const jobs = await open();
    const queue = uniqueQueue("list");
    const first = await jobs.send(queue, { n: 1 });
    const second = await jobs.send(queue, { n: 2 });
    const third = await jobs.send(queue, { n: 3 });
    // creation times set explicitly (no sleep between the sends); the third is dated earliest, so the
    // order is the creation time's, not the order of sending
    await database.setCreatedAt(first, new Date("2026-03-01T10:00:01Z"));
    await database.setCreatedAt(second, new Date("2026-03-01T10:00:02Z"));
    await database.setCreatedAt(third, new Date("2026-03-01T10:00:00Z"));
    await jobs.cancel(first);
    expect((await jobs.listJobs(queue, { limit: 10 })).map((job) => job.id)).toEqual([second, first, third]);
    expect((await jobs.listJobs(queue, { states: ["cancelled"], limit: 10 })).map((job) => job.id)).toEqual([
      first,
    ]);
    expect(
      (await jobs.listJobs(queue, { states: ["created", "retry"], limit: 1 })).map((job) => job.id),
    ).toEqual([second]);
  });

  it("lists one singleton key's jobs, however many other jobs the queue holds", async () => {
    const jobs = await open();
    const queue = uniqueQueue("list-key");
    const mine = await jobs.send(queue, { n: 0 }, { singletonKey: "plan-a" });
    await jobs.cancel(mine);
    const again = await jobs.send(queue, { n: 1 }, { singletonKey: "plan-a" });
    await database.setCreatedAt(mine, new Date("2026-03-01T10:00:00Z"));
    await database.setCreatedAt(again, new Date("2026-03-01T10:00:01Z"));
    for (let n = 2; n < 8; n++) await jobs.send(queue, { n }, { singletonKey: `plan-${n}` });
    await jobs.send(queue, { n: 9 });
    expect((await jobs.listJobs(queue, { singletonKey: "plan-a", limit: 10 })).map((job) => job.id)).toEqual([
      again,
      mine,
    ]);
    expect(
      (await jobs.listJobs(queue, { singletonKey: "plan-a", states: ["cancelled"], limit: 10 })).map(
        (j) => j.id,
      ),
    ).toEqual([mine]);
    expect(await jobs.listJobs(queue, { singletonKey: "nobody", limit: 10 })).toEqual([]);
  });

  it("refuses invalid input and answers unknown ids with nothing", async () => {
    const jobs = await open();
    await expect(jobs.send("Bad Name!", {})).rejects.toBeInstanceOf(JobError);
    await expect(jobs.send("ok", {}, { retryLimit: -1 })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(jobs.send("ok", {}, { retryDelay: 1 } as never)).rejects.toMatchObject({
      code: "invalid_input",
    });
    expect(await jobs.getJob("not-a-uuid")).toBeUndefined();
    expect(await jobs.getJob("00000000-0000-4000-8000-000000000000")).toBeUndefined();
    expect(await jobs.cancel("00000000-0000-4000-8000-000000000000")).toBe(false);
  });
});
