import type { Db, Keys } from "@isoloir/db";
import { enrichmentRuntime, startEnrichmentWorker, startSwitchOffWorker } from "@isoloir/enrichment";
import type { JobQueue, Worker } from "@isoloir/jobs";
import { startPurgeWorker } from "@isoloir/purge";

/**
 * Starts this process's workers for every queue the routers send work to — enrichment lookups,
 * switch-off deletions, purge runs — once, from the composition root (`isoloir serve`). Procedures only
 * queue jobs and read their state; none starts a worker.
 */
export async function startJobWorkers(jobs: JobQueue, deps: { db: Db; keys: Keys }): Promise<Worker[]> {
  return [
    await startEnrichmentWorker(jobs, enrichmentRuntime(deps.db, deps.keys.hmacKey)),
    await startSwitchOffWorker(jobs, deps.db),
    await startPurgeWorker(jobs, {
      db: deps.db,
      hmacKey: deps.keys.hmacKey,
      signingKey: deps.keys.signingKey,
    }),
  ];
}
