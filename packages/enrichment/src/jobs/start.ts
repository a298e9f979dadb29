import { appendAudit } from "@isoloir/audit";
import type { Db } from "@isoloir/db";
import type { JobQueue, Worker } from "@isoloir/jobs";
import { z } from "zod";
import { networks } from "../providers/types";
import { deleteSwitchedOffEnrichment } from "../stored";
import {
  ENRICHMENT_QUEUE,
  type EnrichmentDeps,
  EnrichmentJobData,
  enrichmentHandler,
  ProviderNotAllowedError,
} from "./run-job";

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
  if (!(await providerAllowed(db, data.orgId, data.provider)))
    throw new ProviderNotAllowedError(data.provider);
  const id = await jobs.send(ENRICHMENT_QUEUE, data, {
    retryLimit: 2,
    retryDelaySeconds: 5,
    retryBackoff: true,
    expireInSeconds: 3600,
  });
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
export function startEnrichmentWorker(
  jobs: JobQueue,
  deps: EnrichmentDeps,
  options: z.input<typeof enrichmentWorkerOptions> = {},
): Promise<Worker> {
  const { concurrency } = enrichmentWorkerOptions.parse(options);
  return jobs.work(ENRICHMENT_QUEUE, { concurrency, pollIntervalMs: 250 }, enrichmentHandler(deps));
}

export { networks };

export const SWITCH_OFF_QUEUE = "enrichment-switch-off";

export const SwitchOffJobData = z.object({
  orgId: z.uuid(),
  country: z.string().length(2),
  /** the organisation's country: the switch of contacts without a country of their own */
  orgCountry: z.string().length(2),
  actor: z.string().min(1),
});
export type SwitchOffJobData = z.infer<typeof SwitchOffJobData>;

/** A switch went off: its country's data is hidden at once (enrichmentsOf); this deletes it in the background. */
export function queueSwitchOffDeletion(jobs: JobQueue, data: SwitchOffJobData): Promise<string> {
  const parsed = SwitchOffJobData.parse(data);
  return jobs.send(SWITCH_OFF_QUEUE, parsed, {
    singletonKey: `${parsed.orgId}:${parsed.country}`,
    retryLimit: 5,
    retryDelaySeconds: 5,
    retryBackoff: true,
  });
}

export function startSwitchOffWorker(jobs: JobQueue, db: Db): Promise<Worker> {
  return jobs.work(SWITCH_OFF_QUEUE, { concurrency: 1, pollIntervalMs: 1000 }, async ({ data }) => ({
    deleted: await deleteSwitchedOffEnrichment(db, SwitchOffJobData.parse(data)),
  }));
}
