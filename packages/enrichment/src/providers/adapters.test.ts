import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adapterFixtures } from "../testing/adapter-fixtures";
import { type StubServer, startStubServer } from "../testing/stub-server";
import { hashEmail } from "./email-hash";
import {
  ProviderAuthError,
  ProviderError,
  ProviderResponseError,
  RateLimitedError,
  TransientProviderError,
} from "./errors";
import { createProvider } from "./from-env";
import { networks } from "./types";

const email = "  Camille.Martin7@Courriel.example ";
const token = "test-token";
let stub: StubServer;

beforeAll(async () => {
  stub = await startStubServer();
});
afterAll(() => stub.close());

describe.each(networks)("the %s adapter", (network) => {
  const fixture = adapterFixtures[network];
  // a generous timeout (a loaded CI machine can hold a first answer past 300 ms); the timeout test sets its own
  const provider = (timeoutMs = 10_000) =>
    createProvider(network, { baseUrl: `${stub.url}/`, token, timeoutMs });

  it("maps a found member to the common profile", async () => {
    stub.reply(fixture.found);
    await expect(provider().lookupByEmail(email)).resolves.toEqual({
      status: "found",
      profile: fixture.expected,
    });
  });

  it("sends the bearer token and the email hash, never the email in clear", async () => {
    stub.reply(fixture.found);
    const before = stub.requests.length;
    await provider().lookupByEmail(email);
    const request = stub.requests[before];
    expect(request?.method).toBe(fixture.method);
    expect(request?.url.startsWith(fixture.pathPrefix)).toBe(true);
    expect(request?.authorization).toBe(`Bearer ${token}`);
    const sent = `${request?.url} ${request?.body}`.toLowerCase();
    expect(sent).toContain(hashEmail(email));
    expect(sent).not.toContain("camille.martin7");
  });

  it("returns not_found when the network does not know the email", async () => {
    stub.reply(fixture.notFound);
    await expect(provider().lookupByEmail(email)).resolves.toEqual({ status: "not_found" });
  });

  it("throws RateLimitedError with the Retry-After seconds on a 429", async () => {
    stub.reply({ status: 429, headers: { "retry-after": "7" }, body: { error: "slow down" } });
    const error = await provider()
      .lookupByEmail(email)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ code: "rate_limited", retryAfterSeconds: 7, retryable: true, network });
  });

  it.each([500, 502, 503])("throws a retryable TransientProviderError on a %i", async (status) => {
    stub.reply({ status, body: { error: "boom" } });
    const error = await provider()
      .lookupByEmail(email)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientProviderError);
    expect(error).toMatchObject({ reason: "server_error", status, retryable: true });
  });

  it("throws ProviderResponseError on a body that is not JSON", async () => {
    stub.reply({ status: 200, body: "<html>oops</html>" });
    const error = await provider()
      .lookupByEmail(email)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderResponseError);
    expect(error).toMatchObject({ code: "response", retryable: false });
  });

  it("throws ProviderResponseError on JSON of the wrong shape", async () => {
    stub.reply(fixture.wrongShape);
    await expect(provider().lookupByEmail(email)).rejects.toBeInstanceOf(ProviderResponseError);
  });

  it("throws a TransientProviderError when the network is slower than the timeout", async () => {
    stub.reply({ ...fixture.found, delayMs: 3_000 });
    const started = performance.now();
    const error = await provider(300)
      .lookupByEmail(email)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientProviderError);
    expect(error).toMatchObject({ reason: "timeout", status: null, retryable: true });
    // it gave up well before the answer would have come
    expect(performance.now() - started).toBeLessThan(2_500);
  });

  it.each([401, 403])("throws a non-retryable ProviderAuthError on a %i", async (status) => {
    stub.reply({ status, body: { error: "bad token" } });
    const error = await provider()
      .lookupByEmail(email)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderAuthError);
    expect(error).toMatchObject({ code: "auth", status, retryable: false });
  });

  it("rejects with the caller's abort reason, not a provider error, when the caller cancels", async () => {
    stub.reply({ ...fixture.found, delayMs: 1_000 });
    const controller = new AbortController();
    const pending = provider().lookupByEmail(email, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("gate closed")), 30);
    const error = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ProviderError);
    expect((error as Error).message).toBe("gate closed");
  });
});

describe("transport failures", () => {
  it("turns a refused connection into a TransientProviderError", async () => {
    const closed = await startStubServer();
    await closed.close();
    const provider = createProvider("facebook", { baseUrl: closed.url, token, timeoutMs: 2_000 });
    const error = await provider.lookupByEmail(email).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "network", retryable: true });
  });

  it("throws an unexpected 400 as a ProviderResponseError carrying the status", async () => {
    stub.reply({ status: 400, body: { error: "bad request" } });
    const provider = createProvider("twitter", { baseUrl: stub.url, token });
    await expect(provider.lookupByEmail(email)).rejects.toMatchObject({ code: "response", status: 400 });
  });

  it("never puts the email or its hash in an error message", async () => {
    stub.reply({ status: 503 });
    const error = (await createProvider("meetup", { baseUrl: stub.url, token })
      .lookupByEmail(email)
      .catch((e) => e)) as Error;
    expect(error.message).toBe("meetup: server_error (HTTP 503)");
  });
});
