import type { SandboxConfig } from "./config";
import type { Network } from "./population";
import { type Rng, rngFrom } from "./prng";

export type Verdict =
  | { kind: "answer" }
  | { kind: "rate_limited"; retryAfterSeconds: number; why: "limit" | "random" }
  | { kind: "error"; status: 500 | 502 | 503 };

const WINDOW_MS = 1_000;
const errorStatuses = [500, 502, 503] as const;

/**
 * The sandbox's misbehaviour: a per-network sliding one-second window for the requests-per-second
 * limit, then random 429s and 5xx drawn from a seeded generator (same seed, same sequence of draws).
 */
export class Chaos {
  private readonly rng: Rng;
  private readonly windows = new Map<Network, number[]>();

  constructor(
    seed: string,
    private readonly config: () => SandboxConfig,
  ) {
    this.rng = rngFrom(seed, "chaos");
  }

  /** Decides what happens to a lookup arriving at `now` (ms). */
  decide(network: Network, now: number): Verdict {
    const { maxRequestsPerSecond, rateLimitRate, retryAfterSeconds, errorRate } = this.config();
    if (maxRequestsPerSecond > 0) {
      const window = this.windowOf(network, now);
      const oldest = window[0];
      if (window.length >= maxRequestsPerSecond && oldest !== undefined) {
        const waitSeconds = Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1_000));
        return { kind: "rate_limited", retryAfterSeconds: waitSeconds, why: "limit" };
      }
      window.push(now);
    }
    if (rateLimitRate > 0 && this.rng.chance(rateLimitRate)) {
      return { kind: "rate_limited", retryAfterSeconds, why: "random" };
    }
    if (errorRate > 0 && this.rng.chance(errorRate))
      return { kind: "error", status: this.rng.pick(errorStatuses) };
    return { kind: "answer" };
  }

  /** Latency to add before answering: fixed plus uniform jitter. */
  delayMs(): number {
    const { latencyMs, jitterMs } = this.config();
    return latencyMs + (jitterMs > 0 ? Math.floor(this.rng.next() * (jitterMs + 1)) : 0);
  }

  /** Forgets past traffic (the limit window restarts). */
  reset(): void {
    this.windows.clear();
  }

  private windowOf(network: Network, now: number): number[] {
    let window = this.windows.get(network);
    if (!window) {
      window = [];
      this.windows.set(network, window);
    }
    let expired = 0;
    while (expired < window.length && (window[expired] ?? 0) <= now - WINDOW_MS) expired++;
    if (expired > 0) window.splice(0, expired);
    return window;
  }
}
