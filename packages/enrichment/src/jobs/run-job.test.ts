import type { DbHandle } from "@isoloir/db";
import { testDatabases, testKeys } from "@isoloir/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Network, networks, type Provider } from "../providers/types";
import { bulkSubscribers, orgWithSwitch } from "../testing/fixtures";
import { ProviderLimiter } from "./limiter";
import { enrichmentHandler } from "./run-job";

// The handler alone, with a provider that answers at once: how it finishes when part of its own
// bookkeeping fails (the provider is outside our code; the database is real).

/** Answers at once; from call number `holdFrom` on, each call waits until the test releases it. */
function countingProviders(holdFrom = Number.POSITIVE_INFINITY) {
  const calls = { n: 0 };
  const held: Array<() => void> = [];
  let holding = true;
  const provider = (network: Network): Provider => ({
    network,
    lookupByEmail: async () => {
      calls.n += 1;
      if (holding && calls.n >= holdFrom) await new Promise<void>((resolve) => held.push(resolve));
      return { status: "not_found" };
    },
  });
  const releaseAll = () => {
    holding = false;
    for (const release of held.splice(0)) release();
  };
  return {
    calls,
    held,
    releaseAll,
    providers: Object.fromEntries(networks.map((n) => [n, provider(n)])) as Record<Network, Provider>,
  };
}

describe.each(testDatabases())("the enrichment handler on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  async function setup(size: number, holdFrom?: number) {
    const org = await orgWithSwitch(handle.db, true);
    const contactIds = await bulkSubscribers(handle.db, org.id, size, {
      consentAt: new Date("2026-01-10T10:00:00Z"),
    });
    const { calls, held, releaseAll, providers } = countingProviders(holdFrom);
    const handler = enrichmentHandler({
      db: handle.db,
      providers,
      limiter: new ProviderLimiter(() => ({ ratePerSecond: Number.POSITIVE_INFINITY, concurrency: 8 })),
      hmacKey: testKeys.hmacKey,
      providerAllowed: async () => true,
    });
    const data = { orgId: org.id, provider: "twitter" as const, contactIds, requestedBy: "user:test" };
    return { calls, held, releaseAll, handler, data };
  }

  it("calls every consenting contact once and counts them", async () => {
    const { calls, handler, data } = await setup(70);
    const job = {
      id: "job-ok",
      queue: "enrichment-run",
      data,
      retryCount: 0,
      signal: new AbortController().signal,
      reportProgress: async () => undefined,
    };
    const output = await handler(job);
    expect(output.counts.not_found).toBe(70);
    expect(calls.n).toBe(70);
  });

  it("fails the job when a progress write fails, after the contacts already under way have finished", async () => {
    // 60 contacts: the handler has queued them all (two pre-check chunks) before 25 are done. The first
    // 25 calls answer at once, later ones wait for the test: the progress write at 25 done fails while
    // other contacts are under way, and those reach the provider and wait there
    const { calls, held, releaseAll, handler, data } = await setup(60, 26);
    let reports = 0;
    let failed = false;
    const reportProgress = async () => {
      reports += 1;
      if (reports === 2) {
        failed = true;
        throw new Error("the progress row is gone");
      }
    };
    const job = {
      id: "job-broken",
      queue: "enrichment-run",
      data,
      retryCount: 0,
      signal: new AbortController().signal,
      reportProgress,
    };
    let settled = false;
    const outcome = handler(job).finally(() => {
      settled = true;
    });
    outcome.catch(() => undefined);
    await vi.waitFor(() => expect(failed && held.length > 0).toBe(true), { timeout: 30_000, interval: 10 });
    // the write has failed and a contact under way waits for its answer: the job is not over yet
    expect(settled).toBe(false);
    releaseAll();
    await expect(outcome).rejects.toThrow("the progress row is gone");
    // those not yet started were dropped
    expect(calls.n).toBeGreaterThan(25);
    expect(calls.n).toBeLessThan(60);
  });
});
