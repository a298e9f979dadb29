import { z } from "zod";
import { JobError } from "./errors";
import { jobStates } from "./types";

export const defaultRetryLimit = 2;
export const defaultExpireInSeconds = 900;

export const QueueName = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,99}$/,
    "a queue name is 1-100 of a-z, 0-9, _ and -, starting with a letter or digit",
  );

export const SendOptions = z.strictObject({
  singletonKey: z.string().min(1).max(200).optional(),
  retryLimit: z.int().min(0).max(100).default(defaultRetryLimit),
  retryDelaySeconds: z.int().min(0).max(86_400).default(0),
  retryBackoff: z.boolean().default(false),
  startAfter: z
    .union([
      z.date(),
      z
        .number()
        .min(0)
        .max(365 * 86_400),
    ])
    .optional(),
  // pg-boss caps expiry below 24 hours
  expireInSeconds: z.int().min(1).max(86_399).default(defaultExpireInSeconds),
});
export type SendOptions = z.output<typeof SendOptions>;

export const WorkOptions = z.strictObject({
  concurrency: z.int().min(1).max(200).default(1),
  pollIntervalMs: z.int().min(10).max(60_000).default(1000),
});
export type WorkOptions = z.output<typeof WorkOptions>;

export const JobProgress = z.strictObject({
  done: z.int().min(0),
  total: z.int().min(0),
  note: z.string().max(500).optional(),
});

export const ListJobsOptions = z.strictObject({
  states: z.array(z.enum(jobStates)).optional(),
  /** only the jobs sent with this singleton key (e.g. one plan's runs) */
  singletonKey: z.string().min(1).max(200).optional(),
  limit: z.int().min(1).max(1000),
});
export type ListJobsOptions = z.output<typeof ListJobsOptions>;

export const JobId = z.uuid();

/** Parses with zod and reports a failure as a JobError("invalid_input"). */
export function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const detail = result.error.issues.map((issue) => `${issue.path.join(".") || what}: ${issue.message}`);
  throw new JobError("invalid_input", `invalid ${what}: ${detail.join("; ")}`);
}

/** Handler outputs and job data are stored as JSON; undefined becomes null. */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null) ?? "null";
}

/** The message stored for a failed attempt. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === "string" ? error : (JSON.stringify(error) ?? String(error));
}
