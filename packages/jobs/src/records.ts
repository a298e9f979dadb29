import { type JobProgress, type JobRecord, type JobState, jobStates } from "./types";

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(String(value));
}

function toState(value: unknown): JobState {
  const state = jobStates.find((candidate) => candidate === value);
  if (!state) throw new Error(`unknown job state ${String(value)}`);
  return state;
}

export function toProgress(value: unknown): JobProgress | null {
  if (!value || typeof value !== "object") return null;
  const { done, total, note } = value as Record<string, unknown>;
  if (typeof done !== "number" || typeof total !== "number") return null;
  return typeof note === "string" ? { done, total, note } : { done, total };
}

/** A row of isoloir_jobs.jobs. */
export interface EmbeddedRow {
  id: string;
  queue: string;
  state: string;
  data: unknown;
  output: unknown;
  error: string | null;
  retry_count: number;
  progress: unknown;
  created_at: unknown;
  started_at: unknown;
  completed_at: unknown;
}

export function embeddedRecord(row: EmbeddedRow): JobRecord {
  const state = toState(row.state);
  return {
    id: row.id,
    queue: row.queue,
    state,
    data: row.data,
    output: state === "completed" ? (row.output ?? null) : null,
    error: state === "completed" ? null : row.error,
    retryCount: row.retry_count,
    progress: toProgress(row.progress),
    createdAt: toDate(row.created_at) ?? new Date(0),
    startedAt: toDate(row.started_at),
    completedAt: toDate(row.completed_at),
  };
}

/** A row of pg-boss's job (or archive) table joined with our progress, as selected in pg-boss-sql.ts. */
export interface BossRow {
  id: string;
  name: string;
  state: string;
  data: unknown;
  output: unknown;
  retry_count: number;
  progress: unknown;
  created_on: unknown;
  started_on: unknown;
  completed_on: unknown;
}

/**
 * pg-boss keeps one `output` column: we complete with `{ value }` and fail with `{ error }`; its own
 * expiry sweep writes `{ value: { message } }` on a failed or retried job.
 */
function decodeBossOutput(state: JobState, output: unknown): { output: unknown; error: string | null } {
  const stored = (output && typeof output === "object" ? output : {}) as Record<string, unknown>;
  if (state === "completed") return { output: stored.value ?? null, error: null };
  if (typeof stored.error === "string") return { output: null, error: stored.error };
  const value = stored.value as Record<string, unknown> | undefined;
  return { output: null, error: typeof value?.message === "string" ? value.message : null };
}

export function bossRecord(row: BossRow): JobRecord {
  const state = toState(row.state);
  return {
    id: row.id,
    queue: row.name,
    state,
    data: row.data,
    ...decodeBossOutput(state, row.output),
    retryCount: row.retry_count,
    progress: toProgress(row.progress),
    createdAt: toDate(row.created_on) ?? new Date(0),
    startedAt: toDate(row.started_on),
    completedAt: toDate(row.completed_on),
  };
}
