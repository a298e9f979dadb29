import { type AuditEntry, appendAudit, pseudonym, systemActor } from "@isoloir/audit";
import type { Db } from "@isoloir/db";
import type { JobContext } from "@isoloir/jobs";
import type { CompiledPolicy } from "@isoloir/policy";
import PQueue from "p-queue";
import { z } from "zod";
import { Batcher } from "../gate/batcher";
import { checkGates, type GateRef, type GateResult } from "../gate/check";
import { GroupWriter } from "../gate/group-write";
import { type Network, networks, type Provider } from "../providers/types";
import type { ProviderLimiter } from "./limiter";
import { lookupWithRetry, type RetryPolicy } from "./lookup-with-retry";
import { lookupPreChecks, type PreCheck } from "./pre-check";

export const ENRICHMENT_QUEUE = "enrichment-run";

export const EnrichmentJobData = z.object({
  orgId: z.uuid(),
  provider: z.enum(networks),
  contactIds: z.array(z.uuid()).min(1),
  /** the requesting member's audit pseudonym */
  requestedBy: z.string().min(1),
});
export type EnrichmentJobData = z.infer<typeof EnrichmentJobData>;

export const outcomes = ["found", "not_found", "fresh", "refused", "stopped", "no_email", "failed"] as const;
export type Outcome = (typeof outcomes)[number];

export interface EnrichmentJobOutput {
  counts: Record<Outcome, number>;
  /** rule id (or "no_live_consent") → contacts the gate refused for it */
  refusedBy: Record<string, number>;
}

export interface EnrichmentDeps {
  db: Db;
  providers: Record<Network, Provider>;
  limiter: ProviderLimiter;
  hmacKey: string;
  /** looked-up data younger than this is fresh: no new call (default 30 days) */
  ttlMs?: number;
  now?: () => Date;
  rules?: CompiledPolicy;
  retry?: RetryPolicy;
  /**
   * instrumentation: called when a gate check right before a call passed, with the instant it passed
   * and the instant it began (its reads lie between the two; tests read them)
   */
  onGatePassed?: (ref: GateRef, atMs: number, checkStartedAtMs: number) => void;
  /** checks the allow-list: a job for a provider not on it is refused whole */
  providerAllowed: (db: Db, orgId: string, provider: Network) => Promise<boolean>;
}

export class ProviderNotAllowedError extends Error {
  constructor(readonly provider: Network) {
    super(`provider ${provider} is not on the organisation's allow-list: the job is refused whole`);
  }
}

/**
 * One job's batching: the gate checks right before calls, and the writes. A gate check that arrives
 * while another batch of them is being read waits for it and goes in the next, read on rows as fresh
 * as that statement's; the call starts only after its own check passed.
 */
interface JobBatches {
  gates: Batcher<GateRef, GateResult>;
  writer: GroupWriter;
}

function jobBatches(deps: EnrichmentDeps, jobId: string): JobBatches {
  const now = deps.now ?? (() => new Date());
  return {
    gates: new Batcher((refs) => checkGates(deps.db, refs, now(), deps.rules), { maxBatch: 32, lingerMs: 0 }),
    writer: new GroupWriter(deps.db, { jobId, at: deps.now, rules: deps.rules }),
  };
}

interface ContactRun {
  outcome: Outcome;
  refusedBy?: string[];
}

/** One contact: fresh? gate, call (through the limiter, the gate right before each attempt), write. */
async function enrichOne(
  deps: EnrichmentDeps,
  job: JobContext<unknown>,
  batches: JobBatches,
  ref: GateRef,
  pre: PreCheck | undefined,
): Promise<ContactRun> {
  if (job.signal.aborted) return { outcome: "stopped" };
  if (pre?.fresh) return { outcome: "fresh" };
  const email = pre?.email;
  if (!email) return { outcome: "no_email" };
  let refusedBy: string[] | undefined;
  const gateBeforeCall = async () => {
    if (job.signal.aborted) return false;
    const checkStartedAt = Date.now();
    const gate = await batches.gates.submit(ref);
    if (!gate.allowed) {
      refusedBy =
        gate.refusal === "policy"
          ? (gate.decision?.reasons.map((r) => r.ruleId) ?? [])
          : [gate.refusal ?? "refused"];
    }
    if (gate.allowed) deps.onGatePassed?.(ref, Date.now(), checkStartedAt);
    return gate.allowed;
  };
  const lookup = await deps.limiter.run(ref.provider, () =>
    lookupWithRetry(deps.providers[ref.provider], email, {
      signal: job.signal,
      retry: deps.retry,
      beforeEachAttempt: gateBeforeCall,
    }),
  );
  if ("stopped" in lookup) return refusedBy ? { outcome: "refused", refusedBy } : { outcome: "stopped" };
  const profile = lookup.result.status === "found" ? lookup.result.profile : null;
  const written = await batches.writer.write({
    ref,
    profile,
    audit: lookupAudit(deps, ref, lookup.result.status),
  });
  if (!written.written) {
    const reasons = written.gate.decision?.reasons.map((r) => r.ruleId) ?? [];
    return {
      outcome: "refused",
      refusedBy: written.gate.refusal === "policy" ? reasons : [written.gate.refusal ?? "refused"],
    };
  }
  return { outcome: lookup.result.status };
}

