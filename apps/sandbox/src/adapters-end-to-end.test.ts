import {
  hashEmail as adapterHash,
  createProvider,
  EnrichedProfile,
  ProviderAuthError,
  providersFromEnv,
  RateLimitedError,
  sandboxDefaultToken,
  TransientProviderError,
} from "@isoloir/enrichment";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_PORT, defaultToken } from "./config";
import { hashEmail, networks } from "./population";
import { type Sandbox, startSandbox } from "./server";
import { demoEmails } from "./testing";

let sandbox: Sandbox;
const emails = demoEmails(120, "e2e");

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: "e2e" });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.configure({ preset: "off" });
  sandbox.clearLog();
});

const providers = () =>
  providersFromEnv({ ISOLOIR_SANDBOX_URL: sandbox.url, ISOLOIR_PROVIDER_TIMEOUT_MS: "20000" }); // generous: a loaded CI machine is slow, the timeout has its own test

describe("the enrichment adapters against the sandbox", () => {
  it("agree with the sandbox on the email hash, the default tokens and the default port", () => {
    for (const e of [...emails.slice(0, 5), "  Mixed.Case@Mail.example "])
      expect(adapterHash(e)).toBe(hashEmail(e));
    for (const n of networks) expect(sandboxDefaultToken(n)).toBe(defaultToken(n));
    expect(DEFAULT_PORT).toBe(3100);
  });

  it.each(networks)(
    "map every %s answer to the common profile exactly when the population has one",
    async (network) => {
      const provider = providers()[network];
      const results = await Promise.all(emails.map((e) => provider.lookupByEmail(e)));
      for (const [i, result] of results.entries()) {
        const member = sandbox.population.lookup(hashEmail(emails[i] ?? ""), network);
        if (member === null) {
          expect(result).toEqual({ status: "not_found" });
          continue;
        }
        if (result.status !== "found") throw new Error(`expected a profile for email #${i}`);
        expect(EnrichedProfile.parse(result.profile)).toEqual(result.profile);
        expect(result.profile).toMatchObject({
          network,
          handle: member.handle,
          profileUrl: member.profileUrl,
        });
        expect(result.profile.location).toBe(member.city);
        expect(result.profile.followers).toBe(network === "meetup" ? null : member.followers);
      }
      expect(results.some((r) => r.status === "found")).toBe(true);
    },
  );

  it("send only hashes: no clear email reaches the sandbox's log", async () => {
    await Promise.all(networks.map((n) => providers()[n].lookupByEmail(emails[0] ?? "")));
    const log = JSON.stringify(sandbox.log());
    expect(log).toContain(hashEmail(emails[0] ?? ""));
    expect(log).not.toContain("@");
  });

  it("surface the sandbox's 429 as RateLimitedError with its Retry-After", async () => {
    sandbox.configure({ rateLimitRate: 1, retryAfterSeconds: 3 });
    const error = await providers()
      .facebook.lookupByEmail(emails[0] ?? "")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ retryAfterSeconds: 3 });
  });

  it("surface the sandbox's requests-per-second limit as RateLimitedError", async () => {
    sandbox.configure({ maxRequestsPerSecond: 2 });
    const settled = await Promise.allSettled(
      emails.slice(0, 6).map((e) => providers().twitter.lookupByEmail(e)),
    );
    const rejected = settled.filter((s) => s.status === "rejected").map((s) => s.reason);
    expect(rejected).toHaveLength(4);
    expect(rejected.every((r) => r instanceof RateLimitedError && r.retryAfterSeconds === 1)).toBe(true);
  });

  it("surface a 5xx as a retryable TransientProviderError", async () => {
    sandbox.configure({ errorRate: 1 });
    const error = await providers()
      .linkedin.lookupByEmail(emails[0] ?? "")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientProviderError);
    expect(error).toMatchObject({ reason: "server_error", retryable: true });
  });

  it("time out on a sandbox slower than their timeout", async () => {
    sandbox.configure({ latencyMs: 500 });
    const provider = createProvider("meetup", {
      baseUrl: sandbox.url,
      token: defaultToken("meetup"),
      timeoutMs: 100,
    });
    const error = await provider.lookupByEmail(emails[0] ?? "").catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "timeout" });
    await vi.waitFor(() => expect(sandbox.log()[0]?.outcome).toBe("aborted"), { timeout: 2_000 });
  });

  it("surface a wrong token as ProviderAuthError", async () => {
    const wrong = providersFromEnv({ ISOLOIR_SANDBOX_URL: sandbox.url, ISOLOIR_FACEBOOK_TOKEN: "stolen?" });
    await expect(wrong.facebook.lookupByEmail(emails[0] ?? "")).rejects.toBeInstanceOf(ProviderAuthError);
  });
});
