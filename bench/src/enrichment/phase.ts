import type { Db } from "@isoloir/db";
import { testKeys } from "@isoloir/db/testing";
import {
  ENRICHMENT_QUEUE,
  type EnrichmentJobOutput,
  enrichmentHandler,
  enrichmentRuntime,
  type Network,
  ProviderLimiter,
  providerAllowed,
  startEnrichment,
} from "@isoloir/enrichment";
import type { SandboxProcess } from "@isoloir/enrichment/testing";
import type { JobQueue } from "@isoloir/jobs";
import type { Campaign } from "./campaign";

// One enrichment job over a campaign, through the real queue and worker, measured from the sandbox's
// request log: the achieved rate is (calls − 1) / (last start − first start).

export interface PhaseResult {
  calls: number;
  /** contacts called more than once, or never (the premise is one call each) */
  missed: number;
  spanSeconds: number;
  /** calls per second, first to last request */
  rate: number;
  /** the most calls started within any one second */
  peakPerSecond: number;
  wallSeconds: number;
  jobState: string;
  output: EnrichmentJobOutput | null;
}

/** Most entries within any sliding window of `windowMs`. */
export function peakWithin(starts: number[], windowMs = 1000): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let peak = 0;
  for (let lo = 0, hi = 0; hi < sorted.length; hi++) {
    while ((sorted[hi] ?? 0) - (sorted[lo] ?? 0) >= windowMs) lo++;
    peak = Math.max(peak, hi - lo + 1);
  }
  return peak;
}

async function waitForJob(jobs: JobQueue, id: string) {
  for (;;) {
    const job = await jobs.getJob<unknown, EnrichmentJobOutput>(id);
    if (job && ["completed", "failed", "cancelled"].includes(job.state)) return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface PhaseSetup {
  db: Db;
  jobs: JobQueue;
  sandbox: SandboxProcess;
  provider: Network;
  /** lookups per second for the provider; Infinity removes the limit */
  ratePerSecond: number;
  concurrency: number;
}

export async function runPhase(setup: PhaseSetup, target: Campaign): Promise<PhaseResult> {
  const { db, jobs, sandbox, provider, ratePerSecond, concurrency } = setup;
  // a loaded machine can hold an answer past the default 5 s timeout, and a retry would call twice
  const deps = enrichmentRuntime(db, testKeys.hmacKey, {
    ISOLOIR_SANDBOX_URL: sandbox.url,
    ISOLOIR_PROVIDER_TIMEOUT_MS: "30000",
  });
  deps.limiter = new ProviderLimiter(() => ({ ratePerSecond, concurrency }));
  const worker = await jobs.work(
    ENRICHMENT_QUEUE,
    { concurrency: 1, pollIntervalMs: 20 },
    enrichmentHandler(deps),
  );
  const started = performance.now();
  const id = await startEnrichment(db, jobs, providerAllowed, {
    orgId: target.orgId,
    provider,
    contactIds: target.contactIds,
    requestedBy: "bench",
  });
  const job = await waitForJob(jobs, id);
  const wallSeconds = (performance.now() - started) / 1000;
  await worker.stop({ graceful: true });
  const calls = (await sandbox.log()).filter((e) => e.emailHash !== null && target.hashes.has(e.emailHash));
  const starts = calls.map((c) => c.startedAt);
  const spanSeconds = starts.length > 1 ? (Math.max(...starts) - Math.min(...starts)) / 1000 : 0;
  const distinct = new Set(calls.map((c) => c.emailHash)).size;
  return {
    calls: calls.length,
    missed: target.contactIds.length - distinct + (calls.length - distinct),
    spanSeconds,
    rate: spanSeconds > 0 ? (calls.length - 1) / spanSeconds : 0,
    peakPerSecond: peakWithin(starts),
    wallSeconds,
    jobState: job.state,
    output: job.output,
  };
}
