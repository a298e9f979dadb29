import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { evenWindows, ProviderLimiter } from "./limiter";

/** Most starts within any sliding window of `windowMs`. */
function peakWithin(starts: number[], windowMs: number): number {
  let peak = 0;
  for (let lo = 0, hi = 0; hi < starts.length; hi++) {
    while ((starts[hi] ?? 0) - (starts[lo] ?? 0) >= windowMs) lo++;
    peak = Math.max(peak, hi - lo + 1);
  }
  return peak;
}

describe("evenWindows", () => {
  it("keeps the rate exact and the windows a tenth of a second's worth", () => {
    expect(evenWindows(50)).toEqual({ intervalCap: 5, interval: 100 });
    expect(evenWindows(20)).toEqual({ intervalCap: 2, interval: 100 });
    const slow = evenWindows(0.5);
    expect(slow).toEqual({ intervalCap: 1, interval: 2000 });
  });
});

describe("ProviderLimiter", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("never lets a sliding second see more than the rate plus one window", async () => {
    const rate = 20;
    const limiter = new ProviderLimiter(() => ({ ratePerSecond: rate, concurrency: 8 }));
    const starts: number[] = [];
    const done = Promise.all(
      Array.from({ length: 100 }, () =>
        limiter.run("twitter", async () => {
          starts.push(Date.now());
        }),
      ),
    );
    await vi.advanceTimersByTimeAsync(10_000);
    await done;
    expect(starts).toHaveLength(100);
    expect(peakWithin(starts, 1000)).toBeLessThanOrEqual(rate + evenWindows(rate).intervalCap);
    const span = ((starts.at(-1) ?? 0) - (starts[0] ?? 0)) / 1000;
    expect(99 / span).toBeLessThanOrEqual(rate * 1.05);
  });

  it("keeps one queue per provider: one provider's backlog does not hold another's", async () => {
    const limiter = new ProviderLimiter(() => ({ ratePerSecond: 1, concurrency: 1 }));
    const order: string[] = [];
    const twitter = [1, 2, 3].map((i) => limiter.run("twitter", async () => order.push(`twitter${i}`)));
    const meetup = limiter.run("meetup", async () => order.push("meetup"));
    await vi.advanceTimersByTimeAsync(0);
    await meetup;
    expect(order).toEqual(["twitter1", "meetup"]);
    await vi.advanceTimersByTimeAsync(3000);
    await Promise.all(twitter);
  });
});
