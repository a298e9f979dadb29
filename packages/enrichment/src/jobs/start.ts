import { appendAudit } from "@isoloir/audit";
import type { Db } from "@isoloir/db";
import type { JobQueue, Worker } from "@isoloir/jobs";
import { z } from "zod";
import { networks } from "../providers/types";
import { ENRICHMENT_QUEUE, type EnrichmentDeps, EnrichmentJobData, enrichmentHandler, ProviderNotAllowedError } from "./run-job";

export const StartEnrichment = EnrichmentJobData;
export type StartEnrichment = z.input<typeof StartEnrichment>;

/**
 * Queues one enrichment job, after checking the provider allow-list (a provider not on it refuses the
 * job whole). The handler checks the allow-list again when it runs, and the gate before every call.
 */
export async function startEnrichment(
  db: Db,
  jobs: JobQueue,
  providerAllowed: EnrichmentDeps["providerAllowed"],
  input: StartEnrichment,
): Promise<string> {
  const data = StartEnrichment.parse(input);
  if (!(await providerAllowed(db, data.orgId, data.provider))) throw new ProviderNotAllowedError(data.provider);
  const id = await jobs.send(ENRICHMENT_QUEUE, data, { retryLimit: 2, retryDelaySeconds: 5, retryBackoff: true, expireInSeconds: 3600 });
  await appendAudit(db, {
    orgId: data.orgId,
    action: "enrichment.job_started",
    actor: data.requestedBy,
    target: `job:${id}`.slice(0, 80),
    details: { provider: data.provider, contacts: data.contactIds.length },
  });
  return id;
}

export const enrichmentWorkerOptions = z.object({ concurrency: z.number().int().min(1).max(16).default(2) });

/** Starts this process's enrichment worker. */
export function startEnrichmentWorker(jobs: JobQueue, deps: EnrichmentDeps, options: z.input<typeof enrichmentWorkerOptions> = {}): Promise<Worker> {
  const { concurrency } = enrichmentWorkerOptions.parse(options);
  return jobs.work(ENRICHMENT_QUEUE, { concurrency, pollIntervalMs: 250 }, enrichmentHandler(deps));
}

export { networks };
