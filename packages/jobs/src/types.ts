/** The one job interface. Both drivers (embedded on PGlite, pg-boss on PostgreSQL) implement it. */

export const jobStates = ["created", "retry", "active", "completed", "cancelled", "failed"] as const;
export type JobState = (typeof jobStates)[number];

/** States in which a job still holds its singleton key. */
export const openJobStates = ["created", "retry", "active"] as const satisfies readonly JobState[];

export type JobDriverName = "embedded" | "pg-boss";

/** Job data: a JSON object. It is stored with JSON.stringify, so a Date comes back as a string. */
export type JobData = Record<string, unknown>;

export interface JobProgress {
  done: number;
  total: number;
  note?: string;
}

export interface SendOptions {
  /** At most one created, retry or active job per queue and key; a second send returns the open job's id. */
  singletonKey?: string;
  /** Retries after the first attempt (default 2), so at most retryLimit + 1 runs. */
  retryLimit?: number;
  /** Whole seconds before a retry (default 0). */
  retryDelaySeconds?: number;
  /** Exponential: the n-th retry waits between d·2^(n-1) and d·2^n seconds (d at least 1). */
  retryBackoff?: boolean;
  /** A time, or seconds from now. */
  startAfter?: Date | number;
  /** An active job older than this is aborted and failed (then retried per its options). Default 900. */
  expireInSeconds?: number;
}

export interface WorkOptions {
  /** Handlers running at once in this worker (default 1). */
  concurrency?: number;
  /** How often an idle worker looks for work and a busy one for cancellations (default 1000). */
  pollIntervalMs?: number;
}

export interface JobContext<TData = JobData> {
  id: string;
  queue: string;
  data: TData;
  /** 0 on the first run, n on the n-th retry */
  retryCount: number;
  /** Aborted on cancel, on expiry and on a non-graceful stop; check it between batches. */
  signal: AbortSignal;
  /** Stored in the database, so any process (the UI, the CLI) can read it through getJob. */
  reportProgress: (progress: JobProgress) => Promise<void>;
}

export type JobHandler<TData = JobData, TOutput = unknown> = (
  job: JobContext<TData>,
) => Promise<TOutput> | TOutput;

export interface JobRecord<TData = unknown, TOutput = unknown> {
  id: string;
  queue: string;
  state: JobState;
  data: TData;
  /** the handler's return value (JSON) once completed, else null */
  output: TOutput | null;
  /** the last failure's message (retry, active after a retry, failed), else null */
  error: string | null;
  retryCount: number;
  progress: JobProgress | null;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
}

export interface ListJobsOptions {
  states?: JobState[];
  /** only the jobs sent with this singleton key (e.g. one plan's runs) */
  singletonKey?: string;
  limit: number;
}

export interface StopOptions {
  /** true (default): wait for running handlers; false: abort them and fail their jobs (retried later). */
  graceful?: boolean;
  /** After this long a graceful stop turns non-graceful (default 30 000). */
  timeoutMs?: number;
}

export interface Worker {
  readonly queue: string;
  /** handlers running now */
  running: () => number;
  stop: (options?: StopOptions) => Promise<void>;
}

export interface JobQueue {
  readonly driver: JobDriverName;
  /** Returns the job id (for a deduplicated singleton, the id of the open job). */
  send: (queue: string, data: JobData, options?: SendOptions) => Promise<string>;
  work: <TData = JobData, TOutput = unknown>(
    queue: string,
    options: WorkOptions,
    handler: JobHandler<TData, TOutput>,
  ) => Promise<Worker>;
  getJob: <TData = unknown, TOutput = unknown>(id: string) => Promise<JobRecord<TData, TOutput> | undefined>;
  /** True when the job was created, retry or active. Created/retry never start; active handlers see signal.aborted. */
  cancel: (id: string) => Promise<boolean>;
  /** Newest first. */
  listJobs: (queue: string, options: ListJobsOptions) => Promise<JobRecord[]>;
  /** Stops every worker of this instance, then releases the driver's own connections. */
  stop: (options?: StopOptions) => Promise<void>;
}
