import type { Db } from "@isoloir/db";
import type { JobHandler, JobQueue, Worker } from "@isoloir/jobs";
import { z } from "zod";
import { parseInput } from "./errors";
import { requireCapability } from "./members";
import { runPurge } from "./run";

export const PURGE_QUEUE = "purge-run";

/** A purge run as a background job: who runs it and which plan. No key travels in the job data. */
export const PurgeJobData = z.object({
  orgId: z.uuid(),
  userId: z.uuid(),
  planId: z.uuid(),
  batchSize: z.number().int().min(1).max(50_000).default(1000),
});
export type PurgeJobData = z.infer<typeof PurgeJobData>;

export interface PurgeJobOutput {
  runId: string;
  state: string;
  deleted: number;
  alreadyGone: number;
  stopReason: string | null;
}

/**
 * Queues the run of an approved plan, once per plan (singleton key). The job is resumable like the
 * command: a retry, an expiry or a crashed worker picks up at the last committed batch.
 */
export async function queuePurgeRun(
  db: Db,
  jobs: JobQueue,
  ctx: { orgId: string; userId: string; hmacKey: string },
  rawInput: { planId: string; batchSize?: number },
): Promise<string> {
  const data = parseInput(PurgeJobData, { ...rawInput, orgId: ctx.orgId, userId: ctx.userId });
  await requireCapability(db, ctx, "runPurge");
  return jobs.send(PURGE_QUEUE, data, {
    singletonKey: data.planId,
    retryLimit: 5,
    retryDelaySeconds: 5,
    retryBackoff: true,
    expireInSeconds: 6 * 3600,
  });
}

/** The worker side: runs the plan with progress, stopping between batches when the job is cancelled or the worker stops. */
export function purgeJobHandler(deps: {
  db: Db;
  hmacKey: string;
  signingKey?: string;
}): JobHandler<PurgeJobData, PurgeJobOutput> {
  return async ({ data, signal, reportProgress }) => {
    const input = PurgeJobData.parse(data);
    let reported: Promise<void> = Promise.resolve();
    const { run } = await runPurge(
      deps.db,
      { orgId: input.orgId, userId: input.userId, hmacKey: deps.hmacKey, signingKey: deps.signingKey },
      { planId: input.planId, batchSize: input.batchSize },
      {
        signal,
        onProgress: ({ done, total }) => {
          reported = reported.then(() => reportProgress({ done, total })).catch(() => undefined);
        },
      },
    );
    await reported;
    return {
      runId: run.id,
      state: run.state,
      deleted: run.deleted,
      alreadyGone: run.alreadyGone,
      stopReason: run.stopReason,
    };
  };
}

/** Starts this process's purge worker on `jobs` (`startJobWorkers` of `@isoloir/api`, from `isoloir serve`). */
export function startPurgeWorker(
  jobs: JobQueue,
  deps: { db: Db; hmacKey: string; signingKey?: string },
): Promise<Worker> {
  return jobs.work(PURGE_QUEUE, { concurrency: 1, pollIntervalMs: 250 }, purgeJobHandler(deps));
}
