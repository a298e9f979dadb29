import type { z } from "zod";
import { hashEmail } from "./email-hash";
import {
  ProviderAuthError,
  ProviderError,
  ProviderResponseError,
  RateLimitedError,
  TransientProviderError,
} from "./errors";
import {
  EnrichedProfile,
  type LookupOptions,
  type LookupResult,
  type Network,
  type Provider,
  type ProviderConfig,
} from "./types";

export const DEFAULT_TIMEOUT_MS = 5_000;
/** Used when a 429 carries no usable Retry-After. */
export const DEFAULT_RETRY_AFTER_SECONDS = 1;

export interface NetworkRequest {
  method: "GET" | "POST";
  /** Path (and query) appended to the base URL. */
  path: string;
  body?: unknown;
}

/** What makes one network different: where to ask, what "not found" looks like, how to read the answer. */
export interface NetworkAdapter<Body> {
  network: Network;
  request(emailHash: string): NetworkRequest;
  /** A status that means "no such member" on this network (e.g. LinkedIn's 404). */
  notFoundStatus?: number;
  schema: z.ZodType<Body>;
  /** Maps the validated body to the common shape; `null` means not found. */
  toProfile(body: Body): Omit<EnrichedProfile, "network"> | null;
}

/** Seconds to wait from a Retry-After header (delta-seconds or HTTP date). */
export function parseRetryAfter(header: string | null, now = Date.now()): number {
  if (header === null || header.trim() === "") return DEFAULT_RETRY_AFTER_SECONDS;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? DEFAULT_RETRY_AFTER_SECONDS : Math.max(0, Math.ceil((date - now) / 1000));
}

async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** Throws the typed error an unsuccessful status stands for; returns normally for 2xx. */
async function checkStatus(network: Network, response: Response): Promise<void> {
  const { status } = response;
  if (status >= 200 && status < 300) return;
  await discardBody(response);
  if (status === 429)
    throw new RateLimitedError(network, parseRetryAfter(response.headers.get("retry-after")));
  if (status >= 500 || status === 408) throw new TransientProviderError(network, "server_error", status);
  if (status === 401 || status === 403) throw new ProviderAuthError(network, status);
  throw new ProviderResponseError(network, status, "unexpected status");
}

async function readBody<Body>(adapter: NetworkAdapter<Body>, response: Response): Promise<Body> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ProviderResponseError(adapter.network, response.status, "body is not JSON", { cause });
  }
  const parsed = adapter.schema.safeParse(json);
  if (!parsed.success) {
    throw new ProviderResponseError(
      adapter.network,
      response.status,
      "body does not match the expected shape",
      {
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}

function toResult<Body>(adapter: NetworkAdapter<Body>, body: Body, status: number): LookupResult {
  const mapped = adapter.toProfile(body);
  if (mapped === null) return { status: "not_found" };
  const profile = EnrichedProfile.safeParse({ network: adapter.network, ...mapped });
  if (!profile.success) {
    throw new ProviderResponseError(adapter.network, status, "profile fields are invalid", {
      cause: profile.error,
    });
  }
  return { status: "found", profile: profile.data };
}

/** Turns whatever fetch threw into a typed error, except a cancellation by the caller. */
function translateFailure(
  network: Network,
  error: unknown,
  caller: AbortSignal | undefined,
  timeout: AbortSignal,
) {
  if (error instanceof ProviderError) return error;
  if (caller?.aborted) return caller.reason;
  if (timeout.aborted) return new TransientProviderError(network, "timeout", null, { cause: error });
  return new TransientProviderError(network, "network", null, { cause: error });
}

async function lookup<Body>(
  adapter: NetworkAdapter<Body>,
  config: ProviderConfig,
  email: string,
  options: LookupOptions,
): Promise<LookupResult> {
  const request = adapter.request(hashEmail(email));
  const timeout = AbortSignal.timeout(config.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const url = `${config.baseUrl.replace(/\/+$/, "")}${request.path}`;
  const headers: Record<string, string> = {
    authorization: `Bearer ${config.token}`,
    accept: "application/json",
  };
  if (request.body !== undefined) headers["content-type"] = "application/json";
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  try {
    options.signal?.throwIfAborted();
    const response = await (config.fetch ?? fetch)(url, { method: request.method, headers, body, signal });
    if (adapter.notFoundStatus !== undefined && response.status === adapter.notFoundStatus) {
      await discardBody(response);
      return { status: "not_found" };
    }
    await checkStatus(adapter.network, response);
    return toResult(adapter, await readBody(adapter, response), response.status);
  } catch (error) {
    throw translateFailure(adapter.network, error, options.signal, timeout);
  }
}

/** A `Provider` speaking HTTP to one network through its adapter. */
export function httpProvider<Body>(adapter: NetworkAdapter<Body>, config: ProviderConfig): Provider {
  return {
    network: adapter.network,
    lookupByEmail: (email, options = {}) => lookup(adapter, config, email, options),
  };
}
