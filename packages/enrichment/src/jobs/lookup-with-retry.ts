import { ProviderError, RateLimitedError } from "../providers/errors";
import type { LookupResult, Provider } from "../providers/types";

export interface RetryPolicy {
  /** attempts in all, the first included (default 5) */
  attempts: number;
  /** first backoff after a transient error, doubled each time (default 200 ms) */
  baseDelayMs: number;
  /** longest wait we accept, Retry-After included (default 30 s) */
  maxDelayMs: number;
}

export const defaultRetry: RetryPolicy = { attempts: 5, baseDelayMs: 200, maxDelayMs: 30_000 };

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/**
 * One lookup with the provider's error semantics: a 429 waits its Retry-After, a transient error
 * backs off exponentially, anything else fails at once. `beforeEachAttempt` runs right before every
 * call (the gate), and may stop the lookup by returning false.
 */
export async function lookupWithRetry(
  provider: Provider,
  email: string,
  options: { signal?: AbortSignal; retry?: RetryPolicy; beforeEachAttempt: () => Promise<boolean> },
): Promise<{ result: LookupResult; attempts: number } | { stopped: true; attempts: number }> {
  const retry = options.retry ?? defaultRetry;
  for (let attempt = 1; ; attempt++) {
    if (!(await options.beforeEachAttempt())) return { stopped: true, attempts: attempt - 1 };
    try {
      return { result: await provider.lookupByEmail(email, { signal: options.signal }), attempts: attempt };
    } catch (error) {
      if (!(error instanceof ProviderError) || !error.retryable || attempt >= retry.attempts) throw error;
      const wait =
        error instanceof RateLimitedError
          ? error.retryAfterSeconds * 1000
          : retry.baseDelayMs * 2 ** (attempt - 1);
      await sleep(Math.min(wait, retry.maxDelayMs), options.signal);
    }
  }
}
