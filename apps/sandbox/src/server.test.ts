import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { offConfig } from "./config";
import { hashEmail, networks } from "./population";
import { type Sandbox, startSandbox } from "./server";
import { demoEmails, rawLookup } from "./testing";

let sandbox: Sandbox;
const emails = demoEmails(400, "server");

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: "server-test" });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.configure({ preset: "off" });
  sandbox.clearLog();
});

const sequentially = async <T>(items: readonly T[], fn: (item: T) => Promise<unknown>) => {
  for (const item of items) await fn(item);
};

describe("the sandbox's endpoints", () => {
  it("answers /healthz", async () => {
    const response = await fetch(`${sandbox.url}/healthz`);
    expect(await response.json()).toEqual({ status: "ok", seed: "server-test", networks: [...networks] });
  });

  it.each(networks)("answers %s lookups as the population says, in its own shape", async (network) => {
    const results = await Promise.all(emails.slice(0, 40).map((e) => rawLookup(sandbox.url, network, e)));
    const found = emails.slice(0, 40).map((e) => sandbox.population.lookup(hashEmail(e), network) !== null);
    expect(results.every((r) => r.status === 200 || (network === "linkedin" && r.status === 404))).toBe(true);
    const outcomes = sandbox.log({ network }).map((e) => e.outcome);
    expect(outcomes.filter((o) => o === "found").length).toBe(found.filter(Boolean).length);
  });

  it("refuses a missing token with 401 and another network's token with 403", async () => {
    expect((await rawLookup(sandbox.url, "facebook", "a@b.example", null)).status).toBe(401);
    expect((await rawLookup(sandbox.url, "facebook", "a@b.example", "sandbox-twitter-token")).status).toBe(
      403,
    );
    expect(sandbox.log().map((e) => [e.status, e.outcome, e.emailHash])).toEqual([
      [401, "unauthorized", null],
      [403, "forbidden", null],
    ]);
  });

  it("accepts the tokens it was configured with", async () => {
    const custom = await startSandbox({ port: 0, tokens: { meetup: "s3cret" } });
    try {
      expect((await rawLookup(custom.url, "meetup", "a@b.example", "s3cret")).status).toBe(200);
      expect((await rawLookup(custom.url, "meetup", "a@b.example")).status).toBe(403);
    } finally {
      await custom.close();
    }
  });

  it("rejects something that is not a SHA-256 hex hash with 400", async () => {
    expect((await rawLookup(sandbox.url, "twitter", "not-a-hash")).status).toBe(400);
    expect((await rawLookup(sandbox.url, "linkedin", "A".repeat(64))).status).toBe(400);
  });

  it("answers 405 to the wrong method and 404 to an unknown path", async () => {
    expect((await fetch(`${sandbox.url}/meetup/gql`)).status).toBe(405);
    expect((await fetch(`${sandbox.url}/myspace/lookup`)).status).toBe(404);
  });
});

describe("the admin config endpoint", () => {
  it("reads, patches and validates the config", async () => {
    expect(await (await fetch(`${sandbox.url}/_sandbox/config`)).json()).toEqual(offConfig);
    const patched = await fetch(`${sandbox.url}/_sandbox/config`, {
      method: "POST",
      body: JSON.stringify({ errorRate: 0.5 }),
    });
    expect(await patched.json()).toEqual({ ...offConfig, errorRate: 0.5 });
    expect(sandbox.config().errorRate).toBe(0.5);
    const invalid = await fetch(`${sandbox.url}/_sandbox/config`, {
      method: "POST",
      body: JSON.stringify({ errorRate: 3 }),
    });
    expect(invalid.status).toBe(400);
    const unknown = await fetch(`${sandbox.url}/_sandbox/config`, {
      method: "POST",
      body: JSON.stringify({ chaos: true }),
    });
    expect(unknown.status).toBe(400);
    expect(sandbox.config().errorRate).toBe(0.5);
  });

  it("applies a preset and then the fields given beside it", async () => {
    const response = await fetch(`${sandbox.url}/_sandbox/config`, {
      method: "POST",
      body: JSON.stringify({ preset: "realistic", latencyMs: 5 }),
    });
    expect(await response.json()).toMatchObject({ latencyMs: 5, maxRequestsPerSecond: 20, errorRate: 0.02 });
  });
});

