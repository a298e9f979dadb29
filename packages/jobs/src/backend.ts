import type { ListJobsOptions, SendOptions } from "./options";
import type { JobData, JobDriverName, JobProgress, JobRecord } from "./types";

/** A job handed to this process by `claim`, with what identifies this particular run of it. */
export interface ClaimedJob {
  id: string;
  queue: string;
  data: unknown;
  retryCount: number;
  expireInSeconds: number;
  /** embedded: a fresh uuid per claim; pg-boss: the job id */
  runId: string;
}

/** What became of a run this worker still holds, seen from the database. */
export type RunStatus = "active" | "cancelled" | "lost";

/**
 * What a driver provides. The job queue (queue.ts) validates input and the runner (runner.ts) drives
 * claims, handlers, expiry, cancellation and stop the same way for every driver.
 */
export interface JobBackend {
  readonly driver: JobDriverName;
  /** called before the first send or work on a queue name in this instance */
  prepareQueue: (queue: string) => Promise<void>;
  send: (queue: string, data: JobData, options: SendOptions) => Promise<string>;
  getJob: (id: string) => Promise<JobRecord | undefined>;
  listJobs: (queue: string, options: ListJobsOptions) => Promise<JobRecord[]>;
  cancel: (id: string) => Promise<boolean>;
  /** moves up to `limit` due jobs to active and returns them */
  claim: (queue: string, limit: number) => Promise<ClaimedJob[]>;
  /** no-op when the run is no longer the job's active run (cancelled, expired, taken over) */
  complete: (job: ClaimedJob, outputJson: string) => Promise<void>;
  /** retry (after its delay) or failed, with the message; same no-op rule as complete */
  fail: (job: ClaimedJob, message: string) => Promise<void>;
  /** the runs among `jobs` that are no longer active for this worker */
  runStatuses: (queue: string, jobs: ClaimedJob[]) => Promise<Map<string, RunStatus>>;
  setProgress: (job: ClaimedJob, progress: JobProgress) => Promise<void>;
  /** housekeeping a worker runs now and then (embedded: expire stuck active jobs) */
  maintain?: () => Promise<void>;
  close: () => Promise<void>;
}
