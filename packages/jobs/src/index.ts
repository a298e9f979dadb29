export {
  type AbortReason,
  abortReasons,
  JobAbortedError,
  JobError,
  type JobErrorCode,
  jobErrorCodes,
} from "./errors";
export { type OpenJobQueueOptions, openEmbeddedQueue, openJobQueue, openPgBossQueue } from "./open";
export type { PgBossDriverOptions } from "./pg-boss-backend";
export type { QueueHooks } from "./queue";
export {
  type JobContext,
  type JobData,
  type JobDriverName,
  type JobHandler,
  type JobProgress,
  type JobQueue,
  type JobRecord,
  type JobState,
  jobStates,
  type ListJobsOptions,
  openJobStates,
  type SendOptions,
  type StopOptions,
  type Worker,
  type WorkOptions,
} from "./types";