describe("latency, 429 and 5xx switches", () => {
  it("adds the configured fixed latency and jitter, and none when off", async () => {
    sandbox.configure({ latencyMs: 120, jitterMs: 40 });
    const slow = await Promise.all(emails.slice(0, 10).map((e) => rawLookup(sandbox.url, "facebook", e)));
    for (const r of slow) expect(r.elapsedMs).toBeGreaterThanOrEqual(115);
    for (const e of sandbox.log()) expect((e.answeredAt ?? 0) - e.startedAt).toBeGreaterThanOrEqual(118);
    for (const e of sandbox.log()) expect((e.answeredAt ?? 0) - e.startedAt).toBeLessThan(1_000);
    sandbox.configure({ latencyMs: 0, jitterMs: 0 });
    sandbox.clearLog();
    await sequentially(emails.slice(0, 10), (e) => rawLookup(sandbox.url, "facebook", e));
    for (const e of sandbox.log()) expect((e.answeredAt ?? 0) - e.startedAt).toBeLessThan(50);
  });

  it("answers about the configured share of random 429s, with Retry-After", async () => {
    sandbox.configure({ rateLimitRate: 0.3, retryAfterSeconds: 4 });
    const answers = await Promise.all(emails.map((e) => rawLookup(sandbox.url, "twitter", e)));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length / answers.length).toBeGreaterThan(0.22);
    expect(limited.length / answers.length).toBeLessThan(0.38);
    expect(limited.every((a) => a.headers.get("retry-after") === "4")).toBe(true);
  });

  it("limits each network to the configured requests per second, separately", async () => {
    sandbox.configure({ maxRequestsPerSecond: 5 });
    const burst = await Promise.all(emails.slice(0, 12).map((e) => rawLookup(sandbox.url, "linkedin", e)));
    const limited = burst.filter((a) => a.status === 429);
    expect(limited.length).toBe(7);
    expect(limited.every((a) => a.headers.get("retry-after") === "1")).toBe(true);
    expect((await rawLookup(sandbox.url, "meetup", emails[0] ?? "")).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    expect((await rawLookup(sandbox.url, "linkedin", emails[0] ?? "")).status).not.toBe(429);
  });

  it("answers about the configured share of transient 5xx", async () => {
    sandbox.configure({ errorRate: 0.25 });
    const answers = await Promise.all(emails.map((e) => rawLookup(sandbox.url, "meetup", e)));
    const errors = answers.filter((a) => a.status >= 500);
    expect(errors.length / answers.length).toBeGreaterThan(0.18);
    expect(errors.length / answers.length).toBeLessThan(0.32);
    expect(new Set(errors.map((a) => a.status))).toEqual(new Set([500, 502, 503]));
  });

  it("misbehaves not at all once everything is switched off again", async () => {
    sandbox.configure({ errorRate: 0.5, rateLimitRate: 0.5, maxRequestsPerSecond: 3 });
    sandbox.configure({ preset: "off" });
    const answers = await Promise.all(emails.map((e) => rawLookup(sandbox.url, "facebook", e)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
  });
});

describe("the request log", () => {
  it("records each lookup with network, hash, times and status, and clears", async () => {
    const before = Date.now();
    await rawLookup(sandbox.url, "facebook", emails[0] ?? "");
    await rawLookup(sandbox.url, "linkedin", emails[1] ?? "");
    const response = await fetch(`${sandbox.url}/_sandbox/log`);
    const { entries, dropped } = (await response.json()) as {
      entries: Record<string, unknown>[];
      dropped: number;
    };
    expect(dropped).toBe(0);
    expect(entries.map((e) => [e.network, e.emailHash])).toEqual([
      ["facebook", hashEmail(emails[0] ?? "")],
      ["linkedin", hashEmail(emails[1] ?? "")],
    ]);
    for (const e of entries) {
      expect(e.startedAt as number).toBeGreaterThanOrEqual(before);
      expect(e.answeredAt as number).toBeGreaterThanOrEqual(e.startedAt as number);
      expect(new Date(e.receivedAt as string).getTime()).toBe(e.startedAt);
      expect([200, 404]).toContain(e.status);
    }
    expect((await fetch(`${sandbox.url}/_sandbox/log`, { method: "DELETE" })).status).toBe(204);
    expect(sandbox.log()).toEqual([]);
  });

  it("filters by network and by entries after an id", async () => {
    await sequentially(emails.slice(0, 3), (e) => rawLookup(sandbox.url, "twitter", e));
    await rawLookup(sandbox.url, "meetup", emails[0] ?? "");
    const all = sandbox.log();
    const after = await (await fetch(`${sandbox.url}/_sandbox/log?since=${all[1]?.id}`)).json();
    expect((after as { entries: unknown[] }).entries).toHaveLength(2);
    const meetup = await (await fetch(`${sandbox.url}/_sandbox/log?network=meetup`)).json();
    expect((meetup as { entries: unknown[] }).entries).toHaveLength(1);
    expect((await fetch(`${sandbox.url}/_sandbox/log?network=myspace`)).status).toBe(400);
  });

  it("shows a lookup as pending while its latency runs, and as aborted if the client leaves", async () => {
    sandbox.configure({ latencyMs: 500 });
    const controller = new AbortController();
    const pending = rawLookup(sandbox.url, "facebook", emails[0] ?? "").catch(() => undefined);
    const aborted = fetch(`${sandbox.url}/twitter/2/users/by/email_sha256/${hashEmail("x@y.example")}`, {
      headers: { authorization: "Bearer sandbox-twitter-token" },
      signal: controller.signal,
    }).catch(() => undefined);
    await vi.waitFor(() => expect(sandbox.log()).toHaveLength(2), { interval: 10 });
    expect(sandbox.log().map((e) => e.answeredAt)).toEqual([null, null]);
    controller.abort();
    await Promise.all([pending, aborted]);
    const byNetwork = () => new Map(sandbox.log().map((e) => [e.network, e]));
    await vi.waitFor(() => expect(byNetwork().get("twitter")?.outcome).toBe("aborted"), { timeout: 2_000 });
    expect(byNetwork().get("facebook")?.outcome).toMatch(/^(found|not_found)$/);
    const left = byNetwork().get("twitter");
    expect(left).toMatchObject({ status: 0 });
    expect(left?.answeredAt).toBeGreaterThanOrEqual((left?.startedAt ?? 0) + 490);
  });

  it("keeps at most logLimit entries and counts the dropped ones", async () => {
    const small = await startSandbox({ port: 0, logLimit: 3 });
    try {
      await sequentially(emails.slice(0, 5), (e) => rawLookup(small.url, "facebook", e));
      expect(small.log().map((e) => e.id)).toEqual([3, 4, 5]);
      const body = (await (await fetch(`${small.url}/_sandbox/log`)).json()) as { dropped: number };
      expect(body.dropped).toBe(2);
    } finally {
      await small.close();
    }
  });
});
