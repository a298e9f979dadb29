import { z } from "zod";
import type { JobBackend } from "./backend";
import { JobError } from "./errors";
import { JobId, ListJobsOptions, parse, QueueName, SendOptions, WorkOptions } from "./options";
import { JobWorker } from "./runner";
import type {
  JobData,
  JobHandler,
  JobQueue,
  JobRecord,
  StopOptions,
  Worker,
  WorkOptions as WorkOptionsInput,
} from "./types";

const JobDataSchema = z.record(z.string(), z.unknown());

export interface QueueHooks {
  /** Called when polling or storing a result fails; the worker keeps going. Default: ignore. */
  onError?: (error: unknown) => void;
}

/** Wraps a driver's backend in the public JobQueue: validation, workers, stop. */
export function createJobQueue(backend: JobBackend, hooks: QueueHooks = {}): JobQueue {
  const workers = new Set<Worker>();
  const prepared = new Map<string, Promise<void>>();
  const onError = hooks.onError ?? (() => undefined);
  let stopped = false;

  const assertOpen = () => {
    if (stopped) throw new JobError("stopped", "this job queue is stopped");
  };
  const prepare = (queue: string) => {
    let ready = prepared.get(queue);
    if (!ready) {
      ready = backend.prepareQueue(queue);
      ready.catch(() => prepared.delete(queue));
      prepared.set(queue, ready);
    }
    return ready;
  };

  return {
    driver: backend.driver,
    async send(queue: string, data: JobData, options = {}) {
      assertOpen();
      const name = parse(QueueName, queue, "queue name");
      const payload = parse(JobDataSchema, data, "job data");
      const parsed = parse(SendOptions, options, "send options");
      await prepare(name);
      return backend.send(name, payload, parsed);
    },
    async work<TData, TOutput>(
      queue: string,
      options: WorkOptionsInput,
      handler: JobHandler<TData, TOutput>,
    ) {
      assertOpen();
      const name = parse(QueueName, queue, "queue name");
      const parsed = parse(WorkOptions, options, "work options");
      await prepare(name);
      const worker = new JobWorker(backend, name, { ...parsed, onError }, handler);
      workers.add(worker);
      return worker;
    },
    async getJob<TData, TOutput>(id: string) {
      if (!JobId.safeParse(id).success) return undefined;
      // the caller names the data and output types it stored
      return (await backend.getJob(id)) as JobRecord<TData, TOutput> | undefined;
    },
    async cancel(id: string) {
      if (!JobId.safeParse(id).success) return false;
      return backend.cancel(id);
    },
    async listJobs(queue, options) {
      const name = parse(QueueName, queue, "queue name");
      return backend.listJobs(name, parse(ListJobsOptions, options, "list options"));
    },
    async stop(options: StopOptions = {}) {
      if (stopped) return;
      stopped = true;
      await Promise.all([...workers].map((worker) => worker.stop(options)));
      await backend.close();
    },
  };
}
