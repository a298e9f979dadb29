import PQueue from "p-queue";
import type { Network } from "../providers/types";

export interface ProviderLimits {
  /** lookups started per second, per provider (Infinity: no limit) */
  ratePerSecond: number;
  /** lookups in flight at once, per provider */
  concurrency: number;
}

export const defaultLimits: ProviderLimits = { ratePerSecond: 20, concurrency: 8 };

/**
 * p-queue's windows for a rate: a tenth of a second's worth of starts per window rather than a whole
 * second's at once, so that no sliding second sees much more than the rate (a provider counting its
 * limit over any second would answer a burst of two windows with 429s).
 */
export function evenWindows(ratePerSecond: number): { intervalCap: number; interval: number } {
  const intervalCap = Math.max(1, Math.round(ratePerSecond / 10));
  return { intervalCap, interval: (1000 * intervalCap) / ratePerSecond };
}

/** One queue per provider, shared by every job of the process: the network's limit is global. */
export class ProviderLimiter {
  private readonly queues = new Map<Network, PQueue>();

  constructor(private readonly limits: (network: Network) => ProviderLimits = () => defaultLimits) {}

  /** Runs `task` when the provider's rate and concurrency allow. */
  run<T>(network: Network, task: () => Promise<T>): Promise<T> {
    return this.queueOf(network).add(task, { throwOnTimeout: true }) as Promise<T>;
  }

  private queueOf(network: Network): PQueue {
    let queue = this.queues.get(network);
    if (!queue) {
      const { ratePerSecond, concurrency } = this.limits(network);
      queue = Number.isFinite(ratePerSecond)
        ? new PQueue({ concurrency, ...evenWindows(ratePerSecond) })
        : new PQueue({ concurrency });
      this.queues.set(network, queue);
    }
    return queue;
  }
}
