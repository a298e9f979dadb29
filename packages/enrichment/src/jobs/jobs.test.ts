import { contacts, type DbHandle, enrichments, providerAllowList } from "@isoloir/db";
import { testDatabases, testKeys } from "@isoloir/db/testing";
import { type JobQueue, openEmbeddedQueue, type Worker } from "@isoloir/jobs";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eligibleContactIds, enrichmentEligibility } from "../eligibility";
import { hashEmail } from "../providers/email-hash";
import { enrichmentRuntime, providerAllowed } from "../runtime";
import { orgWithSwitch, subscriber, withdraw } from "../testing/fixtures";
import { type SandboxProcess, startSandboxProcess } from "../testing/sandbox-process";
import {
  ENRICHMENT_QUEUE,
  type EnrichmentJobOutput,
  enrichmentHandler,
  ProviderNotAllowedError,
} from "./run-job";
import { startEnrichment } from "./start";

const consentAt = new Date("2026-01-10T10:00:00Z");

describe.each(testDatabases())("enrichment jobs against the sandbox, on $name", (target) => {
  let handle: DbHandle;
  let sandbox: SandboxProcess;
  let jobs: JobQueue;
  let worker: Worker;
  const gatePasses: { contactId: string; at: number; startedAt: number }[] = [];

  beforeAll(async () => {
    [handle, sandbox] = await Promise.all([target.open(), startSandboxProcess()]);
    jobs = await openEmbeddedQueue(handle.db);
    const deps = enrichmentRuntime(handle.db, testKeys.hmacKey, {
      ISOLOIR_SANDBOX_URL: sandbox.url,
      ISOLOIR_ENRICH_RATE: "50",
    });
    worker = await jobs.work(
      ENRICHMENT_QUEUE,
      { concurrency: 2, pollIntervalMs: 50 },
      enrichmentHandler({
        ...deps,
        onGatePassed: (ref, at, startedAt) => gatePasses.push({ contactId: ref.contactId, at, startedAt }),
      }),
    );
  });
  afterAll(async () => {
    await worker?.stop({ graceful: false });
    await jobs?.stop({ graceful: false });
    await sandbox?.stop();
    await handle?.close();
  });

  async function campaign(consenting: number, refusing: number, allow = true) {
    const org = await orgWithSwitch(handle.db, true);
    if (allow)
      await handle.db.insert(providerAllowList).values({ orgId: org.id, provider: "twitter", allowed: true });
    const yes = [];
    for (let i = 0; i < consenting; i++) yes.push(await subscriber(handle.db, org.id, { consentAt }));
    for (let i = 0; i < refusing; i++) await subscriber(handle.db, org.id);
    return { org, yes };
  }

  async function waitFor(id: string) {
    for (;;) {
      const job = await jobs.getJob<unknown, EnrichmentJobOutput>(id);
      if (job && ["completed", "failed", "cancelled"].includes(job.state)) return job;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const hashesOf = async (orgId: string, ids: string[]) =>
    (
      await handle.db
        .select({ email: contacts.email })
        .from(contacts)
        .where(and(eq(contacts.orgId, orgId), inArray(contacts.id, ids)))
    ).map((c) => hashEmail(c.email ?? ""));

  it("counts the eligible and why the others are not, then calls each eligible contact exactly once", async () => {
    const { org, yes } = await campaign(12, 5);
    const preview = await enrichmentEligibility(handle.db, { orgId: org.id, provider: "twitter" });
    expect(preview).toMatchObject({ total: 17, eligible: 12 });
    expect(preview.deniedBy["FR-CNIL-SOCIAL-ENRICHMENT"]).toBe(5);
    const ids = await eligibleContactIds(handle.db, { orgId: org.id, provider: "twitter" });
    expect(ids.sort()).toEqual([...yes].sort());
    const before = (await sandbox.log()).length;
    const job = await waitFor(
      await startEnrichment(handle.db, jobs, providerAllowed, {
        orgId: org.id,
        provider: "twitter",
        contactIds: ids,
        requestedBy: "user:test",
      }),
    );
    expect(job.state).toBe("completed");
    const counts = job.output?.counts;
    expect((counts?.found ?? 0) + (counts?.not_found ?? 0)).toBe(12);
    const calls = (await sandbox.log()).slice(before);
    expect(new Set(calls.map((c) => c.emailHash))).toEqual(new Set(await hashesOf(org.id, yes)));
    expect(calls).toHaveLength(12);
    // a re-run within the TTL makes no new call
    const rerun = await waitFor(
      await startEnrichment(handle.db, jobs, providerAllowed, {
        orgId: org.id,
        provider: "twitter",
        contactIds: ids,
        requestedBy: "user:test",
      }),
    );
    expect(rerun.output?.counts.fresh).toBe(12);
    expect((await sandbox.log()).length).toBe(before + 12);
  });

  it("refuses a job whole for a provider not on the allow-list", async () => {
    const { org, yes } = await campaign(2, 0, false);
    await expect(
      startEnrichment(handle.db, jobs, providerAllowed, {
        orgId: org.id,
        provider: "twitter",
        contactIds: yes,
        requestedBy: "user:test",
      }),
    ).rejects.toBeInstanceOf(ProviderNotAllowedError);
  });

  it("stops calling people whose consent is withdrawn mid-job, beyond a lookup whose gate had passed", async () => {
    await sandbox.configure({ latencyMs: 40 });
    const { org, yes } = await campaign(30, 0);
    const id = await startEnrichment(handle.db, jobs, providerAllowed, {
      orgId: org.id,
      provider: "twitter",
      contactIds: yes,
      requestedBy: "user:test",
    });
    // withdraw once the job is under way (a first gate passed for one of its contacts), not after a
    // fixed wait that a slow start or a fast run would make too long or too short
    const ours = new Set(yes);
    await vi.waitFor(() => expect(gatePasses.some((g) => ours.has(g.contactId))).toBe(true), {
      timeout: 30_000,
      interval: 5,
    });
    const withdrawn = yes.slice(15);
    for (const contactId of withdrawn) await withdraw(handle.db, org.id, contactId, new Date());
    const committedAt = Date.now();
    await waitFor(id);
    await sandbox.configure({ latencyMs: 0 });
    const withdrawnHashes = new Set(await hashesOf(org.id, withdrawn));
    const log = await sandbox.log();
    // positive control: those who kept their consent were each called exactly once
    for (const hash of await hashesOf(org.id, yes.slice(0, 15)))
      expect(log.filter((c) => c.emailHash === hash)).toHaveLength(1);
    // and the withdrawal really happened mid-job: some withdrawn people were never called
    expect(log.filter((c) => withdrawnHashes.has(c.emailHash ?? "")).length).toBeLessThan(withdrawn.length);
    const late = log.filter((c) => withdrawnHashes.has(c.emailHash ?? "") && c.startedAt > committedAt);
    // a late call needs a gate check made before the commit: passed by then, or under way (begun before
    // it, so its reads may have come first — on PostgreSQL a check waiting for pool connections can
    // span the commit and be seen passing after it)
    const passedBefore = new Set(
      gatePasses.filter((g) => g.startedAt <= committedAt).map((g) => g.contactId),
    );
    const hashOfPassed = new Set(
      await hashesOf(
        org.id,
        withdrawn.filter((w) => passedBefore.has(w)),
      ),
    );
    for (const call of late) expect(hashOfPassed.has(call.emailHash ?? "")).toBe(true);
    const kept = await handle.db
      .select()
      .from(enrichments)
      .where(and(eq(enrichments.orgId, org.id), inArray(enrichments.contactId, withdrawn)));
    expect(kept).toEqual([]);
  });
});
