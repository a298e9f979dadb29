import { describe, expect, it } from "vitest";
import { hashEmail, normaliseEmailForLookup } from "./email-hash";
import { providersFromEnv, sandboxDefaultToken } from "./from-env";
import { DEFAULT_RETRY_AFTER_SECONDS, parseRetryAfter } from "./http-lookup";
import { networks } from "./types";

describe("hashEmail", () => {
  it("hashes the trimmed, lower-cased address with SHA-256", () => {
    expect(hashEmail(" Alice@Example.ORG\n")).toBe(hashEmail("alice@example.org"));
    expect(hashEmail("alice@example.org")).toBe(
      "7a64adf28737ea90719cbdf0b1a87a5effff3753b79c91d717f4f4153ead0498",
    );
  });

  it("refuses something that is not an email", () => {
    expect(() => normaliseEmailForLookup("   ")).toThrow(TypeError);
  });
});

describe("parseRetryAfter", () => {
  it("reads delta-seconds, an HTTP date, and falls back when missing or garbled", () => {
    const now = Date.parse("2026-03-01T12:00:00Z");
    expect(parseRetryAfter("12", now)).toBe(12);
    expect(parseRetryAfter("Sun, 01 Mar 2026 12:00:05 GMT", now)).toBe(5);
    expect(parseRetryAfter("Sun, 01 Mar 2026 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBe(DEFAULT_RETRY_AFTER_SECONDS);
    expect(parseRetryAfter("soon", now)).toBe(DEFAULT_RETRY_AFTER_SECONDS);
  });
});

describe("providersFromEnv", () => {
  it("points every network at the sandbox with its sandbox token by default", async () => {
    const calls: { url: string; auth: string | null }[] = [];
    const fakeFetch: typeof fetch = async (input, init) => {
      calls.push({ url: String(input), auth: new Headers(init?.headers).get("authorization") });
      return new Response("{}", { status: 503 });
    };
    const providers = providersFromEnv({}, { fetch: fakeFetch });
    for (const network of networks)
      await providers[network].lookupByEmail("a@b.example").catch(() => undefined);
    expect(calls.map((c) => c.url.startsWith("http://127.0.0.1:3100/"))).toEqual([true, true, true, true]);
    expect(calls.map((c) => c.auth)).toEqual(networks.map((n) => `Bearer ${sandboxDefaultToken(n)}`));
  });

  it("takes the base URL, per-network URLs and tokens from the environment", async () => {
    const urls: string[] = [];
    const auths: (string | null)[] = [];
    const fakeFetch: typeof fetch = async (input, init) => {
      urls.push(String(input));
      auths.push(new Headers(init?.headers).get("authorization"));
      return new Response("{}", { status: 503 });
    };
    const providers = providersFromEnv(
      {
        ISOLOIR_SANDBOX_URL: "http://sandbox.test:9000",
        ISOLOIR_LINKEDIN_URL: "https://api.linkedin.test",
        ISOLOIR_TWITTER_TOKEN: "tw-secret",
      },
      { fetch: fakeFetch },
    );
    await providers.linkedin.lookupByEmail("a@b.example").catch(() => undefined);
    await providers.twitter.lookupByEmail("a@b.example").catch(() => undefined);
    expect(urls[0]).toBe("https://api.linkedin.test/linkedin/v2/peopleLookup");
    expect(urls[1]?.startsWith("http://sandbox.test:9000/twitter/2/")).toBe(true);
    expect(auths[1]).toBe("Bearer tw-secret");
  });

  it("rejects a timeout that is not a positive integer", () => {
    expect(() => providersFromEnv({ ISOLOIR_PROVIDER_TIMEOUT_MS: "-5" })).toThrow(RangeError);
  });
});
