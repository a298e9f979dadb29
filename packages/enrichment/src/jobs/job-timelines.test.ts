import type { DbHandle } from "@isoloir/db";
import { testDatabases, testKeys } from "@isoloir/db/testing";
import { type JobQueue, openEmbeddedQueue, type Worker } from "@isoloir/jobs";
import { ruleSet, semver } from "@isoloir/policies";
import { compilePolicy } from "@isoloir/policy";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enrichmentRuntime } from "../runtime";
import { judge, noTotals, type Totals } from "../testing/job-timeline-oracle";
import { scenario } from "../testing/job-timeline-plan";
import { type JobRig, playThroughJobs } from "../testing/job-timeline-runner";
import { type SandboxProcess, startSandboxProcess } from "../testing/sandbox-process";
import { ENRICHMENT_QUEUE, type EnrichmentDeps, enrichmentHandler } from "./run-job";

// About 200 consent timelines through real jobs against the sandbox process (latency and errors off):
// four runs of two or three organisations with 25 contacts each, one job per allowed provider, and
// withdrawals, objections and switches going off committed while the jobs run. The sandbox's request
// log is the oracle (job-timeline-oracle.ts).
const RUNS = 4;
const CONTACTS_PER_ORG = 25;

/** A gate that forgot the switch, objection and suppression rules (only consent still counts). */
const forgetful = compilePolicy(
  ruleSet.filter(
    (r) =>
      ![
        "ORG-ENRICHMENT-SWITCH",
        "ORG-SUPPRESSION-LIST",
        "EU-GDPR-ART21-OBJECTION",
        "FR-CNIL-OBJECTION-SUPPRESSION-ACROSS-ELECTIONS",
      ].includes(r.id),
  ),
  { semver },
);

describe.each(testDatabases())("consent timelines through real jobs on $name", (target) => {
  let handle: DbHandle;
  let sandbox: SandboxProcess;
  let jobs: JobQueue;
  let worker: Worker;
  let deps: EnrichmentDeps;
  const gatePasses: JobRig["gatePasses"] = [];
  const onGatePassed: EnrichmentDeps["onGatePassed"] = (ref, atMs, startedAtMs) =>
    gatePasses.push({ contactId: ref.contactId, provider: ref.provider, startedAtMs, atMs });
  const startWorker = (extra: Partial<EnrichmentDeps> = {}) =>
    jobs.work(
      ENRICHMENT_QUEUE,
      { concurrency: 8, pollIntervalMs: 50 },
      enrichmentHandler({ ...deps, onGatePassed, ...extra }),
    );

  beforeAll(async () => {
    [handle, sandbox] = await Promise.all([target.open(), startSandboxProcess()]);
    jobs = await openEmbeddedQueue(handle.db);
    deps = enrichmentRuntime(handle.db, testKeys.hmacKey, {
      ISOLOIR_SANDBOX_URL: sandbox.url,
      ISOLOIR_ENRICH_RATE: "10",
      // a loaded machine can hold an answer past the default 5 s; a timeout would retry, calling twice
      ISOLOIR_PROVIDER_TIMEOUT_MS: "30000",
    });
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker?.stop({ graceful: false });
    await jobs?.stop({ graceful: false });
    await sandbox?.stop();
    await handle?.close();
  });

  it("never calls anyone after the event that invalidated them committed, beyond a gate check already made, and calls the others once per provider", {
    timeout: 180_000,
  }, async ({ annotate }) => {
    const rig: JobRig = { db: handle.db, jobs, sandbox, gatePasses };
    const totals = noTotals();
    let timelines = 0;
    await fc.assert(
      fc.asyncProperty(scenario(CONTACTS_PER_ORG), async (plans) => {
        const { played, jobStates } = await playThroughJobs(rig, plans);
        expect(
          jobStates.every((s) => s === "completed"),
          jobStates.join(),
        ).toBe(true);
        const verdict = judge(played);
        expect(verdict.violations).toEqual([]);
        timelines += played.contacts.length;
        for (const k of Object.keys(totals) as (keyof Totals)[]) totals[k] += verdict[k];
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(timelines).toBeGreaterThanOrEqual(200);
    // the events really landed mid-job: some invalidated people were never called, others were before
    expect(totals.neverCalled).toBeGreaterThan(0);
    expect(totals.calledBefore).toBeGreaterThan(0);
    expect(totals.controls).toBeGreaterThan(10);
    await annotate(`${target.name}: ${timelines} timelines, ${JSON.stringify(totals)}`);
  });

  it("catches a gate that forgot the switch and objection rules", { timeout: 120_000 }, async () => {
    await worker.stop({ graceful: true });
    worker = await startWorker({ rules: forgetful });
    const rig: JobRig = { db: handle.db, jobs, sandbox, gatePasses };
    const details = await fc.check(
      fc.asyncProperty(scenario(CONTACTS_PER_ORG), async (plans) => {
        expect(judge((await playThroughJobs(rig, plans)).played).violations).toEqual([]);
      }),
      { numRuns: 3, endOnFailure: true },
    );
    expect(details.failed).toBe(true);
  });
});