/** The audit entry of one provider call (the contact pseudonymised); it commits with the call's write. */
function lookupAudit(deps: EnrichmentDeps, ref: GateRef, result: string): AuditEntry {
  return {
    orgId: ref.orgId,
    action: "enrichment.lookup",
    actor: systemActor,
    target: pseudonym(deps.hmacKey, ref.orgId, "contact", ref.contactId),
    details: { provider: ref.provider, result },
  };
}

const PRE_CHECK_CHUNK = 32;
const IN_FLIGHT = 16;

/**
 * The job handler: every contact of the job, through the provider's limiter, with progress. Contacts
 * are pre-checked a chunk at a time, just ahead of the calls (a chunk is read when fewer than
 * IN_FLIGHT contacts are left waiting), and at most IN_FLIGHT are past their pre-check at once.
 */
export function enrichmentHandler(deps: EnrichmentDeps) {
  return async (job: JobContext<unknown>): Promise<EnrichmentJobOutput> => {
    const data = EnrichmentJobData.parse(job.data);
    if (!(await deps.providerAllowed(deps.db, data.orgId, data.provider)))
      throw new ProviderNotAllowedError(data.provider);
    const output: EnrichmentJobOutput = {
      counts: Object.fromEntries(outcomes.map((o) => [o, 0])) as EnrichmentJobOutput["counts"],
      refusedBy: {},
    };
    let done = 0;
    const total = data.contactIds.length;
    await job.reportProgress({ done, total });
    const local = new PQueue({ concurrency: IN_FLIGHT });
    const batches = jobBatches(deps, job.id);
    const runOne = async (contactId: string, pre: PreCheck | undefined) => {
      const run = await enrichOne(
        deps,
        job,
        batches,
        { orgId: data.orgId, contactId, provider: data.provider },
        pre,
      ).catch((): ContactRun => ({ outcome: job.signal.aborted ? "stopped" : "failed" }));
      output.counts[run.outcome] += 1;
      for (const id of run.refusedBy ?? []) output.refusedBy[id] = (output.refusedBy[id] ?? 0) + 1;
      done += 1;
      if (done === total || done % 25 === 0)
        await job.reportProgress({ done, total, note: JSON.stringify(output.counts) });
    };
    const preChecks = (contactIds: string[]) =>
      job.signal.aborted
        ? new Map<string, PreCheck>()
        : lookupPreChecks(
            deps.db,
            { orgId: data.orgId, provider: data.provider, contactIds },
            (deps.now ?? (() => new Date()))(),
            deps.ttlMs,
          );
    // a failure (a pre-check statement, a progress write) drops the contacts not yet started, lets those
    // under way finish, then fails the job (a retry skips what is fresh by then)
    let failure: { error: unknown } | undefined;
    const fail = (error: unknown) => {
      failure ??= { error };
      local.clear();
    };
    for (let at = 0; at < total && !failure; at += PRE_CHECK_CHUNK) {
      await local.onSizeLessThan(IN_FLIGHT);
      const contactIds = data.contactIds.slice(at, at + PRE_CHECK_CHUNK);
      const pre = await Promise.resolve(preChecks(contactIds)).catch((error: unknown) => void fail(error));
      for (const contactId of pre ? contactIds : [])
        void local.add(() => runOne(contactId, pre?.get(contactId))).catch(fail);
    }
    await local.onIdle();
    if (failure) throw failure.error;
    await appendAudit(deps.db, {
      orgId: data.orgId,
      action: "enrichment.job_finished",
      actor: systemActor,
      target: `job:${job.id}`.slice(0, 80),
      details: { provider: data.provider, ...output.counts, refusedBy: output.refusedBy },
    });
    return output;
  };
}
