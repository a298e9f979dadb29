import type { Network } from "./types";

export const providerErrorCodes = ["rate_limited", "transient", "auth", "response"] as const;
export type ProviderErrorCode = (typeof providerErrorCodes)[number];

/**
 * Every provider failure. Messages name the network and the HTTP status, never the email or its hash,
 * so they can be logged and audited as they are.
 */
export class ProviderError extends Error {
  constructor(
    readonly code: ProviderErrorCode,
    readonly network: Network,
    readonly retryable: boolean,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${network}: ${message}`, options);
    this.name = "ProviderError";
  }
}

/** HTTP 429: the network asks us to slow down; try again after `retryAfterSeconds`. */
export class RateLimitedError extends ProviderError {
  constructor(
    network: Network,
    readonly retryAfterSeconds: number,
  ) {
    super("rate_limited", network, true, `rate limited, retry after ${retryAfterSeconds}s`);
    this.name = "RateLimitedError";
  }
}

export type TransientReason = "server_error" | "network" | "timeout";

/** A 5xx, a network failure or our own timeout: worth retrying with backoff. */
export class TransientProviderError extends ProviderError {
  constructor(
    network: Network,
    readonly reason: TransientReason,
    readonly status: number | null,
    options?: { cause?: unknown },
  ) {
    super("transient", network, true, status === null ? reason : `${reason} (HTTP ${status})`, options);
    this.name = "TransientProviderError";
  }
}

/** HTTP 401/403: the token is missing, wrong or lacks the right; retrying will not help. */
export class ProviderAuthError extends ProviderError {
  constructor(
    network: Network,
    readonly status: number,
  ) {
    super("auth", network, false, `token refused (HTTP ${status})`);
    this.name = "ProviderAuthError";
  }
}

/** The network answered something we do not understand (bad JSON, wrong shape, unexpected status). */
export class ProviderResponseError extends ProviderError {
  constructor(
    network: Network,
    readonly status: number,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super("response", network, false, `unexpected response (HTTP ${status}): ${detail}`, options);
    this.name = "ProviderResponseError";
  }
}
