import type { DbHandle } from "@isoloir/db";
import { testDatabases, testKeys } from "@isoloir/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Network, networks, type Provider } from "../providers/types";
import { bulkSubscribers, orgWithSwitch } from "../testing/fixtures";
import { ProviderLimiter } from "./limiter";
import { enrichmentHandler } from "./run-job";

// The handler alone, with a provider that answers at once: how it finishes when part of its own
// bookkeeping fails (the provider is outside our code; the database is real).

function countingProviders() {
  const calls = { n: 0 };
  const provider = (network: Network): Provider => ({
    network,
    lookupByEmail: async () => {
      calls.n += 1;
      return { status: "not_found" };
    },
  });
  return {
    calls,
    providers: Object.fromEntries(networks.map((n) => [n, provider(n)])) as Record<Network, Provider>,
  };
}

describe.each(testDatabases())("the enrichment handler on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  async function setup(size: number) {
    const org = await orgWithSwitch(handle.db, true);
    const contactIds = await bulkSubscribers(handle.db, org.id, size, {
      consentAt: new Date("2026-01-10T10:00:00Z"),
    });
    const { calls, providers } = countingProviders();
    const handler = enrichmentHandler({
      db: handle.db,
      providers,
      limiter: new ProviderLimiter(() => ({ ratePerSecond: Number.POSITIVE_INFINITY, concurrency: 8 })),
      hmacKey: testKeys.hmacKey,
      providerAllowed: async () => true,
    });
    const data = { orgId: org.id, provider: "twitter" as const, contactIds, requestedBy: "user:test" };
    return { calls, handler, data };
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
    const { calls, handler, data } = await setup(70);
    let reports = 0;
    const reportProgress = async () => {
      reports += 1;
      if (reports === 2) throw new Error("the progress row is gone");
    };
    const job = {
      id: "job-broken",
      queue: "enrichment-run",
      data,
      retryCount: 0,
      signal: new AbortController().signal,
      reportProgress,
    };
    await expect(handler(job)).rejects.toThrow("the progress row is gone");
    const settled = calls.n;
    await new Promise((r) => setTimeout(r, 200));
    expect(calls.n).toBe(settled);
    expect(settled).toBeLessThan(70);
  });
});
