import type { ClaimedJob, JobBackend } from "./backend";
import { type AbortReason, JobAbortedError } from "./errors";
import { errorMessage, JobProgress, parse, toJson, type WorkOptions } from "./options";
import type { JobContext, JobHandler, StopOptions, Worker } from "./types";

interface Run {
  job: ClaimedJob;
  controller: AbortController;
  /** set once this run's outcome is decided (stored, cancelled, expired, lost); later results are dropped */
  finalized: boolean;
  /** when the run expires (epoch ms) */
  expiresAt: number;
}

export interface RunnerOptions extends WorkOptions {
  onError: (error: unknown) => void;
}

const defaultStopTimeoutMs = 30_000;

/** A sleep that `wake()` cuts short; a wake that arrives while awake makes the next sleep return at once. */
class Sleeper {
  #pending = false;
  #wake: (() => void) | undefined;

  sleep(ms: number): Promise<void> {
    if (this.#pending) {
      this.#pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.#wake = finish;
    });
  }

  wake(): void {
    if (this.#wake) this.#wake();
    else this.#pending = true;
  }
}

/** Resolves true when `promise` settles within `ms`, false otherwise. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One polling loop per worker, the same for every driver: claim as many due jobs as there are free
 * slots, run each handler with its own AbortSignal and expiry timer, store the outcome, and on every
 * tick ask the database whether a running job was cancelled or taken away.
 */
export class JobWorker<TData, TOutput> implements Worker {
  readonly #runs = new Set<Run>();
  readonly #sleeper = new Sleeper();
  #mode: "running" | "draining" | "halted" = "running";
  #lastMaintenance = 0;
  #stopping: Promise<void> | undefined;
  readonly #loop: Promise<void>;

  constructor(
    private readonly backend: JobBackend,
    readonly queue: string,
    private readonly options: RunnerOptions,
    private readonly handler: JobHandler<TData, TOutput>,
  ) {
    this.#loop = this.#poll();
  }

  running(): number {
    return this.#runs.size;
  }

  /** A second, non-graceful call cuts a graceful stop short. */
  stop(options: StopOptions = {}): Promise<void> {
    if (options.graceful === false && this.#mode !== "halted") this.#stopping = this.#stop(false, 0);
    this.#stopping ??= this.#stop(true, options.timeoutMs ?? defaultStopTimeoutMs);
    return this.#stopping;
  }

  async #stop(graceful: boolean, timeoutMs: number): Promise<void> {
    if (graceful) {
      this.#mode = "draining";
      this.#sleeper.wake();
      if (await settlesWithin(this.#loop, timeoutMs)) return;
    }
    this.#mode = "halted";
    this.#sleeper.wake();
    await this.#loop;
    const message = "worker stopped before the job finished";
    await Promise.all([...this.#runs].map((run) => this.#abandon(run, "stopped", message)));
  }

  async #poll(): Promise<void> {
    while (this.#mode === "running" || (this.#mode === "draining" && this.#runs.size > 0)) {
      try {
        await this.#tick();
      } catch (error) {
        this.options.onError(error);
      }
      if (this.#isHalted()) return;
      await this.#sleeper.sleep(this.options.pollIntervalMs);
    }
  }

  /** a method, so the compiler does not narrow #mode across the awaits of the loop */
  #isHalted(): boolean {
    return this.#mode === "halted";
  }

  async #tick(): Promise<void> {
    await this.#watchRuns();
    await this.#maintain();
    const free = this.options.concurrency - this.#runs.size;
    if (this.#mode !== "running" || free <= 0) return;
    const claimed = await this.backend.claim(this.queue, free);
    for (const job of claimed) this.#start(job);
  }

  async #maintain(): Promise<void> {
    const now = Date.now();
    if (!this.backend.maintain || now - this.#lastMaintenance < Math.max(1000, this.options.pollIntervalMs))
      return;
    this.#lastMaintenance = now;
    await this.backend.maintain();
  }

  async #watchRuns(): Promise<void> {
    const live = [...this.#runs].filter((run) => !run.finalized);
    if (live.length === 0) return;
    const statuses = await this.backend.runStatuses(
      this.queue,
      live.map((run) => run.job),
    );
    for (const run of live) {
      const status = statuses.get(run.job.id);
      if (status === "cancelled") await this.#abandon(run, "cancelled", "job cancelled");
      // the database's own expiry sweep may take an overdue job away before our timer fires (a
      // loaded machine delays timers): that is still an expiry, already failed by the sweep
      if (status === "lost" && Date.now() >= run.expiresAt)
        await this.#abandon(run, "expired", "job expired", false);
      else if (status === "lost") await this.#abandon(run, "lost", "job no longer active for this worker");
    }
  }

  #start(job: ClaimedJob): void {
    const run: Run = {
      job,
      controller: new AbortController(),
      finalized: false,
      expiresAt: Date.now() + job.expireInSeconds * 1000,
    };
    this.#runs.add(run);
    const expiry = `job expired after ${job.expireInSeconds} s in active state`;
    const timer = setTimeout(() => void this.#abandon(run, "expired", expiry), job.expireInSeconds * 1000);
    void this.#execute(run).finally(() => {
      clearTimeout(timer);
      this.#runs.delete(run);
      this.#sleeper.wake();
    });
  }

  async #execute(run: Run): Promise<void> {
    let store: () => Promise<void>;
    try {
      const outputJson = toJson(await this.handler(this.#context(run)));
      store = () => this.backend.complete(run.job, outputJson);
    } catch (error) {
      store = () => this.backend.fail(run.job, errorMessage(error));
    }
    if (run.finalized) return;
    run.finalized = true;
    await store().catch(this.options.onError);
  }

  /** Aborts the handler's signal; an expired or stopped run is failed (so retried) at once. */
  async #abandon(run: Run, reason: AbortReason, message: string, failInBackend = true): Promise<void> {
    if (run.finalized) return;
    run.finalized = true;
    run.controller.abort(new JobAbortedError(reason, message));
    if (failInBackend && (reason === "expired" || reason === "stopped")) {
      await this.backend.fail(run.job, message).catch(this.options.onError);
    }
  }

  #context(run: Run): JobContext<TData> {
    const { job } = run;
    return {
      id: job.id,
      queue: job.queue,
      data: job.data as TData,
      retryCount: job.retryCount,
      signal: run.controller.signal,
      reportProgress: async (progress) => {
        await this.backend.setProgress(job, parse(JobProgress, progress, "progress"));
      },
    };
  }
}
